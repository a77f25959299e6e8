package org.hopscope.model.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing seen or done during an incident, recorded automatically.
 *
 * @param id store-assigned
 * @param incidentId the incident
 * @param at when (UTC)
 * @param kind what sort of entry
 * @param actor the OS user
 * @param summary one line for the timeline, e.g. "flow ord-1: STUCK at fulfilment-service"
 * @param detail machine-readable detail as JSON (may be "{}")
 */
public record TimelineEntry(
    long id, long incidentId, Instant at, Kind kind, String actor, String summary, String detail) {

  public TimelineEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summary, "summary");
    detail = detail == null ? "{}" : detail;
  }

  /** The sorts of timeline entries. */
  public enum Kind {
    OPENED,
    SEARCH,
    WINDOW_ANALYSIS,
    CHECK,
    STEP_DONE,
    BRANCH,
    NOTE,
    EVIDENCE,
    STATUS,
    /** The incident was imported from a bundle file (docs/bundles.md). */
    IMPORTED
  }
}
