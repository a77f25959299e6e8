package org.hopscope.ui.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckBaseline;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckComparison.HopChange;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Engine;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.UiSandbox;
import org.hopscope.ui.stuck.StuckViewModel.State;
import org.hopscope.ui.task.FxTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

/**
 * The stuck view's compare choice in a real window over the test sandbox: the recorded incident
 * marks fulfilment-service against the previous window; a day earlier there is no data.
 */
@ExtendWith(SandboxExtension.class)
class StuckCompareViewSandboxTest {

  private static final Path SHOTS = Path.of("target/screenshots");
  private final FxRobot robot = new FxRobot();

  @Test
  void comparingMarksTheHopThatMovedAndSaysWhenThereIsNoDataBefore(TestSandbox sandbox) {
    Manifest manifest = Manifest.read(sandbox.manifest());
    Instant now = Instant.parse(manifest.now());
    TimeWindow incident = new TimeWindow(Instant.parse(manifest.incidentStart()), now);
    PathDef path = UiSandbox.ordersPath();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Engine engine = UiSandbox.engine(sandbox)) {
      StuckViewModel vm =
          new StuckViewModel(
              (w, asOf, messages, cancel) -> engine.stuck(path, w, asOf, messages, cancel),
              new FxTaskRunner(pool),
              Clock.systemDefaultZone());
      vm.changes().compareWith((r, b, c) -> engine.compare(path, r, b, c));
      StuckView view = FxHarness.show(() -> new StuckView(vm, id -> {}), 1280, 800);
      FxHarness.runFx(() -> vm.windowProperty().set(incident));

      robot.clickOn("#stuck-compare");
      robot.clickOn("Compare: previous window");
      assertThat(FxHarness.onFx(() -> vm.changes().baselineProperty().get()))
          .isEqualTo(StuckBaseline.PREVIOUS);
      robot.clickOn("#stuck-analyse");
      FxHarness.waitUntil(
          "the comparison with the previous window",
          Duration.ofMinutes(2),
          () -> vm.changes().comparisonProperty().get() != null);
      assertThat(FxHarness.onFx(() -> vm.stateProperty().get())).isEqualTo(State.DONE);
      StuckComparison c = FxHarness.onFx(() -> vm.changes().comparisonProperty().get());
      assertThat(c.marked()).isEqualTo("fulfilment-service");
      assertThat(FxHarness.onFx(() -> text(view, "#stuck-compare-headline")))
          .isEqualTo("What changed: " + c.headline());
      assertThat(FxHarness.onFx(() -> text(view, "#stuck-compare-latency")))
          .isEqualTo(StuckChangeHeader.NO_LATENCY);
      // the mark sits in fulfilment-service's row, and only there
      assertThat(FxHarness.onFx(() -> view.lookup("#funnel-row-3").lookup("#funnel-moved")))
          .isNotNull();
      assertThat(FxHarness.onFx(() -> view.lookupAll("#funnel-moved").size())).isEqualTo(1);
      for (int i = 0; i < c.hops().size(); i++) {
        HopChange hop = c.hops().get(i);
        for (int k = 0; k < StuckFunnel.COUNTS.length; k++) {
          String id = "#funnel-" + i + "-" + StuckFunnel.COUNTS[k] + "-delta";
          assertThat(FxHarness.onFx(() -> text(view, id)))
              .as(id)
              .isEqualTo(hop.figures().get(k).delta());
        }
      }
      assertThat(FxHarness.onFx(() -> text(view, "#funnel-3-stuck-delta"))).isEqualTo("new");
      assertThat(FxHarness.onFx(() -> elided(view))).isEmpty();
      shoot(view, "stuck-compare-previous");

      // a day earlier: the sandbox recorded nothing then, so every hop says so, nothing is marked
      robot.clickOn("#stuck-compare");
      robot.clickOn("Compare: a day earlier");
      FxHarness.waitUntil(
          "the comparison with a day earlier",
          Duration.ofMinutes(2),
          () -> {
            StuckComparison d = vm.changes().comparisonProperty().get();
            return d != null && d.baseline() == StuckBaseline.DAY_EARLIER;
          });
      for (int i = 0; i < path.hops().size(); i++) {
        String id = "#funnel-" + i + "-change";
        assertThat(FxHarness.onFx(() -> text(view, id))).as(id).isEqualTo("no data before");
        String delta = "#funnel-" + i + "-left-delta";
        assertThat(FxHarness.onFx(() -> view.lookup(delta))).as(delta).isNull();
      }
      assertThat(FxHarness.onFx(() -> view.lookup("#funnel-moved"))).isNull();
      assertThat(FxHarness.onFx(() -> text(view, "#stuck-compare-headline")))
          .startsWith("What changed: No data before: nothing entered any readable hop in");
      shoot(view, "stuck-compare-1d");

      // the picker moves on: the header says which analysis is shown
      TimeWindow sixHours = TimeWindow.ending(now, Duration.ofHours(6));
      FxHarness.runFx(() -> vm.windowProperty().set(sixHours));
      assertThat(FxHarness.onFx(() -> view.lookup("#stuck-stale").isVisible())).isTrue();
      assertThat(FxHarness.onFx(() -> text(view, "#stuck-stale")))
          .startsWith("Showing the analysis of ")
          .contains("(50 min); press Analyse for ")
          .endsWith("(6 h).");
      assertThat(FxHarness.onFx(() -> text(view, "#stuck-range"))).endsWith("(6 h)");
    } finally {
      FxHarness.runFx(
          () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
      pool.shutdownNow();
    }
  }

  /** Screenshots at 1280x800 and 1920x1080 in both themes. */
  private static void shoot(StuckView view, String name) {
    for (double[] size : new double[][] {{1280, 800}, {1920, 1080}}) {
      for (String theme : List.of("dark", "light")) {
        FxHarness.runFx(
            () -> {
              Application.setUserAgentStylesheet(
                  theme.equals("dark")
                      ? new PrimerDark().getUserAgentStylesheet()
                      : new PrimerLight().getUserAgentStylesheet());
              view.getScene().getWindow().setWidth(size[0]);
              view.getScene().getWindow().setHeight(size[1]);
            });
        FxHarness.waitUntil(
            "the view laid out at " + (int) size[0],
            () ->
                Math.abs(view.getWidth() - view.getScene().getWidth()) < 1
                    && view.getScene().getWidth() > size[0] - 40);
        assertThat(FxHarness.onFx(() -> elided(view))).as(name + " " + theme).isEmpty();
        FxHarness.snapshot(view, SHOTS.resolve(name + "-" + (int) size[0] + "-" + theme + ".png"));
      }
    }
    FxHarness.runFx(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
  }

  private static String text(StuckView view, String id) {
    return ((Labeled) view.lookup(id)).getText();
  }

  /** Labels of the funnel and the header whose displayed text is cut short. */
  /** Whether {@code n} and every parent are visible (a hidden note's chip is not on screen). */
  private static boolean shown(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> elided(StuckView view) {
    view.applyCss();
    view.layout();
    List<String> cut = new ArrayList<>();
    for (String scope : List.of("#stuck-funnel", ".stuck-change-header", ".stuck-toolbar")) {
      Node root = view.lookup(scope);
      if (root == null) {
        continue;
      }
      for (Node n : root.lookupAll(".label")) {
        if (n instanceof Label l && shown(l) && !l.getText().isEmpty()) {
          Node shown = l.lookup(".text");
          if (shown instanceof Text t && !t.getText().equals(l.getText())) {
            cut.add(l.getText() + " shown as " + t.getText());
          }
        }
      }
    }
    return cut;
  }
}
