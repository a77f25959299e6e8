package org.hopscope.ui.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hopscope.model.Notice;
import org.hopscope.oncall.ConnectionReport;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.flow.FlowFormat;
import org.hopscope.ui.task.TaskRunner;

/**
 * The status bar's state: each source's health (from the {@link HealthProbe}, through the task
 * runner, latest only), the active profile's name and what the user must know about its connection
 * (TLS verification off, credentials withheld), and the last query's label, duration and time.
 */
public final class StatusViewModel {

  static final String ELASTICSEARCH = "Elasticsearch";
  static final String PROMETHEUS = "Prometheus";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final TaskRunner runner;
  private final Clock clock;
  private final ObjectProperty<HealthProbe> probe = new SimpleObjectProperty<>();
  private final StringProperty profileName = new SimpleStringProperty("");
  private final ReadOnlyObjectWrapper<SourceHealth> elasticsearch = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<SourceHealth> prometheus = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper lastQuery = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper();
  private final ObservableList<Notice> connectionNotices = FXCollections.observableArrayList();
  private Cancellation inFlight;

  /**
   * @param probe asks the active profile's sources; null until there is a profile
   * @param clock for the last query's time of day (in the clock's zone)
   */
  public StatusViewModel(HealthProbe probe, TaskRunner runner, Clock clock) {
    this.runner = runner;
    this.clock = clock;
    this.probe.set(probe);
    showUnknown(probe == null ? "no profile" : "not checked yet");
    this.probe.addListener(
        (o, was, now) -> {
          if (now != null) {
            showUnknown(CHECKING); // never the old profile's health beside the new one
          }
          refresh();
        });
  }

  /** What the status bar says while the health of a profile being opened is not known yet. */
  public static final String CHECKING = "checking…";

  /**
   * A profile switch began: the old profile's health goes (shown as {@link #CHECKING}) and an
   * answer of its still awaited is dropped; the new probe comes with {@link #probeProperty()}.
   */
  public void switching() {
    cancel();
    probe.set(null);
    showUnknown(CHECKING);
  }

  /** The profile could not be opened: its sources' health is unknown, saying {@code why}. */
  public void notConnected(String why) {
    cancel();
    probe.set(null);
    elasticsearch.set(
        new SourceHealth(ELASTICSEARCH, SourceHealth.Level.UNKNOWN, "not connected", why));
    prometheus.set(new SourceHealth(PROMETHEUS, SourceHealth.Level.UNKNOWN, "not connected", why));
  }

  /**
   * Asks the probe now, replacing an answer still awaited (a switched profile's probe wins). Also
   * runs by itself when {@link #probeProperty()} changes.
   */
  public void refresh() {
    cancel();
    HealthProbe p = probe.get();
    if (p == null) {
      showUnknown("no profile");
      return;
    }
    refreshing.set(true);
    inFlight =
        runner.run(
            "health",
            p::probe,
            report -> {
              refreshing.set(false);
              show(report);
            },
            failure -> {
              refreshing.set(false);
              String why = "health check failed: " + failure.getMessage();
              elasticsearch.set(
                  new SourceHealth(ELASTICSEARCH, SourceHealth.Level.DOWN, "error", why));
              prometheus.set(new SourceHealth(PROMETHEUS, SourceHealth.Level.DOWN, "error", why));
            });
  }

  /** For periodic polling: {@link #refresh()} unless one is still running. */
  public void poll() {
    if (!refreshing.get()) {
      refresh();
    }
  }

  /** Cancels a refresh in flight; the health shown stays. */
  public void cancel() {
    if (inFlight != null) {
      inFlight.cancel();
      inFlight = null;
    }
    refreshing.set(false);
  }

  /**
   * Records a finished query, shown as e.g. {@code flow ord-123: 412 ms at 14:02:11}.
   *
   * @param label what was asked, e.g. {@code flow ord-123}
   * @param took how long it took
   */
  public void recordQuery(String label, Duration took) {
    LocalTime at =
        LocalTime.ofInstant(clock.instant(), clock.getZone()).truncatedTo(ChronoUnit.SECONDS);
    lastQuery.set(label + ": " + FlowFormat.latency(took.toMillis()) + " at " + TIME.format(at));
  }

  private void show(ConnectionReport report) {
    elasticsearch.set(SourceHealthText.of(report.elasticsearch()));
    prometheus.set(SourceHealthText.of(report.prometheus()));
  }

  private void showUnknown(String text) {
    elasticsearch.set(SourceHealth.unknown(ELASTICSEARCH, text));
    prometheus.set(SourceHealth.unknown(PROMETHEUS, text));
  }

  /** The probe of the active profile; the application swaps it on a profile switch. */
  public ObjectProperty<HealthProbe> probeProperty() {
    return probe;
  }

  /**
   * The notices of the active connection (e.g. TLS verification off), set by the application when
   * it opens a profile; all of them are shown.
   */
  public ObservableList<Notice> connectionNotices() {
    return connectionNotices;
  }

  /** The active profile's name, set by the application; empty when none. */
  public StringProperty profileNameProperty() {
    return profileName;
  }

  public ReadOnlyObjectProperty<SourceHealth> elasticsearchProperty() {
    return elasticsearch.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<SourceHealth> prometheusProperty() {
    return prometheus.getReadOnlyProperty();
  }

  /** Empty until a query was recorded, then e.g. {@code flow ord-123: 412 ms at 14:02:11}. */
  public ReadOnlyStringProperty lastQueryProperty() {
    return lastQuery.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty refreshingProperty() {
    return refreshing.getReadOnlyProperty();
  }
}
