package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.Note.Scope;
import org.hopscope.store.IncidentDatabase;
import org.hopscope.store.StoreException;
import org.hopscope.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoteAutosaveTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<Note> saved = new ArrayList<>();
  private final List<RuntimeException> failures = new ArrayList<>();
  private IncidentDatabase db;
  private NoteAutosave autosave;

  @BeforeEach
  void open() {
    db = IncidentDatabase.open(dir.resolve("hopscope.db"), clock);
    autosave = newAutosave("fulfilment-service");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aBurstOfKeystrokesIsWrittenOnce300MsAfterItsFirst() {
    autosave.changed("p");
    scheduler.advance(Duration.ofMillis(100));
    autosave.changed("po");
    scheduler.advance(Duration.ofMillis(100));
    autosave.changed("poo");
    scheduler.advance(Duration.ofMillis(99));

    assertThat(saved).isEmpty();
    assertThat(autosave.dirty()).isTrue();
    scheduler.advance(Duration.ofMillis(1));
    assertThat(saved)
        .containsExactly(
            new Note(1, 0, Scope.HOP, "fulfilment-service", "poo", T0.plusMillis(300)));
    assertThat(autosave.dirty()).isFalse();
    assertThat(db.notes().find(0, Scope.HOP, "fulfilment-service")).contains(saved.get(0));
    scheduler.advance(Duration.ofSeconds(10));
    assertThat(saved).hasSize(1);
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void whileTypingWritesEvery300MsAndTheLastKeystrokeWithin300Ms() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append('x');
      autosave.changed(text.toString());
      scheduler.advance(Duration.ofMillis(50));
    }
    Instant lastKeystroke = T0.plusMillis(39 * 50);
    scheduler.advance(Duration.ofSeconds(2));

    List<Instant> times = saved.stream().map(Note::updatedAt).toList();
    List<Instant> expected = new ArrayList<>();
    for (int ms = 300; ms <= 2100; ms += 300) {
      expected.add(T0.plusMillis(ms));
    }
    assertThat(times).isEqualTo(expected);
    assertThat(saved.get(saved.size() - 1).text()).isEqualTo("x".repeat(40));
    assertThat(Duration.between(lastKeystroke, times.get(times.size() - 1)))
        .isEqualTo(Duration.ofMillis(150));
    assertThat(saved.get(0).text()).isEqualTo("x".repeat(6));
  }

  @Test
  void flushWritesAtOnceAndOnlyWhenDirty() {
    autosave.changed("pool exhausted");
    autosave.flush();
    autosave.flush();

    assertThat(saved).extracting(Note::text).containsExactly("pool exhausted");
    assertThat(saved.get(0).updatedAt()).isEqualTo(T0);
    scheduler.advance(Duration.ofMillis(300));
    assertThat(saved).hasSize(1);
  }

  @Test
  void closeFlushesCancelsAndRefusesMoreText() {
    autosave.changed("last words");
    autosave.close();

    assertThat(saved).extracting(Note::text).containsExactly("last words");
    assertThat(scheduler.pendingTasks()).isZero();
    assertThatThrownBy(() -> autosave.changed("more"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("note autosave for HOP fulfilment-service is closed");
  }

  @Test
  void aFailedWriteIsReportedAndRetriedByTheNextChange() {
    NoteAutosave broken = newAutosaveFor(404);
    broken.changed("to a missing incident");
    scheduler.advance(Duration.ofMillis(300));

    assertThat(saved).isEmpty();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).hasMessageContaining("FOREIGN KEY constraint failed");
    assertThat(broken.dirty()).isTrue();
    broken.changed("again");
    scheduler.advance(Duration.ofMillis(300));
    assertThat(failures).hasSize(2);
    assertThatThrownBy(broken::flush).isInstanceOf(StoreException.class);
  }

  private NoteAutosave newAutosave(String hop) {
    return new NoteAutosave(
        text -> db.notes().save(0, Scope.HOP, hop, text), "HOP " + hop, scheduler, listener());
  }

  private NoteAutosave newAutosaveFor(long incidentId) {
    return new NoteAutosave(
        text -> db.notes().save(incidentId, Scope.INCIDENT, "", text),
        "INCIDENT ",
        scheduler,
        listener());
  }

  private NoteAutosave.Listener listener() {
    return new NoteAutosave.Listener() {
      @Override
      public void saved(Note note) {
        saved.add(note);
      }

      @Override
      public void failed(RuntimeException error) {
        failures.add(error);
      }
    };
  }
}
