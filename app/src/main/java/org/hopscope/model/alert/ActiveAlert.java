package org.hopscope.model.alert;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One active alert as one backend reports it.
 *
 * @param labels its labels, {@code alertname} among them; its identity
 * @param annotations {@code summary}, {@code description}, {@code runbook_url}, ...
 * @param state firing, pending or suppressed
 * @param since Prometheus' {@code activeAt} (when its condition began to hold) or Alertmanager's
 *     {@code startsAt} (when it fired); null when the backend did not say
 * @param origin the backend that reported it
 */
public record ActiveAlert(
    Map<String, String> labels,
    Map<String, String> annotations,
    AlertState state,
    Instant since,
    AlertOrigin origin) {

  public ActiveAlert {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(origin, "origin");
  }

  /** The {@code alertname} label, or "(unnamed)". */
  public String name() {
    return labels.getOrDefault("alertname", "(unnamed)");
  }

  /**
   * Its identity: the label set, sorted ({@code a="1",b="2"}). Prometheus sends an alert to
   * Alertmanager with the same labels (unless it adds external labels), so both copies have it.
   */
  public String fingerprint() {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(labels)
        .forEach(
            (k, v) ->
                sb.append(sb.length() == 0 ? "" : ",")
                    .append(k)
                    .append("=\"")
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"'));
    return sb.toString();
  }
}
