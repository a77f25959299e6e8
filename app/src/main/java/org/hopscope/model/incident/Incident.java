package org.hopscope.model.incident;

import java.time.Instant;
import java.util.Objects;
import org.hopscope.model.TimeWindow;

/**
 * An incident the engineer works inside.
 *
 * @param id store-assigned, positive
 * @param title e.g. "orders stuck at fulfilment"
 * @param severity SEV1 (worst) to SEV4
 * @param path the integration path's name
 * @param window the time window under investigation
 * @param status open or resolved
 * @param openedAt when it was opened (UTC)
 * @param detectedAt when the problem was detected (the alert), or null
 * @param mitigatedAt when impact stopped, or null
 * @param resolvedAt when it was resolved, or null while open
 * @param openedBy the OS user who opened it
 */
public record Incident(
    long id,
    String title,
    Severity severity,
    String path,
    TimeWindow window,
    Status status,
    Instant openedAt,
    Instant detectedAt,
    Instant mitigatedAt,
    Instant resolvedAt,
    String openedBy) {

  public Incident {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(openedAt, "openedAt");
  }

  /** How bad. */
  public enum Severity {
    SEV1,
    SEV2,
    SEV3,
    SEV4
  }

  /** Where it stands. */
  public enum Status {
    OPEN,
    MITIGATED,
    RESOLVED
  }
}
