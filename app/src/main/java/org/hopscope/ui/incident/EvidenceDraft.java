package org.hopscope.ui.incident;

import java.util.Objects;
import org.hopscope.model.incident.Evidence;

/**
 * One evidence snapshot about to be saved on the open incident (see {@link EvidenceSaver}).
 *
 * @param kind what it holds
 * @param title e.g. "flow ord-1" or "fulfilment-service: Consumer lag (chart)"
 * @param query the query that produced it (message and window, or PromQL), never null
 * @param mediaType {@code application/json} or {@code image/png}
 * @param content the bytes (JSON as UTF-8)
 */
public record EvidenceDraft(
    Evidence.Kind kind, String title, String query, String mediaType, byte[] content) {

  /** JSON evidence's media type. */
  public static final String JSON = "application/json";

  /** Chart images' media type. */
  public static final String PNG = "image/png";

  public EvidenceDraft {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(content, "content");
  }
}
