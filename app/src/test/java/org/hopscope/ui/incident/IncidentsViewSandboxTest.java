package org.hopscope.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.oncall.Engine;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.IncidentEntries;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.store.IncidentDatabase;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.UiSandbox;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.stuck.StuckViewModel;
import org.hopscope.ui.task.FxTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The incidents view in a real window over the test sandbox: open an incident through the dialog,
 * search a stuck message and analyse the incident window (both recorded on the timeline), type the
 * incident note (autosaved), export the post-mortem.
 */
@ExtendWith(SandboxExtension.class)
class IncidentsViewSandboxTest {

  private static final Path SHOTS = Path.of("target/screenshots");
  private final FxRobot robot = new FxRobot();

  @TempDir Path dir;

  @Test
  void incidentFromDialogRecordsSearchesKeepsTheNoteAndExports(TestSandbox sandbox)
      throws Exception {
    Manifest manifest = Manifest.read(sandbox.manifest());
    Instant now = Instant.parse(manifest.now());
    TimeWindow incidentWindow = new TimeWindow(Instant.parse(manifest.incidentStart()), now);
    Manifest.ClassMessage stuck = manifest.classes().get("STUCK").messages().get(0);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    Clock clock = Clock.systemUTC();
    try (Engine engine = UiSandbox.engine(sandbox);
        IncidentDatabase db = IncidentDatabase.open(dir.resolve("hopscope.db"), clock)) {
      FxHarness.stage(); // the toolkit, before any property is touched on the FX thread
      FxTaskRunner runner = new FxTaskRunner(pool);
      IncidentViewModel vm = new IncidentViewModel(new IncidentDesk(db, "oncall"), runner, null);
      FlowViewModel flows =
          new FlowViewModel(
              (q, w, asOf, c) -> engine.flow(UiSandbox.ordersPath(), q, w, asOf, c),
              runner,
              Clock.fixed(now, ZoneOffset.UTC));
      StuckViewModel windows =
          new StuckViewModel(
              (w, asOf, messages, c) -> engine.stuck(UiSandbox.ordersPath(), w, asOf, messages, c),
              runner,
              Clock.fixed(now, ZoneOffset.UTC));
      FxHarness.runFx(() -> new IncidentRecorder(vm, flows, windows));
      IncidentsView view =
          FxHarness.show(
              () -> new IncidentsView(vm, () -> incidentWindow, () -> "orders", scheduler),
              1280,
              800);
      FxHarness.snapshot(view, SHOTS.resolve("incidents-empty-dark.png"));

      // a search before any incident is not recorded anywhere
      searchFlow(flows, stuck.id());
      assertThat(db.incidents().list(null, 10)).isEmpty();

      robot.clickOn("#incident-new");
      FxHarness.waitUntil(
          "the dialog", () -> robot.lookup("#incident-new-title").tryQuery().isPresent());
      TextField from = robot.lookup("#incident-new-from").queryAs(TextField.class);
      // to the second in the user's form, never nanoseconds; the exact window is still opened
      assertThat(FxHarness.onFx(() -> from.getText()))
          .isEqualTo(
              java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                  .withZone(java.time.ZoneOffset.UTC)
                  .format(incidentWindow.from()))
          .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
      assertThat(FxHarness.onFx(() -> robot.lookup("#incident-new-open").query().isDisabled()))
          .isTrue();
      robot.clickOn("#incident-new-title").write("orders stuck at fulfilment-service");
      robot.clickOn("#incident-new-open");
      FxHarness.waitUntil("the incident is current", () -> vm.currentProperty().get() != null);
      Incident incident = FxHarness.onFx(() -> vm.currentProperty().get());
      assertThat(incident.title()).isEqualTo("orders stuck at fulfilment-service");
      assertThat(incident.severity()).isEqualTo(Incident.Severity.SEV2);
      assertThat(incident.path()).isEqualTo("orders");
      assertThat(incident.window()).isEqualTo(incidentWindow);
      assertThat(incident.openedBy()).isEqualTo("oncall");

      // a flow search and a stuck analysis land on the timeline, in the table
      Flow flow = searchFlow(flows, stuck.id());
      assertThat(flow.verdict()).isEqualTo(HopVerdict.STUCK);
      FxHarness.runFx(
          () -> {
            windows.windowProperty().set(incidentWindow);
            windows.analyze();
          });
      FxHarness.waitUntil(
          "the window report", () -> FxHarness.onFx(() -> windows.reportProperty().get()) != null);
      StuckReport report = FxHarness.onFx(() -> windows.reportProperty().get());
      String flowLine = "flow " + stuck.id() + ": STUCK at " + stuck.hop();
      String windowLine = IncidentEntries.stuckTitle(report);
      assertThat(windowLine)
          .startsWith("stuck messages " + IncidentEntries.windowText(incidentWindow) + ": ")
          .contains(report.totals().stuck() + " stuck");
      TableView<?> table = robot.lookup("#incident-timeline").queryAs(TableView.class);
      FxHarness.waitUntil(
          "the entries in the table", () -> FxHarness.onFx(() -> table.getItems().size()) == 4);
      assertThat(FxHarness.onFx(() -> List.copyOf(vm.timeline())))
          .extracting(TimelineEntry::summary)
          .containsExactly(
              "opened SEV2: orders stuck at fulfilment-service",
              flowLine,
              windowLine,
              "evidence saved: " + windowLine);

      // the note starts as the post-mortem template and is autosaved while typing
      TextArea note = robot.lookup("#incident-note").queryAs(TextArea.class);
      FxHarness.waitUntil("the note is loaded", () -> FxHarness.onFx(() -> !note.isDisabled()));
      assertThat(FxHarness.onFx(() -> note.getText())).isEqualTo(PostMortemTemplate.TEXT);
      FxHarness.runFx(() -> note.positionCaret("## Summary\n".length()));
      robot.clickOn(note);
      FxHarness.runFx(() -> note.positionCaret("## Summary\n".length()));
      robot.write("ERP pool exhausted, ask ops@example.com");
      long id = incident.id();
      FxHarness.waitUntil(
          "the note is in the store",
          () ->
              db.notes()
                  .find(id, Note.Scope.INCIDENT, "")
                  .map(
                      n ->
                          n.text()
                              .startsWith("## Summary\nERP pool exhausted, ask ops@example.com\n"))
                  .orElse(false));
      Label saved = robot.lookup("#incident-note-saved").queryAs(Label.class);
      FxHarness.waitUntil(
          "the saved indicator", () -> FxHarness.onFx(() -> saved.getText()).startsWith("saved "));
      FxHarness.snapshot(view, SHOTS.resolve("incidents-dark.png"));
      FxHarness.runFx(
          () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
      FxHarness.snapshot(view, SHOTS.resolve("incidents-light.png"));
      FxHarness.runFx(
          () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));

      // export through the view model (the button opens a FileChooser)
      Path out = dir.resolve("pm/incident.md");
      FxHarness.runFx(() -> vm.exportPostMortem(out));
      FxHarness.waitUntil(
          "the export", () -> FxHarness.onFx(() -> vm.exportedProperty().get()) != null);
      assertThat(FxHarness.onFx(() -> vm.problemProperty().get())).isEmpty();
      String md = Files.readString(out);
      assertThat(md)
          .contains("ERP pool exhausted, ask")
          .doesNotContain("ops@example.com")
          .contains(flowLine)
          .contains(windowLine)
          .contains("orders stuck at fulfilment-service")
          // the impact comes from the saved analysis, not "unknown"
          .doesNotContain("No stuck analysis was saved");

      robot.clickOn("#incident-resolve");
      FxHarness.waitUntil(
          "resolved",
          () ->
              FxHarness.onFx(() -> vm.currentProperty().get().status())
                  == Incident.Status.RESOLVED);
      FxHarness.snapshot(view, SHOTS.resolve("incidents-resolved-dark.png"));
    } finally {
      pool.shutdownNow();
      scheduler.shutdownNow();
    }
  }

  private static Flow searchFlow(FlowViewModel flows, String id) {
    FxHarness.runFx(
        () -> {
          flows.queryProperty().set(id);
          flows.search();
        });
    FxHarness.waitUntil(
        "flow " + id,
        () ->
            FxHarness.onFx(
                () ->
                    flows.flowProperty().get() != null
                        && id.equals(flows.flowProperty().get().query())
                        && flows.stateProperty().get() != FlowViewModel.State.SEARCHING));
    return FxHarness.onFx(() -> flows.flowProperty().get());
  }
}
