package org.hopscope.model.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot kept so the incident can be reviewed with no backend reachable.
 *
 * @param id store-assigned
 * @param incidentId the incident
 * @param kind what it holds
 * @param title e.g. "flow ord-1" or "fulfilment-service: Processing outcomes"
 * @param query the query that produced it (PromQL, message ID, window), for the post-mortem
 * @param createdAt when it was saved (UTC)
 * @param mediaType {@code application/json} or {@code image/png}
 * @param content the bytes (JSON as UTF-8)
 */
public record Evidence(
    long id,
    long incidentId,
    Kind kind,
    String title,
    String query,
    Instant createdAt,
    String mediaType,
    byte[] content) {

  public Evidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(content, "content");
  }

  /** What an evidence snapshot holds. */
  /** A chart image or any other image: shown as a picture, never masked as text. */
  public boolean isImage() {
    return kind == Kind.CHART_PNG || (mediaType != null && mediaType.startsWith("image/"));
  }

  public enum Kind {
    FLOW_JSON,
    METRIC_SERIES,
    CHART_PNG,
    WINDOW_REPORT
  }
}
