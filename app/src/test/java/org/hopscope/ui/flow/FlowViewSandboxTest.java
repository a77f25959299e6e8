package org.hopscope.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Engine;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.UiSandbox;
import org.hopscope.ui.look.VerdictLook;
import org.hopscope.ui.task.FxTaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The flow view in a real window against the test sandbox, checked against its manifest. */
@ExtendWith(SandboxExtension.class)
class FlowViewSandboxTest {

  private static Engine engine;
  private static ExecutorService executor;
  private static Manifest manifest;
  private static TimeWindow recorded;

  private FlowViewModel vm;
  private FlowSelection selection;
  private FlowView view;
  private BorderPane root;
  private FlowHeadlineBar headline;

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

  /** Shows a fresh flow view with its path diagram above it, over the sandbox engine. */
  private void showView() {
    showView(
        (q, w, asOf, c, early) -> engine.flow(UiSandbox.ordersPath(), q, w, asOf, true, c, null));
  }

  /** Shows a fresh flow view with its path diagram above it, searching with {@code search}. */
  private void showView(FlowViewModel.StagedFlowSearch search) {
    root =
        FxHarness.show(
            () -> {
              vm =
                  new FlowViewModel(
                      search,
                      new FxTaskRunner(executor),
                      Clock.fixed(recorded.to(), ZoneOffset.UTC));
              selection = new FlowSelection();
              view = new FlowView(vm, selection);
              BorderPane r = new BorderPane(view);
              headline = new FlowHeadlineBar(vm.shownProperty());
              r.setTop(new VBox(8, headline, new PathDiagram(vm.shownProperty(), selection)));
              return r;
            },
            1440,
            900);
  }

  /** Searches {@code id} over the whole recording. */
  private void search(String id) {
    FxHarness.runFx(
        () -> {
          vm.queryProperty().set(id);
          vm.windowProperty().set(recorded);
          vm.search();
        });
  }

  private void open(String id) {
    showView();
    search(id);
    FxHarness.waitUntil(
        "the flow of " + id + " is drawn",
        Duration.ofSeconds(120),
        () -> vm.stateProperty().get() == FlowViewModel.State.DONE && view.drawnProperty().get());
  }

  private static int eventCount(Flow f) {
    return f.hops().stream().mapToInt(h -> h.events().size()).sum();
  }

  @Test
  void stuckMessageShowsStuckAtTheManifestHopWithEveryEventInTheTable() {
    Manifest.ClassMessage stuck = manifest.classes().get("STUCK").messages().get(0);
    open(stuck.id());
    Flow flow = FxHarness.onFx(() -> vm.flowProperty().get());
    assertThat(flow.verdict()).isEqualTo(HopVerdict.STUCK);
    assertThat(flow.stuckAt()).isEqualTo(stuck.hop());

    Node card = FxHarness.onFx(() -> root.lookup("#" + PathDiagram.nodeId(stuck.hop())));
    Label verdict =
        FxHarness.onFx(
            () -> (Label) root.lookup("#" + PathDiagram.nodeId(stuck.hop()) + "-verdict"));
    assertThat(card.getStyleClass()).contains("verdict-stuck");
    assertThat(verdict.getStyleClass()).contains("verdict-badge", "verdict-stuck");
    assertThat(FxHarness.onFx(() -> verdict.getText())).isEqualTo("STUCK");
    for (HopFlow h : flow.hops()) {
      Label v =
          FxHarness.onFx(() -> (Label) root.lookup("#" + PathDiagram.nodeId(h.hop()) + "-verdict"));
      assertThat(FxHarness.onFx(() -> v.getText())).isEqualTo(VerdictLook.label(h.verdict()));
      assertThat(v.getStyleClass()).contains(VerdictLook.styleClass(h.verdict()));
    }

    int events = eventCount(flow);
    assertThat(events).isPositive();
    assertThat(FxHarness.onFx(() -> view.events().table().getItems().size())).isEqualTo(events);
    assertThat(
            flow.hops().stream().flatMap(h -> h.events().stream()).map(FlowEvent::docId).distinct())
        .hasSize(events);

    shoot("flow-stuck");

    // clicking a row selects its event and shows its stored document
    TableRow<?> row =
        FxHarness.onFx(
            () ->
                view.events().table().lookupAll(".table-row-cell").stream()
                    .map(n -> (TableRow<?>) n)
                    .filter(r -> r.getIndex() == 1 && r.getItem() != null)
                    .findFirst()
                    .orElseThrow());
    new FxRobot().clickOn(row);
    FlowEvent clicked = FxHarness.onFx(() -> view.events().table().getItems().get(1));
    FxHarness.waitUntil(
        "the clicked row is selected", () -> selection.eventProperty().get() == clicked);
    TextArea raw = FxHarness.onFx(() -> (TextArea) root.lookup("#flow-raw-json"));
    String json = FxHarness.onFx(() -> raw.getText());
    assertThat(json).contains("\"_id\" : \"" + clicked.docId() + "\"");
    assertThat(json).isEqualTo(RawDocumentPane.json(clicked));
    assertThat(selection.hopProperty().get()).isEqualTo(clicked.hop());
    shoot("flow-stuck-selected");

    // hovering a timeline mark shows the event, clicking it selects it (and its table row)
    FlowEvent first = flow.hops().get(0).events().get(0);
    javafx.geometry.Point2D mark =
        FxHarness.onFx(() -> view.timeline().localToScreen(view.timeline().markOf(first)));
    new FxRobot().moveTo(mark);
    FxHarness.waitUntil(
        "the hover card shows the first event",
        () -> root.lookup("#flow-timeline-hover").isVisible());
    new FxRobot().clickOn(mark);
    FxHarness.waitUntil(
        "the first event is selected", () -> selection.eventProperty().get() == first);
    assertThat(FxHarness.onFx(() -> view.events().table().getSelectionModel().getSelectedItem()))
        .isSameAs(first);

    // Ctrl+F focuses the filter
    new FxRobot()
        .clickOn(row)
        .press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.F)
        .release(javafx.scene.input.KeyCode.F, javafx.scene.input.KeyCode.CONTROL);
    FxHarness.waitUntil(
        "the filter has focus", () -> root.lookup("#flow-events-filter").isFocused());

    // the filter narrows to exactly the matching rows
    String needle = stuck.hop().toUpperCase(Locale.ROOT);
    long expected =
        flow.hops().stream()
            .flatMap(h -> h.events().stream())
            .filter(e -> mentions(e, stuck.hop()))
            .count();
    TextField filter = FxHarness.onFx(() -> (TextField) root.lookup("#flow-events-filter"));
    FxHarness.runFx(() -> filter.setText(needle));
    assertThat(FxHarness.onFx(() -> view.events().table().getItems().size()))
        .isEqualTo((int) expected)
        .isLessThan(events);
    FxHarness.runFx(() -> filter.setText(""));
    assertThat(FxHarness.onFx(() -> view.events().table().getItems().size())).isEqualTo(events);

    // clicking a hop selects it and highlights its card
    new FxRobot().clickOn("#hop-api-gateway");
    FxHarness.waitUntil(
        "api-gateway selected", () -> "api-gateway".equals(selection.hopProperty().get()));
    assertThat(
            FxHarness.onFx(
                () ->
                    root.lookup("#hop-api-gateway")
                        .getPseudoClassStates()
                        .contains(HopCard.SELECTED)))
        .isTrue();
    FxHarness.runFx(() -> view.selectNext(1));
    assertThat(selection.hopProperty().get()).isEqualTo(flow.hops().get(1).hop());
  }

  @Test
  void unknownIdShowsNoEvidenceForItInTheWindow() {
    String id = "ord-does-not-exist-4711";
    showView();
    Label title = FxHarness.onFx(() -> (Label) root.lookup("#flow-empty-title"));
    assertThat(FxHarness.onFx(() -> title.getText()))
        .isEqualTo("Search a message ID, ERP number or trace ID");
    shoot("flow-idle");
    search(id);
    FxHarness.waitUntil(
        "no evidence", () -> vm.stateProperty().get() == FlowViewModel.State.NO_EVIDENCE);
    assertThat(FxHarness.onFx(() -> title.getText()))
        .isEqualTo("No evidence for " + id + " in " + FlowEmptyState.window(recorded));
    assertThat(FxHarness.onFx(() -> root.lookup("#flow-empty").isVisible())).isTrue();
    shoot("flow-no-evidence");
  }

  private static boolean mentions(FlowEvent e, String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return Stream.concat(
            Stream.of(e.message(), e.level(), e.hop(), e.service(), e.traceId()), e.ids().stream())
        .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(t));
  }

  @Test
  void chattyMessageLoadsAndDrawsEveryEvent() {
    open(manifest.chattyId());
    Flow flow = FxHarness.onFx(() -> vm.flowProperty().get());
    int events = eventCount(flow);
    assertThat(events).isGreaterThanOrEqualTo(100_000);
    assertThat(FxHarness.onFx(() -> view.events().table().getItems().size())).isEqualTo(events);
    shoot("flow-chatty");
    // zoomed in far enough for single marks: still drawn from the same lane arrays
    FxHarness.runFx(() -> view.timeline().zoom(60, 4000));
    FxHarness.waitUntil("zoomed to under 50 ms", () -> view.timeline().viewport().spanMs() < 50);
    shoot("flow-chatty-zoomed");
  }

  @Test
  void chattyMessageShowsItsFirstAnswerWhileTheRestIsRead() {
    CountDownLatch looked = new CountDownLatch(1);
    showView(
        (q, w, asOf, c, early) ->
            engine.flow(
                UiSandbox.ordersPath(),
                q,
                w,
                asOf,
                true,
                c,
                first -> {
                  early.accept(first);
                  // the engine reads on once the test has looked at the first answer
                  try {
                    if (!looked.await(120, TimeUnit.SECONDS)) {
                      throw new IllegalStateException("the test never looked at the answer");
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                  }
                }));
    search(manifest.chattyId());
    FxHarness.waitUntil(
        "the first answer is drawn",
        Duration.ofSeconds(120),
        () -> vm.shownProperty().get() != null && view.drawnProperty().get());
    Flow first = FxHarness.onFx(() -> vm.shownProperty().get());
    assertThat(FxHarness.onFx(() -> vm.stateProperty().get()))
        .isEqualTo(FlowViewModel.State.SEARCHING);
    assertThat(FxHarness.onFx(() -> vm.flowProperty().get())).isNull();
    assertThat(first.verdict()).isEqualTo(HopVerdict.UNKNOWN);
    assertThat(first.notices())
        .filteredOn(n -> n instanceof Notice.StillReading)
        .extracting(Notice::text)
        .containsExactly(
            "fulfilment-service: 1,000 of 100,002 events in logs-fulfilment-* read so far; no"
                + " verdict until all are read");
    assertThat(FxHarness.onFx(() -> view.events().table().getItems().size()))
        .isEqualTo(eventCount(first));
    assertThat(FxHarness.onFx(() -> view.lookup("#flow-empty").isVisible())).isFalse();
    assertThat(FxHarness.onFx(() -> headline.line()))
        .startsWith(
            "UNKNOWN - still reading fulfilment-service: 1,000 of 100,002 events so far - no"
                + " verdict until all are read");
    String facts = "#" + PathDiagram.nodeId("fulfilment-service") + "-facts";
    assertThat(FxHarness.onFx(() -> ((Label) root.lookup(facts)).getText()))
        .isEqualTo("1,000 events so far, 99,002 more to read");
    shoot("flow-chatty-first-answer");
    looked.countDown();
    FxHarness.waitUntil(
        "the whole answer is drawn",
        Duration.ofSeconds(120),
        () -> vm.stateProperty().get() == FlowViewModel.State.DONE && view.drawnProperty().get());
    Flow whole = FxHarness.onFx(() -> vm.flowProperty().get());
    assertThat(FxHarness.onFx(() -> vm.shownProperty().get())).isSameAs(whole);
    assertThat(whole.notices()).noneMatch(n -> n instanceof Notice.StillReading);
    assertThat(eventCount(whole)).isGreaterThanOrEqualTo(100_000);
  }

  private void shoot(String name) {
    WaitForAsyncUtils.waitForFxEvents(3);
    FxHarness.snapshot(root, Path.of("target/screenshots/" + name + "-dark.png"));
    FxHarness.runFx(
        () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    WaitForAsyncUtils.waitForFxEvents(5);
    FxHarness.snapshot(root, Path.of("target/screenshots/" + name + "-light.png"));
    FxHarness.runFx(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    WaitForAsyncUtils.waitForFxEvents(3);
  }
}
