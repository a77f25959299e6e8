package org.hopscope.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.oncall.NoteAutosave;

/**
 * The child process of {@link NoteKillTest}: "types" a note every 50 ms ({@code "round R counter
 * N"}) through {@link NoteAutosave}, appends a timeline entry with each keystroke, and prints
 * {@code committed N} for each counter it knows is committed. Runs until killed.
 *
 * <p>Arguments: database file, round, incident id.
 */
public final class NoteWriterProcess {

  /** The note's scope and key. */
  static final Note.Scope SCOPE = Note.Scope.MESSAGE;

  static final String KEY = "kill-test";

  private NoteWriterProcess() {}

  public static void main(String[] args) throws InterruptedException {
    Path file = Path.of(args[0]);
    String round = args[1];
    long incident = Long.parseLong(args[2]);
    PrintStream out = System.out;
    IncidentDatabase db = IncidentDatabase.open(file, Clock.systemUTC());
    for (String warning : db.warnings()) {
      out.println("warning " + warning);
    }
    ScheduledExecutorService typing = Executors.newSingleThreadScheduledExecutor();
    ScheduledExecutorService saving = Executors.newSingleThreadScheduledExecutor();
    NoteAutosave autosave =
        new org.hopscope.oncall.IncidentDesk(db, "kill-test")
            .keepNote(
                0,
                SCOPE,
                KEY,
                saving,
                new NoteAutosave.Listener() {
                  @Override
                  public void saved(Note note) {
                    out.println("committed " + counter(note.text()));
                    out.flush();
                  }

                  @Override
                  public void failed(RuntimeException error) {
                    out.println("failed " + error.getMessage());
                    out.flush();
                  }
                });
    AtomicLong counter = new AtomicLong();
    typing.scheduleAtFixedRate(
        () -> {
          long n = counter.incrementAndGet();
          autosave.changed("round " + round + " counter " + n);
          db.timeline().append(incident, TimelineEntry.Kind.NOTE, "kill-test", "typed " + n, null);
        },
        0,
        50,
        TimeUnit.MILLISECONDS);
    new CountDownLatch(1).await();
  }

  /** N from "round R counter N". */
  static long counter(String text) {
    return Long.parseLong(text.substring(text.lastIndexOf(' ') + 1));
  }

  /** R from "round R counter N". */
  static String round(String text) {
    return text.split(" ")[1];
  }
}
