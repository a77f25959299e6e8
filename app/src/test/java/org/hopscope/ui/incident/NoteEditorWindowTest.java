package org.hopscope.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.store.IncidentDatabase;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.task.FxTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The note window for a hop or a message, in a real window: typed text reaches the store. */
class NoteEditorWindowTest {

  private final FxRobot robot = new FxRobot();

  @TempDir Path dir;

  @Test
  void hopNoteIsAutosavedWhileTypingAndFlushedOnClose() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (IncidentDatabase db =
        IncidentDatabase.open(dir.resolve("hopscope.db"), Clock.systemUTC())) {
      long id =
          db.incidents().open("orders stuck", Incident.Severity.SEV2, "orders", null, "me").id();
      db.notes().save(id, Note.Scope.MESSAGE, "ord-1", "seen twice");
      org.hopscope.oncall.IncidentDesk desk = new org.hopscope.oncall.IncidentDesk(db, "me");
      FxHarness.stage();
      FxTaskRunner runner = new FxTaskRunner(pool);
      Stage stage =
          FxHarness.onFx(
              () ->
                  NoteEditor.open(
                      desk, id, Note.Scope.HOP, "fulfilment-service", runner, scheduler, null));
      TextArea area = robot.lookup("#note-editor").queryAs(TextArea.class);
      FxHarness.waitUntil("loaded", () -> FxHarness.onFx(() -> !area.isDisabled()));
      assertThat(FxHarness.onFx(() -> area.getText())).isEmpty();
      robot.clickOn(area).write("pool exhausted here");
      FxHarness.waitUntil(
          "the hop note in the store",
          () ->
              db.notes()
                  .find(id, Note.Scope.HOP, "fulfilment-service")
                  .map(n -> n.text().equals("pool exhausted here"))
                  .orElse(false));
      Label saved = robot.lookup("#note-editor-saved").queryAs(Label.class);
      FxHarness.waitUntil(
          "saved indicator", () -> FxHarness.onFx(() -> saved.getText()).startsWith("saved "));
      // the autosaved draft is not an event: the timeline gets the note once it is finished
      assertThat(db.timeline().list(id))
          .filteredOn(e -> e.kind() == org.hopscope.model.incident.TimelineEntry.Kind.NOTE)
          .isEmpty();
      FxHarness.snapshot(
          stage.getScene().getRoot(), Path.of("target/screenshots/note-hop-dark.png"));
      FxHarness.runFx(stage::close); // leaving the editor finishes the note
      FxHarness.waitUntil(
          "the finished note on the timeline",
          () ->
              db.timeline().list(id).stream()
                  .anyMatch(e -> e.kind() == org.hopscope.model.incident.TimelineEntry.Kind.NOTE));
      assertThat(db.timeline().list(id))
          .filteredOn(e -> e.kind() == org.hopscope.model.incident.TimelineEntry.Kind.NOTE)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.summary())
                    .isEqualTo("note on hop fulfilment-service: pool exhausted here");
                assertThat(e.actor()).isEqualTo("me");
              });

      // a message note opens with its stored text
      Stage second =
          FxHarness.onFx(
              () ->
                  NoteEditor.open(desk, id, Note.Scope.MESSAGE, "ord-1", runner, scheduler, null));
      TextArea other = FxHarness.onFx(() -> (TextArea) second.getScene().lookup("#note-editor"));
      FxHarness.waitUntil("loaded", () -> FxHarness.onFx(() -> !other.isDisabled()));
      assertThat(FxHarness.onFx(() -> other.getText())).isEqualTo("seen twice");
      FxHarness.runFx(second::close);
      assertThat(db.notes().list(id))
          .extracting(Note::key)
          .containsExactly("fulfilment-service", "ord-1");
    } finally {
      pool.shutdownNow();
      scheduler.shutdownNow();
    }
  }
}
