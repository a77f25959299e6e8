package org.hopscope.ui.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hopscope.model.incident.Note;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.NoteAutosave;
import org.hopscope.ui.task.TaskRunner;

/**
 * One note being edited: loads it, autosaves every change through a {@link NoteAutosave} (within
 * about 300 ms of typing; inside an incident it also puts NOTE entries on the timeline), and tells
 * when it was last saved. An empty note starts from a template (e.g. the post-mortem section
 * headings), which is saved only once the user edits it. View model: no controls; store reads and
 * the final flush go through the {@link TaskRunner}.
 */
public final class NoteModel implements AutoCloseable {

  private final IncidentDesk desk;
  private final long incidentId;
  private final Note.Scope scope;
  private final String key;
  private final TaskRunner runner;
  private final NoteAutosave autosave;
  private final StringProperty text = new SimpleStringProperty(this, "text", "");
  private final ReadOnlyObjectWrapper<Instant> savedAt = new ReadOnlyObjectWrapper<>(this, "saved");
  private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private boolean loading = true;

  /**
   * Starts loading the note.
   *
   * @param desk the incident operations
   * @param incidentId the incident, or 0 outside incidents
   * @param scope what the note is about
   * @param key the scope's key ("" for INCIDENT, the hop name for HOP, the message ID for MESSAGE)
   * @param template the text shown when no note exists yet ("" for none)
   * @param runner the one way work leaves the FX thread
   * @param scheduler runs the autosave's delayed writes (a background scheduler)
   */
  public NoteModel(
      IncidentDesk desk,
      long incidentId,
      Note.Scope scope,
      String key,
      String template,
      TaskRunner runner,
      ScheduledExecutorService scheduler) {
    this.desk = Objects.requireNonNull(desk, "desk");
    this.incidentId = incidentId;
    this.scope = Objects.requireNonNull(scope, "scope");
    this.key = key == null ? "" : key;
    this.runner = Objects.requireNonNull(runner, "runner");
    this.autosave =
        desk.keepNote(
            incidentId,
            scope,
            this.key,
            scheduler,
            new NoteAutosave.Listener() {
              @Override
              public void saved(Note note) {
                // back to the FX thread through the runner: the autosave writes on its own thread
                runner.run("note saved", c -> note, NoteModel.this::onSaved, e -> {});
              }

              @Override
              public void failed(RuntimeException error) {
                runner.run("note failed", c -> error, e -> problem.set(e.getMessage()), e -> {});
              }
            });
    text.addListener(
        (o, was, now) -> {
          if (!loading) {
            autosave.changed(now);
          }
        });
    runner.run(
        "load note " + scope + " " + this.key,
        c -> desk.note(incidentId, scope, this.key),
        found -> {
          loading = true;
          text.set(found.map(Note::text).filter(t -> !t.isEmpty()).orElse(template));
          savedAt.set(found.map(Note::updatedAt).orElse(null));
          loading = false;
          loaded.set(true);
        },
        e -> {
          problem.set(e.getMessage());
          loading = false;
          loaded.set(true);
        });
  }

  private void onSaved(Note note) {
    problem.set("");
    savedAt.set(note.updatedAt());
  }

  /** The note's text; edit it (after {@link #loadedProperty()}) and it is autosaved. */
  public StringProperty textProperty() {
    return text;
  }

  /** When the note was last committed (UTC), or null when never. */
  public ReadOnlyObjectProperty<Instant> savedAtProperty() {
    return savedAt.getReadOnlyProperty();
  }

  /** True once the stored text (or the template) is in {@link #textProperty()}. */
  public ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  /** The last save or load failure, "" when none. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** Writes unsaved text and stops autosaving (the write runs through the runner). */
  @Override
  public void close() {
    runner.run(
        "close note " + scope + " " + key,
        c -> {
          autosave.close();
          return desk.note(incidentId, scope, key);
        },
        n -> n.ifPresent(this::onSaved),
        e -> problem.set(e.getMessage()));
  }
}
