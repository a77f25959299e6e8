package org.hopscope.model.playbook;

import java.util.List;

/**
 * One step of a playbook: a {@code ## Title {#id}} section.
 *
 * @param id unique within the playbook
 * @param title the heading text
 * @param markdown the section's text without its check and next blocks
 * @param check what the tool evaluates, or null for a reading/doing step
 * @param next where to go after this step; empty: the following step
 * @param line the heading's line in the file
 */
public record Step(
    String id, String title, String markdown, Check check, List<NextRule> next, int line) {

  public Step {
    next = List.copyOf(next);
  }
}
