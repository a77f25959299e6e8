package org.hopscope.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Engine;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.UiSandbox;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.task.FxTaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

/** The flow's "Compare with a healthy one" in real windows against the test sandbox. */
@ExtendWith(SandboxExtension.class)
class CompareViewSandboxTest {

  private static Engine engine;
  private static ExecutorService executor;
  private static Manifest manifest;
  private static TimeWindow recorded;

  private FlowViewModel flow;
  private CompareWindow compare;

  @BeforeAll
  static void connect(TestSandbox sandbox) {
    engine = UiSandbox.engine(sandbox);
    executor = Executors.newFixedThreadPool(2);
    manifest = Manifest.read(sandbox.manifest());
    recorded =
        new TimeWindow(Instant.parse(manifest.from()), Instant.parse(manifest.now()).plusMillis(1));
  }

  @AfterAll
  static void close() {
    executor.shutdownNow();
    engine.close();
  }

  @AfterEach
  void closeWindow() {
    FxHarness.runFx(
        () -> {
          Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
          if (compare != null && compare.stage() != null) {
            compare.stage().close();
          }
        });
  }

  /** Shows the flow of {@code id} (model only) and the compare button in the primary stage. */
  private void flowOf(String id) {
    FxHarness.show(
        () -> {
          FxTaskRunner runner = new FxTaskRunner(executor);
          flow =
              new FlowViewModel(
                  (q, w, asOf, c) -> engine.flow(UiSandbox.ordersPath(), q, w, asOf, c),
                  runner,
                  Clock.fixed(recorded.to(), ZoneOffset.UTC));
          compare =
              new CompareWindow(
                  flow,
                  (a, b, w, asOf, c) -> engine.compare(UiSandbox.ordersPath(), a, b, w, asOf, c),
                  runner);
          BorderPane root = new BorderPane();
          root.setTop(compare.button());
          flow.queryProperty().set(id);
          flow.windowProperty().set(recorded);
          flow.search();
          return root;
        },
        1280,
        800);
    FxHarness.waitUntil(
        "the flow of " + id, () -> flow.stateProperty().get() == FlowViewModel.State.DONE);
  }

  private void waitCompared(CompareViewModel.State expected) {
    FxHarness.waitUntil(
        "the comparison is " + expected,
        Duration.ofSeconds(120),
        () -> compare.model().stateProperty().get() == expected);
  }

  @Test
  void aStuckMessageBesideTheNearestHealthyOneThenANamedOneThenBack() {
    String stuck = manifest.classes().get("STUCK").messages().get(0).id();
    flowOf(stuck);
    FxRobot robot = new FxRobot();
    robot.clickOn("#flow-compare");
    waitCompared(CompareViewModel.State.DONE);

    Parent root = FxHarness.onFx(() -> compare.stage().getScene().getRoot());
    String other =
        FxHarness.onFx(() -> compare.model().comparisonProperty().get().basis().otherId());
    assertThat(text(root, "#compare-title"))
        .isEqualTo(
            "A  " + stuck + " (STUCK at fulfilment-service)     vs     B  " + other + " (OK)");
    assertThat(text(root, "#compare-basis"))
        .startsWith("Compared with " + other + ": the nearest OK message that reached erp-adapter");
    assertThat(text(root, "#compare-searched")).startsWith("Searched: erp-adapter (jaeger-span-*)");
    assertThat(labels(root, "#compare-hop-fulfilment-service"))
        .contains("STUCK", "OK", "not handed over", "Missing in A (B has it): INFO processed")
        .contains(
            "Only in A: ERROR ERP adapter pool exhausted (# active, # waiting), message parked");
    for (String hop : List.of("erp-adapter", "erp-confirmation")) {
      assertThat(labels(root, "#compare-hop-" + hop)).as(hop).contains("not reached", "OK");
    }
    assertThat(labels(root, "#compare-hop-api-gateway")).contains("1 / 1");

    for (boolean light : List.of(false, true)) {
      String theme = light ? "light" : "dark";
      FxHarness.runFx(
          () ->
              Application.setUserAgentStylesheet(
                  light
                      ? new PrimerLight().getUserAgentStylesheet()
                      : new PrimerDark().getUserAgentStylesheet()));
      for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
        resize(size[0], size[1]);
        assertThat(elided(root)).as(theme + " " + size[0]).isEmpty();
        FxHarness.snapshot(
            root, Path.of("target", "screenshots", "compare-" + theme + "-" + size[0] + ".png"));
      }
    }

    String healthy = manifest.classes().get("HEALTHY").messages().get(0).id();
    robot.clickOn("#compare-with").write(healthy);
    robot.clickOn("#compare-named");
    FxHarness.waitUntil(
        "compared with " + healthy,
        Duration.ofSeconds(120),
        () -> text(root, "#compare-basis").startsWith("Compared with " + healthy));
    assertThat(text(root, "#compare-basis"))
        .isEqualTo("Compared with " + healthy + ": named by you; its verdict is OK.");
    assertThat(FxHarness.onFx(() -> root.lookup("#compare-searched").isVisible())).isFalse();

    robot.clickOn("#compare-back");
    FxHarness.waitUntil("the compare window is closed", () -> !compare.stage().isShowing());
  }

  private void resize(int w, int h) {
    FxHarness.runFx(
        () -> {
          Stage s = compare.stage();
          s.setWidth(w);
          s.setHeight(h);
        });
    FxHarness.waitUntil(
        "the window is " + w + " wide",
        () -> {
          compare.stage().getScene().getRoot().applyCss();
          compare.stage().getScene().getRoot().layout();
          return Math.abs(compare.stage().getScene().getWidth() - w) < 40;
        });
  }

  private static String text(Parent root, String id) {
    return FxHarness.onFx(() -> ((Label) root.lookup(id)).getText());
  }

  private static List<String> labels(Parent root, String id) {
    return FxHarness.onFx(
        () ->
            root.lookup(id).lookupAll(".label").stream()
                .filter(n -> n instanceof Labeled)
                .map(n -> ((Labeled) n).getText())
                .toList());
  }

  /** Labels whose drawn text is not their whole text (JavaFX elided it). */
  private static List<String> elided(Parent root) {
    return FxHarness.onFx(
        () ->
            root.lookupAll(".text").stream()
                .filter(n -> n instanceof Text && n.getParent() instanceof Labeled)
                .filter(Node::isVisible)
                .filter(
                    n -> {
                      Labeled l = (Labeled) n.getParent();
                      String shown = ((Text) n).getText();
                      return l.getText() != null && !l.getText().equals(shown);
                    })
                .map(n -> ((Labeled) n.getParent()).getText())
                .toList());
  }
}
