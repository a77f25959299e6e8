package org.hopscope.ui.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.PathDef;
import org.hopscope.oncall.FileFlows;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.task.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Open traces dialog and the read-only flow window in a real window (Xvfb). */
class OpenTracesDialogTest {

  private static final Path FILES = Path.of("src/test/resources/trace-files");

  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final FxTaskRunner runner = new FxTaskRunner(executor);
  private final List<Stage> opened = new ArrayList<>();

  @AfterEach
  void close() {
    FxHarness.runFx(() -> opened.forEach(Stage::close));
    executor.shutdownNow();
  }

  @Test
  void opensTheShopFilesAndShowsTheFlowReadOnly() {
    FxHarness.stage();
    List<PathDef> paths = new PathDefinitions().readDirectory(FILES.resolve("paths")).paths();
    OpenTracesModel vm = new OpenTracesModel(paths, new FileFlows(), runner);
    List<org.hopscope.ui.bundle.FlowWindow> windows = new ArrayList<>();
    OpenTracesDialog dialog =
        new OpenTracesDialog(
            vm,
            f -> {
              org.hopscope.ui.bundle.FlowWindow w =
                  new org.hopscope.ui.bundle.FlowWindow(
                      f, "trace files", runner, Clock.systemUTC());
              windows.add(w);
              opened.add(w.stage());
              w.stage().show();
            });
    Stage stage = FxHarness.onFx(() -> dialog.show(null));
    opened.add(stage);
    Parent root = FxHarness.onFx(() -> stage.getScene().getRoot());
    FxHarness.runFx(
        () -> {
          vm.pathProperty()
              .set(paths.stream().filter(p -> p.name().equals("shop")).findFirst().get());
          vm.add(
              List.of(
                  FILES.resolve("shop/checkout.otlp.jsonl"),
                  FILES.resolve("shop/billing.jaeger.json"),
                  FILES.resolve("shop/shipping.zipkin.json"),
                  FILES.resolve("shop/notify.ndjson")));
          ((TextField) root.lookup("#traces-id")).setText("M-4");
        });
    FxHarness.snapshot(root, Path.of("target/screenshots/open-traces-dialog.png"));
    Button open = (Button) root.lookup("#traces-open");
    assertThat(FxHarness.onFx(open::isDisabled)).isFalse();

    FxHarness.runFx(open::fire);
    FxHarness.waitUntil("the flow window", () -> FxHarness.onFx(() -> !windows.isEmpty()));

    org.hopscope.ui.bundle.FlowWindow w = windows.get(0);
    Flow shown = FxHarness.onFx(() -> w.flow());
    assertThat(shown.hops().get(2).verdict()).isEqualTo(HopVerdict.SLOW);
    assertThat(FxHarness.onFx(stage::isShowing)).isFalse();
    Parent flowRoot = FxHarness.onFx(() -> w.stage().getScene().getRoot());
    assertThat(FxHarness.onFx(() -> ((Label) flowRoot.lookup("#traces-basis")).getText()))
        .isEqualTo(
            "Read-only, from checkout.otlp.jsonl, billing.jaeger.json, shipping.zipkin.json,"
                + " notify.ndjson. Judged as of 2026-11-20T10:02:08Z, the newest event in the"
                + " files, not now; no metrics.");
    FxHarness.snapshot(flowRoot, Path.of("target/screenshots/trace-flow-window.png"));
  }

  @Test
  void aBadFileStaysInTheDialogWithItsLocation() throws Exception {
    FxHarness.stage();
    List<PathDef> paths = new PathDefinitions().readDirectory(FILES.resolve("paths")).paths();
    OpenTracesModel vm = new OpenTracesModel(paths, new FileFlows(), runner);
    OpenTracesDialog dialog = new OpenTracesDialog(vm, f -> {});
    Stage stage = FxHarness.onFx(() -> dialog.show(null));
    opened.add(stage);
    Parent root = FxHarness.onFx(() -> stage.getScene().getRoot());
    Path bad = FILES.resolve("paths/shop.yaml");
    FxHarness.runFx(
        () -> {
          vm.add(List.of(bad));
          ((TextField) root.lookup("#traces-id")).setText("M-1");
          ((Button) root.lookup("#traces-open")).fire();
        });
    Label error = (Label) root.lookup("#traces-error");
    FxHarness.waitUntil("the error", () -> FxHarness.onFx(() -> error.isVisible()));

    assertThat(FxHarness.onFx(error::getText))
        .startsWith(bad + ":1: not JSON (starts with '#'); expected OTLP JSON");
    assertThat(FxHarness.onFx(stage::isShowing)).isTrue();
    FxHarness.snapshot(root, Path.of("target/screenshots/open-traces-error.png"));
    try {
      FxHarness.runFx(
          () ->
              javafx.application.Application.setUserAgentStylesheet(
                  new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
      FxHarness.snapshot(root, Path.of("target/screenshots/open-traces-error-light.png"));
    } finally {
      FxHarness.runFx(
          () ->
              javafx.application.Application.setUserAgentStylesheet(
                  new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()));
    }
  }
}
