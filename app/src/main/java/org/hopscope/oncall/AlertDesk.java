package org.hopscope.oncall;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hopscope.model.PathDef;
import org.hopscope.model.alert.ActiveAlert;
import org.hopscope.model.alert.AlertBackend;
import org.hopscope.model.alert.AlertOrigin;
import org.hopscope.model.alert.AlertState;
import org.hopscope.model.alert.AlertsReport;
import org.hopscope.model.alert.PathAlert;
import org.hopscope.model.playbook.PlaybookLink;
import org.hopscope.source.AlertSource;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;

/**
 * The {@code alerts} operation: asks Prometheus and Alertmanager (each optional) for their active
 * alerts, merges the two copies of an alert (same label set), keeps those about the path ({@link
 * AlertPaths}) and gives each with a {@code hopscope://} runbook_url its playbook link over the
 * alert's window (its start to the report's time). A backend that fails is said, by name, and the
 * other's alerts still count; never "no alerts" when nothing answered.
 */
final class AlertDesk {

  private final AlertSource prometheus;
  private final AlertSource alertmanager;

  /** Either source may be null (not configured). */
  AlertDesk(AlertSource prometheus, AlertSource alertmanager) {
    this.prometheus = prometheus;
    this.alertmanager = alertmanager;
  }

  AlertsReport alerts(PathDef path, Instant asOf, Cancellation cancel) {
    List<AlertBackend> backends = new ArrayList<>();
    List<ActiveAlert> all = new ArrayList<>();
    ask(prometheus, AlertOrigin.PROMETHEUS, all, backends, cancel);
    ask(alertmanager, AlertOrigin.ALERTMANAGER, all, backends, cancel);
    Map<String, List<ActiveAlert>> byIdentity = new LinkedHashMap<>();
    for (ActiveAlert a : all) {
      byIdentity.computeIfAbsent(a.fingerprint(), k -> new ArrayList<>()).add(a);
    }
    List<PathAlert> mine = new ArrayList<>();
    int others = 0;
    for (List<ActiveAlert> copies : byIdentity.values()) {
      Optional<AlertPaths.Match> match = AlertPaths.match(path, copies.get(0).labels());
      if (match.isEmpty()) {
        others++;
      } else {
        mine.add(merged(copies, match.get(), asOf));
      }
    }
    mine.sort(
        Comparator.comparing((PathAlert a) -> rank(a.state()))
            .thenComparing(PathAlert::since, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PathAlert::name)
            .thenComparing(a -> String.valueOf(a.hop())));
    return new AlertsReport(path.name(), asOf, mine, others, backends);
  }

  private static void ask(
      AlertSource source,
      AlertOrigin origin,
      List<ActiveAlert> into,
      List<AlertBackend> backends,
      Cancellation cancel) {
    if (source == null) {
      backends.add(AlertBackend.notConfigured(origin));
      return;
    }
    try {
      List<ActiveAlert> alerts = source.activeAlerts(cancel);
      into.addAll(alerts);
      backends.add(AlertBackend.answered(origin, source.url(), alerts.size()));
    } catch (SourceException e) {
      backends.add(AlertBackend.unavailable(origin, source.url(), e.getMessage()));
    }
  }

  private static int rank(AlertState s) {
    return switch (s) {
      case FIRING -> 0;
      case SUPPRESSED -> 1;
      case PENDING -> 2;
    };
  }

  /** One alert from its copies (Prometheus' first, as asked): its state wins, earliest start. */
  private static PathAlert merged(List<ActiveAlert> copies, AlertPaths.Match match, Instant asOf) {
    ActiveAlert first = copies.get(0);
    Instant since =
        copies.stream()
            .map(ActiveAlert::since)
            .filter(t -> t != null)
            .min(Comparator.naturalOrder())
            .orElse(null);
    Map<String, String> annotations = new LinkedHashMap<>();
    for (int i = copies.size() - 1; i >= 0; i--) {
      annotations.putAll(copies.get(i).annotations());
    }
    String summary = annotations.getOrDefault("summary", annotations.get("description"));
    String runbook = annotations.get("runbook_url");
    String link = null;
    String problem = null;
    if (runbook != null && runbook.startsWith(PlaybookLink.SCHEME + "://")) {
      try {
        link = withWindow(runbook, PlaybookLink.parse(runbook), since, asOf);
      } catch (IllegalArgumentException e) {
        problem = "its runbook_url is not a usable playbook link: " + e.getMessage();
      }
    }
    return new PathAlert(
        first.name(),
        first.state(),
        first.labels().get("severity"),
        match.hop(),
        match.matchedBy(),
        summary,
        first.labels(),
        annotations,
        since,
        runbook,
        link,
        problem,
        copies.stream().map(ActiveAlert::origin).distinct().toList());
  }

  /**
   * The link with {@code from}=since and {@code to}=asOf (whole seconds) added, unless it names a
   * window itself or the start is unknown (then the playbook runs as of the moment it is opened).
   */
  static String withWindow(String runbook, PlaybookLink parsed, Instant since, Instant asOf) {
    Instant to = asOf.truncatedTo(ChronoUnit.SECONDS);
    Instant from = since == null ? null : since.truncatedTo(ChronoUnit.SECONDS);
    if (parsed.window().isPresent() || from == null || !to.isAfter(from)) {
      return runbook;
    }
    String sep = runbook.contains("?") ? (runbook.endsWith("?") ? "" : "&") : "?";
    return runbook + sep + "from=" + from + "&to="
        + to; // ISO-8601 instants need no escaping in a query
  }
}
