package org.hopscope.ui.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.report.Masking;
import org.hopscope.report.MaskingException;
import org.hopscope.report.PostMortemExport;
import org.hopscope.report.PostMortemInput;
import org.hopscope.store.EvidenceSummary;
import org.hopscope.store.IncidentDatabase;
import org.hopscope.ui.task.TaskRunner;

/**
 * The incidents the engineer works inside: the list (searchable, newest first), the current
 * incident (null: working without one), its timeline, and what can be done to it (mitigate,
 * resolve, record, save evidence, export the post-mortem). Every store call goes through the
 * injected {@link TaskRunner}; results land on the FX thread. Never touches a control.
 */
public final class IncidentViewModel {

  /** How many incidents the list shows at most. */
  public static final int LIST_LIMIT = 500;

  private final IncidentDatabase db;
  private final TaskRunner runner;
  private final Clock clock;
  private final String user;
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
   * @param db the local store (open; not closed by this view model)
   * @param runner the one way work leaves the FX thread
   * @param clock the app's clock (for callers that stamp things, e.g. the new-incident window)
   * @param user the OS user recorded as actor
   */
  public IncidentViewModel(IncidentDatabase db, TaskRunner runner, Clock clock, String user) {
    this(db, runner, clock, user, null);
  }

  /**
   * @param db the local store (open; not closed by this view model)
   * @param runner the one way work leaves the FX thread
   * @param clock the app's clock (for callers that stamp things, e.g. the new-incident window)
   * @param user the OS user recorded as actor
   * @param configDir Hopscope's configuration folder: exports use its {@code masking.yaml} like the
   *     CLI does ({@link Masking#configured}); null: the built-in rules only
   */
  public IncidentViewModel(
      IncidentDatabase db, TaskRunner runner, Clock clock, String user, Path configDir) {
    this.configDir = configDir;
    this.db = Objects.requireNonNull(db, "db");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.user = Objects.requireNonNull(user, "user");
    search.addListener((o, was, now) -> refresh());
  }

  /** Reloads the incidents list for {@link #searchProperty()}. */
  public void refresh() {
    String text = search.get();
    runner.run(
        "incidents list",
        c -> db.incidents().list(text, LIST_LIMIT),
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
        c -> db.incidents().open(title.strip(), severity, p, window, user),
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
    runner.run(
        "incident " + id,
        c ->
            db.incidents()
                .get(id)
                .orElseThrow(() -> new IllegalArgumentException("There is no incident " + id)),
        this::becomeCurrent,
        this::fail);
  }

  /** Marks the current incident MITIGATED now (no-op without one). */
  public void mitigate() {
    Incident inc = current.get();
    if (inc != null) {
      runner.run(
          "mitigate " + inc.id(),
          c -> db.incidents().mitigate(inc.id(), null, user),
          this::becomeCurrent,
          this::fail);
    }
  }

  /** Marks the current incident RESOLVED now (no-op without one). */
  public void resolve() {
    Incident inc = current.get();
    if (inc != null) {
      runner.run(
          "resolve " + inc.id(),
          c -> db.incidents().resolve(inc.id(), user),
          this::becomeCurrent,
          this::fail);
    }
  }

  /**
   * Appends an entry to the current incident's timeline, then reloads the timeline. Does nothing
   * when there is no current incident.
   *
   * @param kind what sort of entry
   * @param summary one line
   * @param detailJson machine-readable detail as JSON, or null
   */
  public void record(TimelineEntry.Kind kind, String summary, String detailJson) {
    Incident inc = current.get();
    if (inc == null) {
      return;
    }
    runner.run(
        "record " + kind,
        c -> {
          db.timeline().append(inc.id(), kind, user, summary, detailJson);
          return db.timeline().list(inc.id());
        },
        entries -> showTimeline(inc.id(), entries),
        this::fail);
  }

  /**
   * Saves an evidence snapshot on the current incident and records an EVIDENCE timeline entry. Does
   * nothing when there is no current incident.
   */
  public void saveEvidence(
      Evidence.Kind kind, String title, String query, String mediaType, byte[] bytes) {
    Incident inc = current.get();
    if (inc == null) {
      return;
    }
    EvidenceDraft draft = new EvidenceDraft(kind, title, query, mediaType, bytes.clone());
    runner.run(
        "save evidence " + title,
        c -> {
          keep(inc.id(), draft);
          return db.timeline().list(inc.id());
        },
        entries -> showTimeline(inc.id(), entries),
        this::fail);
  }

  /**
   * Stores {@code draft} on incident {@code incidentId} with its EVIDENCE timeline entry (detail
   * {@code {"evidenceId", "kind", "title"}}). Blocking store I/O: call it inside a runner task.
   */
  Evidence keep(long incidentId, EvidenceDraft draft) {
    Evidence saved =
        db.evidence()
            .save(
                incidentId,
                draft.kind(),
                draft.title(),
                draft.query(),
                draft.mediaType(),
                draft.content());
    db.timeline()
        .append(
            incidentId,
            TimelineEntry.Kind.EVIDENCE,
            user,
            "evidence saved: " + draft.title(),
            Json.object(
                "evidenceId", saved.id(), "kind", draft.kind().name(), "title", draft.title()));
    return saved;
  }

  /**
   * Writes the current incident's post-mortem draft to {@code out} (Markdown, chart images beside
   * it), masked by the configured rules ({@link Masking#configured}, read at each export). On
   * success {@link #exportedProperty()} holds the file; on failure {@link #problemProperty()} says
   * why. A masking file with problems stops the export before anything is written (never unmasked).
   */
  public void exportPostMortem(Path out) {
    Incident inc = current.get();
    if (inc == null) {
      problem.set("Open or select an incident before exporting its post-mortem.");
      return;
    }
    runner.run(
        "export incident " + inc.id(),
        c -> {
          Masking masking = configDir == null ? Masking.defaults() : Masking.configured(configDir);
          PostMortemInput input = input(inc.id());
          try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
              Files.createDirectories(parent);
            }
            PostMortemExport.toFile(input, masking, out);
          } catch (IOException e) {
            throw new UncheckedIOException(
                "Cannot write the post-mortem to " + out + " (" + e.getMessage() + ")", e);
          }
          return out;
        },
        file -> {
          problem.set("");
          exported.set(file);
        },
        t ->
            problem.set(
                t instanceof MaskingException
                    ? "The post-mortem was not exported: the masking rules cannot be used.\n"
                        + t.getMessage()
                    : message(t)));
  }

  private PostMortemInput input(long id) {
    Incident incident =
        db.incidents()
            .get(id)
            .orElseThrow(() -> new IllegalArgumentException("There is no incident " + id));
    List<Evidence> evidence = new ArrayList<>();
    for (EvidenceSummary s : db.evidence().list(id)) {
      db.evidence().load(s.id()).ifPresent(evidence::add);
    }
    return new PostMortemInput(
        incident,
        db.timeline().list(id),
        db.notes().list(id),
        db.stepStates().listAll(id),
        evidence,
        org.hopscope.report.WindowReportJson.latest(evidence).orElse(null));
  }

  private void becomeCurrent(Incident inc) {
    problem.set("");
    current.set(inc);
    refresh();
    runner.run(
        "timeline " + inc.id(),
        c -> db.timeline().list(inc.id()),
        entries -> showTimeline(inc.id(), entries),
        this::fail);
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

  /** The store (for note editors). */
  public IncidentDatabase database() {
    return db;
  }

  /** The runner (for note editors). */
  public TaskRunner runner() {
    return runner;
  }

  /** The app's clock. */
  public Clock clock() {
    return clock;
  }

  /** The OS user. */
  public String user() {
    return user;
  }
}
