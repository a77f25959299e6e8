package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.oncall.BundleDesk;
import org.hopscope.oncall.FlowJson;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.RichFlow;
import org.hopscope.store.IncidentDatabase;
import org.hopscope.ui.bundle.BundleFixtures;
import org.hopscope.ui.bundle.BundleWindow;
import org.hopscope.ui.chart.ChartSeriesJson;
import org.hopscope.ui.chart.HopChart;
import org.hopscope.ui.flow.PathDiagram;
import org.hopscope.ui.flow.RawDocumentPane;
import org.hopscope.ui.look.VerdictLook;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle exported from a real store opens in the client started with {@code --open} and no
 * connection profile at all: the same verdicts, events, raw documents and series as the snapshot
 * taken; Import copies it into the receiving store; a bad bundle says which file and why.
 */
class BundleAppTest {

  @TempDir Path dir;

  private Path export(Flow flow) {
    Path file = dir.resolve("erp-outage.hopscope");
    try (IncidentDesk desk =
        IncidentDesk.open(dir.resolve("exporter.db"), Clock.systemUTC(), "alice")) {
      Incident i =
          desk.open(
              "ERP outage",
              Incident.Severity.SEV2,
              flow.path(),
              new TimeWindow(RichFlow.T0.minusSeconds(3600), RichFlow.T0.plusSeconds(3600)));
      // as the client's Save as evidence keeps them
      desk.keep(
          i.id(),
          Evidence.Kind.FLOW_JSON,
          "flow " + flow.query(),
          "message " + flow.query(),
          "application/json",
          FlowJson.withDocuments().bytes(flow));
      desk.keep(
          i.id(),
          Evidence.Kind.METRIC_SERIES,
          "fulfilment: Consumer lag (series)",
          BundleFixtures.chart().query(),
          "application/json",
          ChartSeriesJson.bytes("fulfilment", BundleFixtures.chart()));
      new BundleDesk(desk, null, null, null).exportBundle(i.id(), file, false);
    }
    return file;
  }

  private HopscopeApp start(Path bundle, IncidentDatabase receiver, StringWriter errors) {
    GuiOptions options = new GuiOptions();
    options.view = "flow";
    options.open = bundle.toString();
    HopscopeApp app =
        UiSandbox.app(
            options,
            dir.resolve("receiver-config"), // no profiles: no backend configured
            new PrintWriter(errors, true),
            receiver,
            UiSandbox.shippedPlaybooks());
    Stage stage = FxHarness.stage();
    FxHarness.onFx(() -> app.start(stage));
    // the File menu and the bundle opening come after the first frame (ADR 0038, 0045)
    FxHarness.waitUntil("the window is built", () -> FxHarness.onFx(() -> app.bundles() != null));
    return app;
  }

  @Test
  void anExportedBundleOpensOfflineAndShowsTheSnapshotAsTaken() throws Exception {
    Flow flow = RichFlow.flow();
    Path file = export(flow);
    StringWriter errors = new StringWriter();
    try (IncidentDatabase receiver =
        IncidentDatabase.open(dir.resolve("receiver.db"), Clock.systemUTC())) {
      HopscopeApp app = start(file, receiver, errors);
      FxHarness.waitUntil(
          "the bundle window is open", () -> app.bundles().opener().windows().size() == 1);
      BundleWindow w = FxHarness.onFx(() -> app.bundles().opener().windows().get(0));
      Parent root = FxHarness.onFx(() -> w.stage().getScene().getRoot());
      // the window is listed as soon as it opens; its flow pane follows the first selection
      FxHarness.waitUntil(
          "the flow pane is shown",
          () -> FxHarness.onFx(() -> root.lookup("#flow-events-table") != null));
      TableView<?> table = FxHarness.onFx(() -> (TableView<?>) root.lookup("#flow-events-table"));
      List<FlowEvent> events = flow.hops().stream().flatMap(h -> h.events().stream()).toList();
      FxHarness.waitUntil(
          "the flow's events are shown",
          () -> FxHarness.onFx(() -> table.getItems().size()) == events.size());

      assertThat(FxHarness.onFx(() -> ((Label) root.lookup("#bundle-banner-title")).getText()))
          .startsWith("Bundle: ERP outage \u2014 exported by ")
          .endsWith(", read-only, offline");
      for (HopFlow h : flow.hops()) {
        Label v =
            FxHarness.onFx(
                () -> (Label) root.lookup("#" + PathDiagram.nodeId(h.hop()) + "-verdict"));
        assertThat(FxHarness.onFx(v::getText))
            .as(h.hop())
            .isEqualTo(VerdictLook.label(h.verdict()));
      }
      assertThat(FxHarness.onFx(() -> ((FlowEvent) table.getItems().get(0)).message()))
          .isEqualTo("POST /orders 202");
      assertThat(
              FxHarness.onFx(() -> ((FlowEvent) table.getItems().get(events.size() - 1)).message()))
          .isEqualTo("message parked");
      FxHarness.runFx(() -> table.getSelectionModel().select(1));
      FlowEvent selected = FxHarness.onFx(() -> (FlowEvent) table.getItems().get(1));
      assertThat(selected.document()).isEqualTo(events.get(1).document());
      assertThat(FxHarness.onFx(() -> ((TextArea) root.lookup("#flow-raw-json")).getText()))
          .isEqualTo(RawDocumentPane.json(selected))
          .contains("\"message\" : \"ERP adapter pool exhausted\"");
      // no profile was asked for: the user came to read a bundle
      assertThat(FxHarness.onFx(() -> windowWithRoot("profiles-dialog"))).isNull();

      Evidence series =
          FxHarness.onFx(
              () ->
                  w.model().bundle().evidence().stream()
                      .filter(e -> e.kind() == Evidence.Kind.METRIC_SERIES)
                      .findFirst()
                      .orElseThrow());
      FxHarness.runFx(() -> w.select(series));
      FxHarness.waitUntil(
          "the series are drawn",
          () -> FxHarness.onFx(() -> root.lookup("#bundle-series-chart") != null));
      XYDataset data =
          FxHarness.onFx(
              () -> ((HopChart) root.lookup("#bundle-series-chart")).plot().getDataset());
      assertThat(data.getSeriesCount()).isEqualTo(2);
      assertThat(data.getItemCount(0)).isEqualTo(3);
      assertThat(data.getItemCount(1)).isEqualTo(2);

      FxHarness.runFx(() -> ((Button) root.lookup("#bundle-import")).fire());
      FxHarness.waitUntil(
          "the import is done",
          () ->
              FxHarness.onFx(() -> ((Label) root.lookup("#bundle-import-status")).getText())
                  .startsWith("Imported as incident #"));
      assertThat(receiver.incidents().list("", 10).stream().map(Incident::title))
          .containsExactly("ERP outage (imported)");
      FxHarness.runFx(
          () -> {
            w.stage().close();
            FxHarness.stage().hide();
          });
    }
    assertThat(errors.toString()).isEmpty();
  }

  @Test
  void aBadBundleNamesTheFileAndTheProblemAndOpensNothing() throws Exception {
    Path bad = dir.resolve("truncated.hopscope");
    Files.write(bad, "PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1));
    StringWriter errors = new StringWriter();
    HopscopeApp app = start(bad, null, errors);
    FxHarness.waitUntil(
        "the problem dialog shows",
        () -> FxHarness.onFx(() -> windowWithRoot("bundle-problem")) != null);
    Window dialog = FxHarness.onFx(() -> windowWithRoot("bundle-problem"));
    String text =
        FxHarness.onFx(
            () ->
                ((DialogPane) dialog.getScene().getRoot().lookup("#bundle-problem"))
                    .getContentText());
    assertThat(text)
        .startsWith("Cannot open bundle " + bad + ": ")
        .endsWith(" Nothing was opened or changed.");
    assertThat(FxHarness.onFx(() -> app.bundles().opener().windows())).isEmpty();
    assertThat(bad)
        .hasBinaryContent("PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1));
    FxHarness.runFx(
        () -> {
          ((Stage) dialog).close();
          FxHarness.stage().hide();
        });
  }

  @Test
  void theFileMenuSitsInTheNavigationBarWithNothingElided() {
    StringWriter errors = new StringWriter();
    GuiOptions options = new GuiOptions();
    options.view = "flow";
    options.size = "1280x800";
    HopscopeApp app =
        UiSandbox.app(
            options,
            dir.resolve("config"),
            new PrintWriter(errors, true),
            null,
            UiSandbox.shippedPlaybooks());
    Stage stage = FxHarness.stage();
    FxHarness.onFx(() -> app.start(stage));
    FxHarness.waitUntil(
        "the File menu shows",
        () -> FxHarness.onFx(() -> stage.getScene().lookup("#nav-file")) != null);
    javafx.scene.control.MenuButton file =
        FxHarness.onFx(
            () -> (javafx.scene.control.MenuButton) stage.getScene().lookup("#nav-file"));
    assertThat(FxHarness.onFx(() -> file.getItems().stream().map(i -> i.getText()).toList()))
        .containsExactly(
            "Open bundle\u2026", "Export bundle\u2026 (no local store)", null, "Open traces\u2026");
    FxHarness.snapshot(
        FxHarness.onFx(() -> stage.getScene().getRoot()),
        Path.of("target", "screenshots", "main-file-menu-1280x800.png"));
    assertThat(FxHarness.onFx(() -> org.hopscope.ui.look.ElisionCheck.essentials(stage.getScene())))
        .isEmpty();
    // Open traces... opens the trace-file dialog (ui/file) over the path definitions
    FxHarness.runFx(() -> file.getItems().get(3).fire());
    FxHarness.waitUntil(
        "the Open traces dialog",
        () ->
            FxHarness.onFx(
                () ->
                    Window.getWindows().stream()
                        .anyMatch(
                            w ->
                                w.getScene() != null
                                    && "open-traces".equals(w.getScene().getRoot().getId()))));
    FxHarness.runFx(
        () ->
            Window.getWindows().stream()
                .filter(w -> w != stage)
                .map(w -> (Stage) w)
                .toList()
                .forEach(Stage::close));
    FxHarness.runFx(stage::hide);
  }

  private static Window windowWithRoot(String id) {
    return Window.getWindows().stream()
        .filter(Window::isShowing)
        .filter(w -> w.getScene() != null && w.getScene().getRoot() != null)
        .filter(w -> w.getScene().getRoot().lookup("#" + id) != null)
        .findFirst()
        .orElse(null);
  }
}
