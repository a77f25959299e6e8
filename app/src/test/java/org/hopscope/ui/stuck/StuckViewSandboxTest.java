package org.hopscope.ui.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckMessage;
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

/** The window view in a real window over the test sandbox, against the seed's manifest. */
@ExtendWith(SandboxExtension.class)
class StuckViewSandboxTest {

  private static final Path SHOTS = Path.of("target/screenshots");
  private static final Map<String, HopVerdict> CLASS_VERDICT =
      Map.of(
          "STUCK", HopVerdict.STUCK,
          "FAILED", HopVerdict.ERROR,
          "DEAD_LETTERED", HopVerdict.DEAD_LETTERED);

  private final FxRobot robot = new FxRobot();

  @Test
  void incidentWindowListsExactlyTheManifestsTroubleAndOpensFlows(TestSandbox sandbox)
      throws InterruptedException {
    Manifest manifest = Manifest.read(sandbox.manifest());
    Instant now = Instant.parse(manifest.now());
    TimeWindow incident = new TimeWindow(Instant.parse(manifest.incidentStart()), now);
    PathDef path = UiSandbox.ordersPath();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch gate = new CountDownLatch(1);
    boolean[] gated = {true};
    List<String> opened = new CopyOnWriteArrayList<>();
    try (Engine engine = UiSandbox.engine(sandbox)) {
      Set<String> expected = expectedTrouble(engine, path, manifest, incident);
      StuckViewModel vm =
          new StuckViewModel(
              (w, asOf, messages, cancel) -> {
                boolean hold = gated[0];
                return engine.stuck(
                    path,
                    w,
                    asOf,
                    m -> {
                      messages.accept(m);
                      if (hold) {
                        await(gate);
                      }
                    },
                    cancel);
              },
              new FxTaskRunner(pool),
              Clock.systemDefaultZone());
      StuckView view = FxHarness.show(() -> new StuckView(vm, opened::add), 1280, 820);
      FxHarness.snapshot(view, SHOTS.resolve("window-idle-dark.png"));
      assertThat(FxHarness.onFx(() -> lookup(view, "#stuck-analyse").isDisabled())).isTrue();
      FxHarness.runFx(() -> vm.windowProperty().set(incident));

      // cancel mid-analysis: the scan is held after its first message until the test lets it go
      robot.clickOn("#stuck-analyse");
      FxHarness.waitUntil("the first message", () -> vm.messages().size() == 1);
      assertThat(FxHarness.onFx(() -> lookup(view, "#stuck-cancel").isVisible())).isTrue();
      robot.clickOn("#stuck-cancel");
      assertThat(FxHarness.onFx(() -> vm.stateProperty().get())).isEqualTo(State.CANCELLED);
      gated[0] = false;
      gate.countDown();
      FxHarness.snapshot(view, SHOTS.resolve("window-cancelled-dark.png"));
      assertThat(FxHarness.onFx(() -> lookup(view, "#stuck-cancel").isVisible())).isFalse();
      assertThat(FxHarness.onFx(() -> lookup(view, "#stuck-analyse").isDisabled())).isFalse();
      assertThat(FxHarness.onFx(() -> table(view).getItems().size())).isEqualTo(1);

      // Analyse again, to completion
      robot.clickOn("#stuck-analyse");
      FxHarness.waitUntil("the analysis is done", () -> vm.stateProperty().get() == State.DONE);
      Set<String> listed =
          FxHarness.onFx(
              () -> {
                Set<String> out = new TreeSet<>();
                for (StuckMessage m : table(view).getItems()) {
                  out.add(key(m.id(), m.hop(), m.verdict()));
                }
                return out;
              });
      assertThat(listed).isEqualTo(expected);
      assertThat(FxHarness.onFx(() -> table(view).getItems().size())).isEqualTo(expected.size());
      assertThat(FxHarness.onFx(() -> ((Label) lookup(view, "#stuck-count")).getText()))
          .isEqualTo(StuckWords.count(expected.size()) + " messages");
      assertThat(funnelLabels(view, path)).isEqualTo(manifestFunnel(manifest, path));
      assertThat(vm.lastTookProperty().get()).isNotNull();
      FxHarness.snapshot(view, SHOTS.resolve("window-done-dark.png"));

      // double-click a row opens that message's flow
      TableRow<?> row = FxHarness.onFx(() -> firstRow(view));
      String rowId = FxHarness.onFx(() -> ((StuckMessage) row.getItem()).id());
      robot.doubleClickOn(row);
      FxHarness.waitUntil("openFlow was called", () -> !opened.isEmpty());
      assertThat(opened).containsExactly(rowId);

      // filter narrows the table and the count says so
      robot.clickOn("#stuck-filter").write("dead");
      FxHarness.waitUntil(
          "the filter applied",
          () ->
              table(view).getItems().stream()
                  .allMatch(m -> m.verdict() == HopVerdict.DEAD_LETTERED));
      long dead = expected.stream().filter(k -> k.endsWith("@" + HopVerdict.DEAD_LETTERED)).count();
      assertThat(FxHarness.onFx(() -> table(view).getItems().size())).isEqualTo((int) dead);
      FxHarness.snapshot(view, SHOTS.resolve("window-filtered-dark.png"));
      // every badge left in the table is a dead-lettered one
      List<Label> badges =
          FxHarness.onFx(
              () ->
                  table(view).lookupAll(".table-row-cell").stream()
                      .map(n -> (TableRow<?>) n)
                      .filter(r -> r.isVisible() && !r.isEmpty() && r.getItem() != null)
                      .map(r -> (Label) r.lookup(".verdict-badge"))
                      .toList());
      assertThat(badges).isNotEmpty().doesNotContainNull();
      for (Label b : badges) {
        assertThat(FxHarness.onFx(b::getText)).isEqualTo("DEAD-LETTERED");
        assertThat(b.getStyleClass())
            .contains("verdict-dead-lettered")
            .doesNotContain("verdict-stuck", "verdict-error");
      }
      FxHarness.runFx(
          () -> ((javafx.scene.control.TextField) lookup(view, "#stuck-filter")).clear());

      FxHarness.runFx(
          () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
      FxHarness.snapshot(view, SHOTS.resolve("window-done-light.png"));

      // a window before the recording: nothing in trouble, and the view says so
      Instant recorded = Instant.parse(manifest.from());
      TimeWindow after = new TimeWindow(recorded.minusSeconds(7200), recorded.minusSeconds(3600));
      FxHarness.runFx(() -> vm.windowProperty().set(after));
      robot.clickOn("#stuck-analyse");
      FxHarness.waitUntil(
          "the empty analysis is done",
          () ->
              vm.stateProperty().get() != State.ANALYSING
                  && vm.analysedWindowProperty().get() == after);
      assertThat(FxHarness.onFx(() -> vm.stateProperty().get()))
          .as(vm.problemProperty().get())
          .isEqualTo(State.DONE);
      assertThat(FxHarness.onFx(() -> table(view).getItems().size())).isZero();
      assertThat(FxHarness.onFx(() -> ((Label) table(view).getPlaceholder()).getText()))
          .isEqualTo(
              "No stuck, failed or dead-lettered messages in "
                  + StuckWords.window(after, Instant.now(), vm.clock().getZone()));
      assertThat(funnelLabels(view, path).values())
          .allSatisfy(counts -> assertThat(counts).containsOnly("0"));
      FxHarness.snapshot(view, SHOTS.resolve("window-empty-light.png"));
    } finally {
      gate.countDown();
      FxHarness.runFx(
          () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /**
   * The manifest's stuck, failed and dead-lettered messages that entered their hop in the window.
   */
  private static Set<String> expectedTrouble(
      Engine engine, PathDef path, Manifest manifest, TimeWindow incident) {
    Instant now = incident.to();
    TimeWindow recorded = new TimeWindow(Instant.parse(manifest.from()), now.plusMillis(1));
    Set<String> expected = new TreeSet<>();
    long[] perVerdict = new long[3];
    List<String> classes = List.of("STUCK", "FAILED", "DEAD_LETTERED");
    for (int k = 0; k < classes.size(); k++) {
      Manifest.ClassMessages c = manifest.classes().get(classes.get(k));
      assertThat(c.complete()).as(classes.get(k) + " lists all its messages").isTrue();
      for (Manifest.ClassMessage m : c.messages()) {
        Instant first =
            engine
                .flow(path, m.id(), recorded, now, false, Cancellation.none())
                .hops()
                .get(path.indexOf(m.hop()))
                .firstSeen();
        if (first != null && incident.contains(first)) {
          expected.add(key(m.id(), m.hop(), CLASS_VERDICT.get(classes.get(k))));
          perVerdict[k]++;
        }
      }
    }
    long[] inWindow = new long[3];
    manifest
        .incidentWindow()
        .hops()
        .values()
        .forEach(
            h -> {
              inWindow[0] += h.stuck();
              inWindow[1] += h.failed();
              inWindow[2] += h.deadLettered();
            });
    assertThat(perVerdict).as("the manifest's incident-window totals").containsExactly(inWindow);
    return expected;
  }

  private static Map<String, List<String>> manifestFunnel(Manifest manifest, PathDef path) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    manifest
        .incidentWindow()
        .hops()
        .forEach(
            (hop, h) ->
                out.put(
                    hop,
                    List.of(
                        StuckWords.count(h.entered()),
                        StuckWords.count(h.left()),
                        StuckWords.count(h.stuck()),
                        StuckWords.count(h.failed()),
                        StuckWords.count(h.deadLettered()),
                        StuckWords.count(h.slow()))));
    return out;
  }

  private static Map<String, List<String>> funnelLabels(StuckView view, PathDef path) {
    return FxHarness.onFx(
        () -> {
          Map<String, List<String>> out = new java.util.LinkedHashMap<>();
          for (int i = 0; i < path.hops().size(); i++) {
            List<String> texts = new ArrayList<>();
            for (String count : StuckFunnel.COUNTS) {
              texts.add(((Label) lookup(view, "#funnel-" + i + "-" + count)).getText());
            }
            out.put(path.hops().get(i).name(), texts);
          }
          return out;
        });
  }

  private static String key(String id, String hop, HopVerdict verdict) {
    return id + "@" + hop + "@" + verdict;
  }

  @SuppressWarnings("unchecked")
  private static TableView<StuckMessage> table(StuckView view) {
    return (TableView<StuckMessage>) lookup(view, "#stuck-stuck-table");
  }

  private static TableRow<?> firstRow(StuckView view) {
    return table(view).lookupAll(".table-row-cell").stream()
        .map(n -> (TableRow<?>) n)
        .filter(r -> !r.isEmpty() && r.getIndex() == 0)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row drawn"));
  }

  private static Node lookup(StuckView view, String selector) {
    Node n = view.lookup(selector);
    if (n == null) {
      throw new AssertionError("no node " + selector);
    }
    return n;
  }

  private static void await(CountDownLatch gate) {
    try {
      if (!gate.await(60, TimeUnit.SECONDS)) {
        throw new AssertionError("the test never released the analysis");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
