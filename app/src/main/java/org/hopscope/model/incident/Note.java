package org.hopscope.model.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * Free text the engineer wrote, attached to one scope. At most one note per (incident, scope, key).
 *
 * @param id store-assigned
 * @param incidentId the incident, or 0 for a note outside any incident
 * @param scope what the note is about
 * @param key the scope's key: "" for INCIDENT, "playbookId/stepId" for STEP, the hop name for HOP,
 *     the message ID for MESSAGE
 * @param text the note (Markdown)
 * @param updatedAt last autosave (UTC)
 */
public record Note(
    long id, long incidentId, Scope scope, String key, String text, Instant updatedAt) {

  public Note {
    Objects.requireNonNull(scope, "scope");
    key = key == null ? "" : key;
    text = text == null ? "" : text;
  }

  /** What a note is about. */
  public enum Scope {
    INCIDENT,
    STEP,
    HOP,
    MESSAGE
  }
}
