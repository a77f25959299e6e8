package org.hopscope.model.alert;

import java.time.Instant;
import java.util.List;

/**
 * The active alerts of one path, as of one moment, and what they are based on.
 *
 * @param path the path's name
 * @param asOf when the backends were asked
 * @param alerts the path's alerts, firing first, then suppressed, then pending; oldest first
 * @param otherPaths active alerts (deduplicated) that belong to no hop of this path
 * @param backends how Prometheus and Alertmanager answered, in that order
 */
public record AlertsReport(
    String path,
    Instant asOf,
    List<PathAlert> alerts,
    int otherPaths,
    List<AlertBackend> backends) {

  public AlertsReport {
    alerts = List.copyOf(alerts);
    backends = List.copyOf(backends);
  }

  /** True when at least one backend answered: the list says something. */
  public boolean known() {
    return backends.stream().anyMatch(b -> b.status() == AlertBackend.Status.ANSWERED);
  }

  /** True when every configured backend answered. */
  public boolean complete() {
    return known()
        && backends.stream().noneMatch(b -> b.status() == AlertBackend.Status.UNAVAILABLE);
  }

  /** How many of the path's alerts are in {@code state}. */
  public long count(AlertState state) {
    return alerts.stream().filter(a -> a.state() == state).count();
  }

  /** The backends that could not be read, each as "X unavailable: why". */
  public List<String> problems() {
    return backends.stream()
        .filter(b -> b.status() == AlertBackend.Status.UNAVAILABLE)
        .map(AlertBackend::line)
        .toList();
  }

  /**
   * The one-line answer both faces show: "3 firing, 1 pending on path orders", "No active alerts on
   * path orders (5 on other paths)", "Alerts on path orders unknown: no backend answered"; with " -
   * incomplete, Alertmanager unavailable" when a backend failed (never a bare "no alerts").
   */
  public String headline() {
    if (backends.stream().allMatch(b -> b.status() == AlertBackend.Status.NOT_CONFIGURED)) {
      return "Alerts on path "
          + path
          + " unknown: the profile names no Prometheus or Alertmanager to ask";
    }
    if (!known()) {
      return "Alerts on path " + path + " unknown: no alert backend answered";
    }
    StringBuilder sb = new StringBuilder();
    if (alerts.isEmpty()) {
      sb.append("No active alerts on path ").append(path);
    } else {
      List<String> parts = new java.util.ArrayList<>();
      for (AlertState s : AlertState.values()) {
        long n = count(s);
        if (n > 0) {
          parts.add(n + " " + s.word());
        }
      }
      sb.append(String.join(", ", parts)).append(" on path ").append(path);
    }
    if (otherPaths > 0) {
      sb.append(" (").append(otherPaths).append(" more on other paths)");
    }
    List<String> failed =
        backends.stream()
            .filter(b -> b.status() == AlertBackend.Status.UNAVAILABLE)
            .map(b -> b.origin().label())
            .toList();
    if (!failed.isEmpty()) {
      sb.append(" - incomplete: ").append(String.join(" and ", failed)).append(" unavailable");
    }
    return sb.toString();
  }

  /**
   * The short form for a badge: "4 firing", "2 pending", "no alerts", "alerts unknown"; with "?"
   * appended when a backend failed ("4 firing?": there may be more).
   */
  public String badge() {
    if (!known()) {
      return "alerts unknown";
    }
    long firing = count(AlertState.FIRING);
    long pending = count(AlertState.PENDING);
    long suppressed = count(AlertState.SUPPRESSED);
    String text =
        firing > 0
            ? firing + " firing"
            : pending > 0
                ? pending + " pending"
                : suppressed > 0 ? suppressed + " silenced" : "no alerts";
    return complete() ? text : text + "?";
  }

  /** What the answer is based on: "Prometheus + Alertmanager", "Prometheus only". */
  public String basedOn() {
    List<String> answered =
        backends.stream()
            .filter(b -> b.status() == AlertBackend.Status.ANSWERED)
            .map(b -> b.origin().label())
            .toList();
    return answered.isEmpty()
        ? "nothing"
        : answered.size() == 1 ? answered.get(0) + " only" : String.join(" + ", answered);
  }
}
