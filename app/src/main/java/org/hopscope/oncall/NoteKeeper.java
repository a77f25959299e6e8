package org.hopscope.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import org.hopscope.model.incident.Note;
import org.hopscope.store.IncidentDatabase;
import org.hopscope.store.NoteAutosave;
import org.hopscope.store.StoreException;

/**
 * One note being typed, autosaved (at most every {@link NoteAutosave#INTERVAL}, within about that
 * of the last keystroke). Inside an incident, writing a note is an event on its timeline: a NOTE
 * entry with the first save, then at most one every {@link #TIMELINE_EVERY} while the note keeps
 * changing, each in the same transaction as the save. Thread-safe like {@link NoteAutosave}; get
 * one from {@link IncidentDesk#keepNote}.
 */
public final class NoteKeeper implements AutoCloseable {

  /** How often, at most, an edited note adds a NOTE entry to its incident's timeline. */
  public static final Duration TIMELINE_EVERY = Duration.ofMinutes(10);

  /** Told about each write; called on the writing thread. */
  public interface Listener {
    /** The note is committed as given. */
    void saved(Note note);

    /** A scheduled write failed; the text is still unsaved. */
    void failed(RuntimeException error);
  }

  private final NoteAutosave autosave;
  private Instant lastOnTimeline; // only touched by writes, which NoteAutosave runs one at a time

  NoteKeeper(
      IncidentDatabase db,
      long incidentId,
      Note.Scope scope,
      String key,
      String actor,
      ScheduledExecutorService scheduler,
      Listener listener) {
    String k = key == null ? "" : key;
    this.autosave =
        new NoteAutosave(
            text ->
                db.inTransaction(
                    () -> {
                      Note note = db.notes().save(incidentId, scope, k, text);
                      if (incidentId != 0 && due(note.updatedAt())) {
                        IncidentEntries.Entry e = IncidentEntries.note(note);
                        db.timeline().append(incidentId, e.kind(), actor, e.summary(), e.detail());
                        lastOnTimeline = note.updatedAt();
                      }
                      return note;
                    }),
            scope + " " + k,
            scheduler,
            new NoteAutosave.Listener() {
              @Override
              public void saved(Note note) {
                listener.saved(note);
              }

              @Override
              public void failed(StoreException error) {
                listener.failed(error);
              }
            });
  }

  private boolean due(Instant savedAt) {
    return lastOnTimeline == null || !savedAt.isBefore(lastOnTimeline.plus(TIMELINE_EVERY));
  }

  /** The text changed (a keystroke): remember it and make sure a write is scheduled. */
  public void changed(String text) {
    autosave.changed(text);
  }

  /** Whether there is text not yet committed. */
  public boolean dirty() {
    return autosave.dirty();
  }

  /** Writes unsaved text now, on the calling thread. */
  public void flush() {
    autosave.flush();
  }

  /** Flushes and stops; later {@link #changed} calls are refused. */
  @Override
  public void close() {
    autosave.close();
  }
}
