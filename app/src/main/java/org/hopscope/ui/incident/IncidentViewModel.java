package org.hopscope.ui.incident;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hopscope.model.Flow;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.ui.task.TaskRunner;

/**
 * The incidents the engineer works inside: the list (searchable, newest first), the current
 * incident (null: working without one), its timeline, and what can be done to it (mitigate,
 * resolve, record, save evidence, export the post-mortem), each one call into the {@link
 * IncidentDesk} through the injected {@link TaskRunner}; results land on the FX thread. Never
 * touches a control.
 */
public final class IncidentViewModel {

  /** How many incidents the list shows at most. */
  public static final int LIST_LIMIT = 500;

  private final IncidentDesk desk;
  private final TaskRunner runner;
  private final Path configDir;
  private final ObservableList<Incident> incidents = FXCollections.observableArrayList();
  private final StringProperty search = new SimpleStringProperty(this, "search", "");
  private final ReadOnlyObjectWrapper<Incident> current =
      new ReadOnlyObjectWrapper<>(this, "current");
  private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final javafx.beans.property.ReadOnlyBooleanWrapper loaded =
      new javafx.beans.property.ReadOnlyBooleanWrapper(this, "loaded");
  private final ReadOnlyObjectWrapper<Path> exported =
      new ReadOnlyObjectWrapper<>(this, "exported");

  /**
   * @param desk the incident operations (not closed by this view model)
   * @param runner the one way work leaves the FX thread
   * @param configDir Hopscope's configuration folder: exports use its {@code masking.yaml} like the
   *     CLI does; null: the built-in rules only
   */
  public IncidentViewModel(IncidentDesk desk, TaskRunner runner, Path configDir) {
    this.configDir = configDir;
    this.desk = Objects.requireNonNull(desk, "desk");
    this.runner = Objects.requireNonNull(runner, "runner");
    search.addListener((o, was, now) -> refresh());
  }

  /** Reloads the incidents list for {@link #searchProperty()}. */
  public void refresh() {
    String text = search.get();
    runner.run(
        "incidents list",
        c -> desk.list(text, LIST_LIMIT),
        list -> {
          if (Objects.equals(text, search.get())) {
            incidents.setAll(list);
            loaded.set(true);
          }
        },
        this::fail);
  }

  /**
   * Opens a new incident, which becomes the current one.
   *
   * @param title what is wrong, not blank
   * @param severity how bad
   * @param path the integration path's name, or null
   * @param window the window under investigation, or null
   */
  public void open(String title, Incident.Severity severity, String path, TimeWindow window) {
    if (title == null || title.isBlank()) {
      problem.set("An incident needs a title: say in a few words what is wrong.");
      return;
    }
    String p = path == null || path.isBlank() ? null : path.strip();
    runner.run(
        "open incident",
        c -> desk.open(title.strip(), severity, p, window),
        this::becomeCurrent,
        this::fail);
  }

  /** Makes the incident with this id the current one (0: work without an incident). */
  public void select(long id) {
    if (id == 0) {
      current.set(null);
      timeline.clear();
      return;
    }
    runner.run("incident " + id, c -> desk.get(id), this::becomeCurrent, this::fail);
  }

  /** Marks the current incident MITIGATED now (no-op without one). */
  public void mitigate() {
    changeStatus("mitigate", desk::mitigate);
  }

  /** Marks the current incident RESOLVED now (no-op without one). */
  public void resolve() {
    changeStatus("resolve", desk::resolve);
  }

  private void changeStatus(String what, Function<Long, Incident> change) {
    Incident inc = current.get();
    if (inc != null) {
      runner.run(
          what + " " + inc.id(), c -> change.apply(inc.id()), this::becomeCurrent, this::fail);
    }
  }

  /** Records a flow search's answer on the current incident (no-op without one). */
  public void recordFlow(Flow flow) {
    record("record search", id -> desk.recordFlow(id, flow));
  }

  /** Records a stuck-messages analysis (and keeps its report) on the current incident. */
  public void recordStuck(StuckReport report) {
    record("record analysis", id -> desk.recordStuck(id, report));
  }

  /**
   * Runs one recording operation on the current incident through the runner, then shows its
   * timeline. Does nothing without a current incident.
   */
  private void record(String what, Function<Long, Object> operation) {
    Incident inc = current.get();
    if (inc == null) {
      return;
    }
    runner.run(
        what,
        c -> {
          operation.apply(inc.id());
          return desk.timeline(inc.id());
        },
        entries -> showTimeline(inc.id(), entries),
        this::fail);
  }

  /** Reloads the timeline of incident {@code incidentId} (after a recording elsewhere). */
  void reloadTimeline(long incidentId) {
    runner.run(
        "timeline " + incidentId,
        c -> desk.timeline(incidentId),
        entries -> showTimeline(incidentId, entries),
        this::fail);
  }

  /**
   * Writes the current incident's post-mortem draft to {@code out} (Markdown, chart images beside
   * it), masked by the configured rules (the config folder's {@code masking.yaml}, read at each
   * export). On success {@link #exportedProperty()} holds the file; on failure {@link
   * #problemProperty()} says why. A masking file with problems stops the export before anything is
   * written (never unmasked).
   */
  public void exportPostMortem(Path out) {
    Incident inc = current.get();
    if (inc == null) {
      problem.set("Open or select an incident before exporting its post-mortem.");
      return;
    }
    runner.run(
        "export incident " + inc.id(),
        c -> desk.exportPostMortem(inc.id(), out, configDir, null),
        file -> {
          problem.set("");
          exported.set(file);
        },
        t ->
            problem.set(
                IncidentDesk.refusedByMasking(t)
                    ? "The post-mortem was not exported: the masking rules cannot be used.\n"
                        + t.getMessage()
                    : message(t)));
  }

  private void becomeCurrent(Incident inc) {
    problem.set("");
    current.set(inc);
    refresh();
    reloadTimeline(inc.id());
  }

  /** Shows {@code entries} as the timeline if incident {@code incidentId} is still current. */
  void showTimeline(long incidentId, List<TimelineEntry> entries) {
    Incident inc = current.get();
    if (inc != null && inc.id() == incidentId) {
      timeline.setAll(entries);
    }
  }

  /** Shows {@code t}'s message as the current problem. */
  void fail(Throwable t) {
    problem.set(message(t));
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  /** Incidents matching {@link #searchProperty()}, newest first. */
  public ObservableList<Incident> incidents() {
    return incidents;
  }

  /** Whether the incidents list has been loaded from the store at least once. */
  public javafx.beans.property.ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  /** Text to find in incident titles and paths; "" lists all. */
  public StringProperty searchProperty() {
    return search;
  }

  /** The incident being worked in, or null when working without one. */
  public ReadOnlyObjectProperty<Incident> currentProperty() {
    return current.getReadOnlyProperty();
  }

  /** The current incident's timeline, oldest first (empty without a current incident). */
  public ObservableList<TimelineEntry> timeline() {
    return timeline;
  }

  /** What went wrong last, for the user; "" when nothing. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** The last post-mortem file written, or null. */
  public ReadOnlyObjectProperty<Path> exportedProperty() {
    return exported.getReadOnlyProperty();
  }

  /** The incident operations (for note editors, the evidence list, the step recorder). */
  public IncidentDesk desk() {
    return desk;
  }

  public TaskRunner runner() {
    return runner;
  }
}
