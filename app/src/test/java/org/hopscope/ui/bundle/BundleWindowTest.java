package org.hopscope.ui.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.bundle.Bundle;
import org.hopscope.model.bundle.BundleException;
import org.hopscope.oncall.FlowJson;
import org.hopscope.oncall.FlowSnapshot;
import org.hopscope.oncall.RichFlow;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.flow.FlowFixtures;
import org.hopscope.ui.flow.PathDiagram;
import org.hopscope.ui.flow.RawDocumentPane;
import org.hopscope.ui.look.ElisionCheck;
import org.hopscope.ui.look.VerdictLook;
import org.hopscope.ui.task.FxTaskRunner;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle's window, real under Xvfb: the snapshot shown by the live views, offline. */
class BundleWindowTest {

  @TempDir Path dir;

  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final FxTaskRunner runner = new FxTaskRunner(executor);
  private final SimpleObjectProperty<ChartTheme> theme =
      new SimpleObjectProperty<>(ChartTheme.DARK);
  private BundleOpener opener;

  @AfterEach
  void close() {
    if (opener != null) {
      FxHarness.runFx(() -> List.copyOf(opener.windows()).forEach(w -> w.stage().close()));
    }
    executor.shutdownNow();
  }

  private BundleWindow open(Bundle bundle) {
    FxHarness.stage();
    opener = new BundleOpener(f -> bundle, null, runner, Clock.systemUTC(), theme);
    FxHarness.runFx(() -> opener.open(bundle.origin().file()));
    FxHarness.waitUntil("the bundle window is open", () -> opener.windows().size() == 1);
    BundleWindow w = FxHarness.onFx(() -> opener.windows().get(0));
    FxHarness.waitUntil(
        "the flow is drawn",
        () -> FxHarness.onFx(() -> w.content().flowPane().view().drawnProperty().get()));
    return w;
  }

  @Test
  void theSnapshotShowsTheSameVerdictsEventsDocumentsAndSeries() {
    Flow flow = RichFlow.flow();
    BundleWindow w = open(BundleFixtures.bundle(dir.resolve("erp.hopscope"), flow));
    Parent root = FxHarness.onFx(() -> w.stage().getScene().getRoot());

    assertThat(FxHarness.onFx(() -> ((Label) root.lookup("#bundle-banner-title")).getText()))
        .isEqualTo(
            "Bundle: ERP outage: orders stuck at fulfilment \u2014 exported by alice at"
                + " 2026-11-26 03:10 UTC, read-only, offline");
    assertThat(FxHarness.onFx(() -> w.stage().getTitle()))
        .isEqualTo("ERP outage: orders stuck at fulfilment \u2014 bundle erp.hopscope (read-only)");
    assertThat(FxHarness.onFx(() -> w.content().flowPane().shownFlow())).isEqualTo(flow);
    for (HopFlow h : flow.hops()) {
      Label v =
          FxHarness.onFx(() -> (Label) root.lookup("#" + PathDiagram.nodeId(h.hop()) + "-verdict"));
      assertThat(FxHarness.onFx(v::getText)).isEqualTo(VerdictLook.label(h.verdict()));
    }
    var table = FxHarness.onFx(() -> w.content().flowPane().view().events().table());
    List<FlowEvent> events = flow.hops().stream().flatMap(h -> h.events().stream()).toList();
    assertThat(FxHarness.onFx(() -> table.getItems().size())).isEqualTo(events.size());
    assertThat(FxHarness.onFx(() -> table.getItems().get(0).message()))
        .isEqualTo("POST /orders 202");
    assertThat(FxHarness.onFx(() -> table.getItems().get(events.size() - 1).message()))
        .isEqualTo("message parked");
    FxHarness.runFx(() -> table.getSelectionModel().select(1));
    FlowEvent selected = FxHarness.onFx(() -> table.getItems().get(1));
    String raw = FxHarness.onFx(() -> ((TextArea) root.lookup("#flow-raw-json")).getText());
    assertThat(raw).isEqualTo(RawDocumentPane.json(selected));
    assertThat(raw).contains("\"message\" : \"ERP adapter pool exhausted\"", "\"env\" : \"prod\"");
    // nothing offers to search, save or compare
    assertThat(FxHarness.onFx(() -> root.lookup("#flow-save-evidence"))).isNull();
    assertThat(FxHarness.onFx(() -> root.lookup("#compare-button"))).isNull();

    FxHarness.runFx(() -> w.select(w.model().bundle().evidence().get(1)));
    FxHarness.waitUntil(
        "the series are drawn", () -> FxHarness.onFx(() -> w.content().series() != null));
    XYDataset data = FxHarness.onFx(() -> w.content().series().chart().plot().getDataset());
    assertThat(data.getSeriesCount()).isEqualTo(2);
    assertThat(data.getItemCount(0)).isEqualTo(3);
    assertThat(data.getItemCount(1)).isEqualTo(2);
    assertThat(data.getYValue(0, 2)).isEqualTo(212.0);
    assertThat(FxHarness.onFx(() -> ((Label) root.lookup("#bundle-series-legend-1")).getText()))
        .isEqualTo("partition=\"1\"");

    FxHarness.runFx(() -> w.select(w.model().bundle().evidence().get(2)));
    FxHarness.waitUntil(
        "the image shows", () -> FxHarness.onFx(() -> root.lookup("#bundle-image") != null));
    ImageView image = FxHarness.onFx(() -> (ImageView) root.lookup("#bundle-image"));
    assertThat(FxHarness.onFx(() -> image.getImage().getWidth())).isEqualTo(800.0);

    FxHarness.runFx(() -> w.select(w.model().bundle().evidence().get(3)));
    FxHarness.waitUntil(
        "the report shows", () -> FxHarness.onFx(() -> root.lookup("#bundle-text") != null));
    assertThat(FxHarness.onFx(() -> ((TextArea) root.lookup("#bundle-text")).getText()))
        .contains("\"stuck\" : 212");
  }

  @Test
  void anOlderSnapshotSaysWhatItDidNotKeep() {
    Flow flow = RichFlow.flow();
    BundleWindow w =
        open(BundleFixtures.bundle(dir.resolve("old.hopscope"), flow, new FlowJson().bytes(flow)));
    Parent root = FxHarness.onFx(() -> w.stage().getScene().getRoot());
    assertThat(FxHarness.onFx(() -> ((Label) root.lookup("#bundle-flow-missing")).getText()))
        .isEqualTo("This snapshot: " + FlowSnapshot.NO_DOCUMENT);
    var table = FxHarness.onFx(() -> w.content().flowPane().view().events().table());
    FxHarness.runFx(() -> table.getSelectionModel().select(0));
    assertThat(FxHarness.onFx(() -> ((TextArea) root.lookup("#flow-raw-json")).getText()))
        .startsWith(FlowSnapshot.NO_DOCUMENT);
  }

  @Test
  void aBadBundleSaysWhichFileAndWhyAndOpensNothing() {
    FxHarness.stage();
    Path bad = dir.resolve("broken.hopscope");
    opener =
        new BundleOpener(
            f -> {
              throw new BundleException(f + " is not a zip file (truncated?)");
            },
            null,
            runner,
            Clock.systemUTC(),
            theme);
    List<String> shown = new java.util.ArrayList<>();
    FxHarness.runFx(() -> opener.problemShown(shown::add));
    FxHarness.runFx(() -> opener.open(bad));
    FxHarness.waitUntil("the problem is shown", () -> FxHarness.onFx(() -> !shown.isEmpty()));
    assertThat(shown)
        .containsExactly(
            "Cannot open bundle "
                + bad
                + ": "
                + bad
                + " is not a zip file (truncated?). Nothing was opened or changed.");
    assertThat(FxHarness.onFx(() -> opener.windows().size())).isZero();
  }

  @Test
  void screenshotsInBothThemesHaveNothingElided() {
    Flow flow = FlowFixtures.journey();
    BundleWindow w = open(BundleFixtures.bundle(dir.resolve("journey.hopscope"), flow));
    for (String themeName : List.of("dark", "light")) {
      if (themeName.equals("light")) {
        FxHarness.runFx(
            () -> {
              Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
              theme.set(ChartTheme.LIGHT);
            });
      }
      for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
        FxHarness.runFx(
            () -> {
              w.stage().setWidth(size[0]);
              w.stage().setHeight(size[1]);
            });
        FxHarness.waitUntil(
            "the window is " + size[0] + " wide",
            () -> FxHarness.onFx(() -> w.stage().getScene().getWidth() >= size[0] - 20));
        FxHarness.waitUntil(
            "the flow is drawn",
            () -> FxHarness.onFx(() -> w.content().flowPane().view().drawnProperty().get()));
        String name = "bundle-" + themeName + "-" + size[0] + "x" + size[1];
        FxHarness.snapshot(
            FxHarness.onFx(() -> w.stage().getScene().getRoot()),
            Path.of("target", "screenshots", name + ".png"));
        assertThat(FxHarness.onFx(() -> ElisionCheck.essentials(w.stage().getScene())))
            .as(name)
            .isEmpty();
      }
    }
    FxHarness.runFx(
        () ->
            Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()));
  }

  @Test
  void theExportDialogWarnsWhenUnmaskedAndNamesTheFileWritten() {
    Stage owner = FxHarness.stage();
    org.hopscope.model.incident.Incident incident =
        new org.hopscope.model.incident.Incident(
            12,
            "ERP outage: orders stuck at fulfilment",
            org.hopscope.model.incident.Incident.Severity.SEV2,
            "orders",
            null,
            org.hopscope.model.incident.Incident.Status.OPEN,
            BundleFixtures.AT,
            null,
            null,
            null,
            "alice");
    List<String> calls = new java.util.ArrayList<>();
    BundleExport model =
        new BundleExport(
            (id, file, unmasked, overwrite) -> {
              calls.add(id + " " + file.getFileName() + " " + unmasked);
              return new org.hopscope.model.bundle.BundleManifest(
                  1,
                  "1.4.0",
                  BundleFixtures.AT,
                  "alice",
                  !unmasked,
                  unmasked,
                  id,
                  "",
                  List.of(),
                  List.of());
            },
            runner);
    ExportBundleDialog dialog =
        FxHarness.onFx(
            () -> {
              ExportBundleDialog d = new ExportBundleDialog(model, incident, dir, owner);
              d.show();
              return d;
            });
    Parent root = FxHarness.onFx(() -> dialog.stage().getScene().getRoot());
    assertThat(FxHarness.onFx(() -> ((Label) root.lookup("#export-bundle-note")).getText()))
        .isEqualTo(BundleExport.MASKED_NOTE);
    FxHarness.runFx(
        () -> ((javafx.scene.control.CheckBox) root.lookup("#export-bundle-unmasked")).fire());
    assertThat(FxHarness.onFx(() -> ((Label) root.lookup("#export-bundle-note")).getText()))
        .isEqualTo(BundleExport.UNMASKED_WARNING);
    FxHarness.runFx(() -> ((javafx.scene.control.Button) root.lookup("#export-bundle-run")).fire());
    FxHarness.waitUntil(
        "the export is done",
        () ->
            FxHarness.onFx(() -> ((Label) root.lookup("#export-bundle-result")).getText())
                .startsWith("Written: "));
    assertThat(calls)
        .containsExactly("12 incident-12-erp-outage-orders-stuck-at-fulfilment.hopscope true");
    FxHarness.snapshot(root, Path.of("target", "screenshots", "bundle-export-dialog.png"));
    assertThat(FxHarness.onFx(() -> ElisionCheck.in(root))).isEmpty();
    FxHarness.runFx(() -> dialog.stage().close());
  }

  @Test
  void aFlowReadFromFilesOpensReadOnlyInTheSameViews() {
    FxHarness.stage();
    Flow flow = FlowFixtures.journey();
    FlowWindow w =
        FxHarness.onFx(
            () -> {
              FlowWindow f = new FlowWindow(flow, "trace files", runner, Clock.systemUTC());
              f.stage().show();
              return f;
            });
    Parent root = FxHarness.onFx(() -> w.stage().getScene().getRoot());
    FxHarness.waitUntil(
        "the flow is drawn",
        () ->
            FxHarness.onFx(
                () ->
                    ((org.hopscope.ui.flow.FlowView) root.lookup("#flow-view"))
                        .drawnProperty()
                        .get()));
    assertThat(FxHarness.onFx(() -> ((Label) root.lookup("#traces-banner-title")).getText()))
        .isEqualTo(
            "Traces: "
                + flow.query()
                + " on path "
                + flow.path()
                + " \u2014 read from trace files, offline");
    for (HopFlow h : flow.hops()) {
      Label v =
          FxHarness.onFx(() -> (Label) root.lookup("#" + PathDiagram.nodeId(h.hop()) + "-verdict"));
      assertThat(FxHarness.onFx(v::getText)).isEqualTo(VerdictLook.label(h.verdict()));
    }
    FxHarness.snapshot(root, Path.of("target", "screenshots", "traces-window-1280x800.png"));
    assertThat(FxHarness.onFx(() -> ElisionCheck.essentials(w.stage().getScene()))).isEmpty();
    FxHarness.runFx(() -> w.stage().close());
  }
}
