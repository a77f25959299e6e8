package org.hopscope.config;

import java.util.LinkedHashSet;
import java.util.List;
import org.hopscope.model.Notice;

/**
 * The settings a command runs with, after profile, environment and flags.
 *
 * @param profile the merged settings; its name is the profile's, or {@code (environment)} when none
 *     was used
 * @param notices things the user should know (TLS verification off, profile credentials not sent to
 *     another server), each once; empty when none
 */
public record ResolvedConnection(ConnectionProfile profile, List<Notice> notices) {

  public ResolvedConnection {
    notices = List.copyOf(new LinkedHashSet<>(notices));
  }
}
