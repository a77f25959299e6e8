package org.hopscope.ui.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import org.hopscope.model.HopCounts;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckEstimate.Figure;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Engine;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.UiSandbox;
import org.hopscope.ui.stuck.StuckViewModel.State;
import org.hopscope.ui.task.FxTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;

/**
 * The funnel's two stages in a real window over the test sandbox: Analyse shows the engine's
 * estimates ("≈ value", "± bound", "unknown"), then the exact figures replace them.
 */
@ExtendWith(SandboxExtension.class)
class StuckEstimateSandboxTest {

  private static final Path SHOTS = Path.of("target/screenshots");
  private static final String[] FIGURES = {"entered", "left", "stuck", "failed", "dead-lettered"};
  private final FxRobot robot = new FxRobot();

  @Test
  void theFunnelShowsTheEstimatesThenTheExactFigures(TestSandbox sandbox) throws Exception {
    Manifest manifest = Manifest.read(sandbox.manifest());
    TimeWindow incident =
        new TimeWindow(Instant.parse(manifest.incidentStart()), Instant.parse(manifest.now()));
    PathDef path = UiSandbox.ordersPath();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch exactMayRun = new CountDownLatch(1);
    try (Engine engine = UiSandbox.engine(sandbox)) {
      StuckEstimate expected =
          engine.estimateStuck(path, incident, incident.to(), Cancellation.none());
      StuckReport exact = engine.stuck(path, incident, incident.to(), m -> {}, Cancellation.none());
      StuckViewModel vm =
          new StuckViewModel(
              (w, asOf, found, c) -> {
                await(exactMayRun); // the exact scan waits until the estimates were looked at
                return engine.stuck(path, w, asOf, found, c);
              },
              new FxTaskRunner(pool),
              Clock.systemDefaultZone());
      vm.estimates().estimateWith((w, asOf, c) -> engine.estimateStuck(path, w, asOf, c));
      StuckView view = FxHarness.show(() -> new StuckView(vm, id -> {}), 1280, 800);
      FxHarness.runFx(() -> vm.windowProperty().set(incident));
      robot.clickOn("#stuck-analyse");
      FxHarness.waitUntil(
          "the estimates are shown", () -> vm.estimates().estimateProperty().get() != null);
      assertThat(FxHarness.onFx(() -> vm.stateProperty().get())).isEqualTo(State.ANALYSING);
      assertThat(FxHarness.onFx(() -> lookup(view, "#funnel-estimate-note").isVisible())).isTrue();
      assertThat(text(view, "#funnel-estimate-note"))
          .startsWith("Estimated on a hash sample of the message IDs, ahead of the full scans.");
      assertThat(shown(view, expected.hops().size())).isEqualTo(estimateTexts(expected));
      assertThat(text(view, "#funnel-0-slow")).isEqualTo("\u2014");
      assertThat(FxHarness.onFx(() -> view.lookup("#funnel-worst"))).isNull();
      FxHarness.snapshot(view, SHOTS.resolve("stuck-estimate-1280-dark.png"));
      FxHarness.runFx(
          () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
      FxHarness.snapshot(view, SHOTS.resolve("stuck-estimate-1280-light.png"));

      exactMayRun.countDown();
      FxHarness.waitUntil(
          "the exact analysis is done", () -> vm.stateProperty().get() == State.DONE);
      assertThat(FxHarness.onFx(() -> vm.estimates().estimateProperty().get())).isNull();
      assertThat(FxHarness.onFx(() -> lookup(view, "#funnel-estimate-note").isVisible())).isFalse();
      assertThat(shown(view, exact.hops().size())).isEqualTo(exactTexts(exact));
      FxHarness.snapshot(view, SHOTS.resolve("stuck-exact-1280-light.png"));
      FxHarness.runFx(
          () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
      FxHarness.snapshot(view, SHOTS.resolve("stuck-exact-1280-dark.png"));
    } finally {
      exactMayRun.countDown();
      FxHarness.runFx(
          () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** What each estimate reads: "≈ 1,234" with "± 12" under it, or "unknown" (never 0). */
  private static List<String> estimateTexts(StuckEstimate e) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < e.hops().size(); i++) {
      List<Figure> figures = e.hops().get(i).figures();
      for (int k = 0; k < FIGURES.length; k++) {
        Figure f = figures.get(k);
        out.add(
            i
                + " "
                + FIGURES[k]
                + " "
                + (f.known()
                    ? "\u2248 "
                        + StuckWords.count(f.value())
                        + " / \u00b1 "
                        + StuckWords.count(f.bound())
                    : "unknown / "));
      }
    }
    return out;
  }

  private static List<String> exactTexts(StuckReport r) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < r.hops().size(); i++) {
      HopCounts c = r.hops().get(i);
      long[] v = {c.entered(), c.left(), c.stuck(), c.failed(), c.deadLettered()};
      for (int k = 0; k < FIGURES.length; k++) {
        out.add(i + " " + FIGURES[k] + " " + StuckWords.count(v[k]) + " / ");
      }
    }
    return out;
  }

  /** Each hop's figure as shown: its label, and its bound label's text when there is one. */
  private static List<String> shown(StuckView view, int hops) {
    return FxHarness.onFx(
        () -> {
          List<String> out = new ArrayList<>();
          for (int i = 0; i < hops; i++) {
            for (String k : FIGURES) {
              Label n = (Label) view.lookup("#funnel-" + i + "-" + k);
              Label bound = (Label) view.lookup("#funnel-" + i + "-" + k + "-bound");
              out.add(
                  i + " " + k + " " + n.getText() + " / " + (bound == null ? "" : bound.getText()));
            }
          }
          return out;
        });
  }

  private static String text(StuckView view, String id) {
    return FxHarness.onFx(() -> ((Label) view.lookup(id)).getText());
  }

  private static javafx.scene.Node lookup(StuckView view, String id) {
    return view.lookup(id);
  }

  private static void await(CountDownLatch gate) {
    try {
      if (!gate.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the test never let the exact analysis run");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
