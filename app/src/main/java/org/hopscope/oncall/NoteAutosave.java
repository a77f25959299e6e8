package org.hopscope.oncall;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.hopscope.model.incident.Note;

/**
 * Saves one note while it is being typed: the first change after a save schedules a write {@link
 * #INTERVAL} later, which stores the text as it is then. So a note is written at most every {@link
 * #INTERVAL} while the user types, and within {@link #INTERVAL} (plus one write) of the last
 * keystroke; {@link #flush()} and {@link #close()} write at once. Only a finished note (an explicit
 * {@link #flush()}, or {@link #close()} when the editor is left) is told to {@link Writer#finished}
 * (e.g. for the incident's timeline), never a half-typed draft of an autosave.
 *
 * <p>Thread-safe: {@link #changed} may be called from the UI thread (it only records the text and
 * schedules); writes run on the injected scheduler, one at a time, never an older text after a
 * newer one. A failed scheduled write is reported to the listener and the text stays unsaved: the
 * next change or {@link #flush()} tries again. Get one from {@link IncidentDesk#keepNote}.
 */
public final class NoteAutosave implements AutoCloseable {

  /** The shortest time between two writes, and the delay after the first unsaved change. */
  public static final Duration INTERVAL = Duration.ofMillis(300);

  /** Told about each write; called on the writing thread. */
  public interface Listener {
    /** The note is committed as given. */
    void saved(Note note);

    /** A scheduled write failed; the text is still unsaved. */
    void failed(RuntimeException error);
  }

  /** Commits the note's text; returns the stored note. */
  @FunctionalInterface
  interface Writer {
    Note write(String text);

    /**
     * The note is finished as {@code note} (saved explicitly or its editor left) and differs from
     * the last finished text: e.g. put it on the incident's timeline. Never called for a draft.
     */
    default void finished(Note note) {}
  }

  private final Writer writer;
  private final String what;
  private final ScheduledExecutorService scheduler;
  private final Listener listener;
  private final ReentrantLock writing = new ReentrantLock();
  private final Object state = new Object();
  private String text;
  private long version;
  private long savedVersion;
  private ScheduledFuture<?> pending;
  private boolean closed;
  private Note lastSaved;
  private String lastFinished;

  /**
   * @param writer commits a text (e.g. the note and its timeline entry, in one transaction)
   * @param what the note, for messages (e.g. "HOP fulfilment-service")
   * @param scheduler runs the delayed writes
   * @param listener told about writes and failures
   */
  NoteAutosave(Writer writer, String what, ScheduledExecutorService scheduler, Listener listener) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.what = what;
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** The text changed (a keystroke): remember it and make sure a write is scheduled. */
  public void changed(String newText) {
    synchronized (state) {
      if (closed) {
        throw new IllegalStateException("note autosave for " + what + " is closed");
      }
      text = newText;
      version++;
      if (pending == null) {
        pending =
            scheduler.schedule(this::scheduledWrite, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Whether there is text not yet committed. */
  public boolean dirty() {
    synchronized (state) {
      return version != savedVersion;
    }
  }

  /**
   * Writes unsaved text now, on the calling thread.
   *
   * @throws org.hopscope.store.StoreException when the write fails (the text stays unsaved)
   */
  public void flush() {
    write();
    finish();
  }

  /** Flushes and stops scheduling; later {@link #changed} calls are refused. */
  @Override
  public void close() {
    synchronized (state) {
      closed = true;
      if (pending != null) {
        pending.cancel(false);
        pending = null;
      }
    }
    write();
    finish();
  }

  private void finish() {
    writing.lock();
    try {
      Note note;
      synchronized (state) {
        note = lastSaved;
        if (note == null || note.text().equals(lastFinished)) {
          return;
        }
      }
      writer.finished(note);
      synchronized (state) {
        lastFinished = note.text();
      }
    } finally {
      writing.unlock();
    }
  }

  private void scheduledWrite() {
    synchronized (state) {
      pending = null;
    }
    try {
      write();
    } catch (RuntimeException e) {
      listener.failed(e);
    }
  }

  private void write() {
    writing.lock();
    try {
      String snapshot;
      long snapshotVersion;
      synchronized (state) {
        if (version == savedVersion) {
          return;
        }
        snapshot = text;
        snapshotVersion = version;
      }
      Note saved = writer.write(snapshot);
      synchronized (state) {
        savedVersion = snapshotVersion;
        lastSaved = saved;
      }
      listener.saved(saved);
    } finally {
      writing.unlock();
    }
  }
}
