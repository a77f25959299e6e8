package org.hopscope.ui.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hopscope.model.alert.AlertsReport;
import org.hopscope.model.alert.PathAlert;
import org.hopscope.model.playbook.PlaybookLink;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.task.TaskRunner;

/**
 * The alerts panel's state: the current path's active alerts (the tier's {@code alerts} operation,
 * through the {@link TaskRunner}), loaded on {@link #refresh}, cancellable; the badge's words;
 * opening an alert's playbook link. A failure is shown as "alerts unknown" with its reason, never
 * as "no alerts".
 */
public final class AlertsViewModel {

  /** Reads the alerts of path {@code path} as of {@code asOf} (blocking; run off the FX thread). */
  @FunctionalInterface
  public interface AlertsLoader {
    AlertsReport alerts(String path, Instant asOf, Cancellation cancel);
  }

  private final AlertsLoader loader;
  private final TaskRunner runner;
  private final Clock clock;
  private final Consumer<PlaybookLink> openLink;
  private final ObjectProperty<String> path = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<AlertsReport> report = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper("alerts …");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private final BooleanProperty open = new SimpleBooleanProperty(false);
  private Cancellation running;

  /**
   * @param openLink opens a playbook link in the client (the alert's window and variables)
   */
  public AlertsViewModel(
      AlertsLoader loader, TaskRunner runner, Clock clock, Consumer<PlaybookLink> openLink) {
    this.loader = loader;
    this.runner = runner;
    this.clock = clock;
    this.openLink = openLink;
    path.addListener((o, was, now) -> refresh());
  }

  /** The path whose alerts are shown; changing it reloads. */
  public ObjectProperty<String> pathProperty() {
    return path;
  }

  /** The last answer, or null before the first one (and after a failure). */
  public ReadOnlyObjectProperty<AlertsReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  /** Why the alerts could not be read at all, or "". */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** The badge's words: "4 firing", "no alerts", "alerts unknown", "alerts …" while loading. */
  public ReadOnlyStringProperty badgeProperty() {
    return badge.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** Whether the panel is shown. */
  public BooleanProperty openProperty() {
    return open;
  }

  /** Reads the alerts again (cancelling a read under way). */
  public void refresh() {
    cancel();
    String p = path.get();
    if (p == null) {
      report.set(null);
      problem.set("no path chosen");
      badge.set("alerts unknown");
      return;
    }
    loading.set(true);
    badge.set("alerts …");
    Instant asOf = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    running =
        runner.run(
            "alerts " + p,
            c -> loader.alerts(p, asOf, c),
            r -> {
              running = null;
              loading.set(false);
              problem.set("");
              report.set(r);
              badge.set(r.badge());
            },
            e -> {
              running = null;
              loading.set(false);
              report.set(null);
              problem.set("Alerts unknown: " + e.getMessage());
              badge.set("alerts unknown");
            });
  }

  /** Stops a read under way; the last answer stays. */
  public void cancel() {
    if (running != null) {
      running.cancel();
      running = null;
      loading.set(false);
      AlertsReport last = report.get();
      badge.set(last == null ? "alerts unknown" : last.badge());
    }
  }

  /** Opens the alert's playbook over its window; false when it has no playbook link. */
  public boolean open(PathAlert alert) {
    if (alert.playbookLink() == null) {
      return false;
    }
    openLink.accept(PlaybookLink.parse(alert.playbookLink()));
    open.set(false);
    return true;
  }
}
