package org.hopscope.model.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An active alert that belongs to a path, merged from the backends that report it.
 *
 * @param name the {@code alertname}
 * @param state Prometheus' state when it reports the alert (firing/pending), else Alertmanager's
 * @param severity the {@code severity} label, or null
 * @param hop the path's hop its labels name, or null when only its {@code path} label matched
 * @param matchedBy the label that tied it to the path, e.g. {@code hop=fulfilment-service}
 * @param summary the {@code summary} annotation (else {@code description}), or null
 * @param labels every label
 * @param annotations every annotation
 * @param since the earliest of Prometheus' {@code activeAt} and Alertmanager's {@code startsAt}, or
 *     null when neither said
 * @param runbookUrl the {@code runbook_url} annotation, or null
 * @param playbookLink a {@code hopscope://playbook/...} link with the alert's window ({@code
 *     from}=since, {@code to}=the report's time) added, when the runbook_url is a valid Hopscope
 *     link; else null
 * @param linkProblem why a {@code hopscope://} runbook_url gives no link, or null
 * @param origins the backends that report it, Prometheus first
 */
public record PathAlert(
    String name,
    AlertState state,
    String severity,
    String hop,
    String matchedBy,
    String summary,
    Map<String, String> labels,
    Map<String, String> annotations,
    Instant since,
    String runbookUrl,
    String playbookLink,
    String linkProblem,
    List<AlertOrigin> origins) {

  public PathAlert {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    origins = List.copyOf(origins);
  }

  /** How long it has been active as of {@code asOf}, or null when its start is unknown. */
  public Duration activeFor(Instant asOf) {
    return since == null || since.isAfter(asOf) ? null : Duration.between(since, asOf);
  }

  /** How long it has been active, in words: "40 s", "14 min", "2 h 5 min"; "unknown". */
  public String activeForText(Instant asOf) {
    Duration d = activeFor(asOf);
    if (d == null) {
      return "unknown";
    }
    long m = d.toMinutes();
    return m < 1
        ? d.toSeconds() + " s"
        : m < 120 ? m + " min" : (m / 60) + " h " + (m % 60) + " min";
  }

  /** "Prometheus", "Alertmanager" or "Prometheus + Alertmanager". */
  public String originText() {
    return String.join(" + ", origins.stream().map(AlertOrigin::label).toList());
  }
}
