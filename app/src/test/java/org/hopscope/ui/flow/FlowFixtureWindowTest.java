package org.hopscope.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.shell.LazyView;
import org.hopscope.ui.shell.MainScreen;
import org.hopscope.ui.shell.ShellModel;
import org.hopscope.ui.shell.UiPreferences;
import org.hopscope.ui.shell.WindowChoice;
import org.hopscope.ui.shell.WindowPreset;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main screen at 1440x900 on hand-made flows ({@link FlowFixtures}): banner, path diagram, hop
 * cards, edges, events, parts and batch tabs, and the empty result's offers; screenshots of each in
 * both themes under {@code target/screenshots/fixture-*}. Runs under xvfb-run, no backend.
 */
class FlowFixtureWindowTest {

  @TempDir Path dir;
  private final List<String> searched = new ArrayList<>();
  private ShellModel shell;
  private MainScreen root;
  private FlowView view;

  private Flow answer(String id, TimeWindow w) {
    searched.add(id + " " + w);
    if (id.equals(FlowFixtures.BATCH)) {
      return FlowFixtures.batch();
    }
    if (id.startsWith("ord-")) {
      return FlowFixtures.journey();
    }
    return new Flow(
        "orders-split",
        id,
        List.of(id),
        HopVerdict.NO_EVIDENCE,
        null,
        List.of(),
        List.of(),
        List.of());
  }

  private void showWindow() {
    root =
        FxHarness.show(
            () -> {
              FlowViewModel flow =
                  new FlowViewModel(
                      (id, w, asOf, c) -> answer(id, w),
                      new SynchronousTaskRunner(),
                      Clock.fixed(FlowFixtures.WINDOW.to(), ZoneOffset.UTC));
              shell =
                  new ShellModel(
                      flow,
                      new ShellModel.StuckAnalysis() {
                        @Override
                        public void analyse(TimeWindow window) {}

                        @Override
                        public void cancel() {}
                      },
                      UiPreferences.load(dir.resolve("ui.properties")),
                      Clock.fixed(FlowFixtures.WINDOW.to(), ZoneOffset.UTC));
              FlowSelection selection = new FlowSelection();
              view = new FlowView(flow, selection);
              PathDiagram diagram = new PathDiagram(flow.flowProperty(), selection);
              return new MainScreen(
                  shell,
                  new MainScreen.Slots(
                      diagram,
                      new LazyView<>(() -> view),
                      new LazyView<>(Label::new),
                      new LazyView<>(Label::new),
                      new LazyView<>(Label::new),
                      new LazyView<>(Label::new),
                      new Label("status"),
                      new Label("profile"),
                      diagram::selectNext),
                  ZoneOffset.UTC);
            },
            1440,
            900);
  }

  private void search(String id, WindowChoice window) {
    FxHarness.runFx(
        () -> {
          shell.windowProperty().set(window);
          shell.flow().queryProperty().set(id);
          shell.search();
        });
  }

  private String text(String selector) {
    return FxHarness.onFx(() -> ((Label) root.lookup(selector)).getText());
  }

  @Test
  void aJourneyWithSkewARetryAnUnreadableHopPartsAndABatchSaysAllOfIt() {
    showWindow();
    search("ord-4711", new WindowChoice(WindowPreset.CUSTOM, FlowFixtures.WINDOW));
    FxHarness.waitUntil("the journey is drawn", () -> view.drawnProperty().get());

    // the banner: every line of the summary, the first three shown, the rest folded
    List<FlowSummary.Line> summary = FlowSummary.of(FlowFixtures.journey());
    for (int i = 0; i < 3; i++) {
      assertThat(text("#banner-line-" + i)).isEqualTo(summary.get(i).text());
    }
    assertThat(FxHarness.onFx(() -> root.lookup("#banner-line-3"))).isNull();
    Hyperlink more = FxHarness.onFx(() -> (Hyperlink) root.lookup("#banner-more"));
    assertThat(FxHarness.onFx(more::getText)).isEqualTo("3 more");

    // skew on the edges and the card, corrected times in the table
    assertThat(text("#edge-order-service-skew")).isEqualTo("clock skew\n~4.0 s\ncorrected");
    assertThat(text("#edge-payment-service-latency")).isEqualTo("1.1 s");
    assertThat(text("#hop-payment-service-skew")).isEqualTo("clock +4.0 s corrected");
    assertThat(text("#hop-payment-service-first")).isEqualTo("02:30:01.900");
    TableView<?> events = view.events().table();
    assertThat(FxHarness.onFx(() -> events.getColumns().get(0).getText())).isEqualTo("Corrected");
    assertThat(FxHarness.onFx(() -> events.getColumns().get(1).isVisible())).isTrue();
    // a recovered retry: OK, with its failure counted
    assertThat(text("#hop-order-service-verdict")).isEqualTo("OK");
    assertThat(text("#hop-order-service-recovered")).isEqualTo("recovered after 1 failure");
    assertThat(text("#hop-order-service-attempts")).isEqualTo("×2 attempts");
    // the unreadable hop: UNKNOWN, named with its pattern
    Node carrier = FxHarness.onFx(() -> root.lookup("#hop-carrier"));
    assertThat(carrier.getStyleClass()).contains("verdict-unknown");
    assertThat(text("#hop-carrier-verdict")).isEqualTo("UNKNOWN");
    assertThat(text("#hop-carrier-blind"))
        .isEqualTo("Unreadable: logs-carrier-* (no index matches)");
    // parts and the batch
    assertThat(text("#hop-settlement-facts")).isEqualTo("2 of 3 parts · 1 event");
    assertThat(text("#hop-settlement-batch")).isEqualTo("in batch B-00061 with 24 other messages");
    TabPane tabs = FxHarness.onFx(() -> (TabPane) root.lookup("#flow-details"));
    assertThat(FxHarness.onFx(() -> tabs.getTabs().stream().map(t -> t.getText()).toList()))
        .containsExactly("Events", "Parts (3 · 3 not OK)", "Batch B-00061 (25)");
    shoot("fixture-journey");

    new FxRobot().clickOn(more);
    FxHarness.waitUntil("all lines shown", () -> root.lookup("#banner-line-5") != null);
    FxHarness.runFx(() -> tabs.getSelectionModel().select(1));
    shoot("fixture-journey-parts");
    FxHarness.runFx(() -> tabs.getSelectionModel().select(2));
    shoot("fixture-journey-batch");

    // "Search batch B-00061": the batch with its members' verdicts; a member's link searches it
    new FxRobot().clickOn("#flow-batch-0-search");
    FxHarness.waitUntil(
        "the batch is shown",
        () -> FlowFixtures.BATCH.equals(shell.flow().flowProperty().get().query()));
    TableView<?> members = FxHarness.onFx(() -> (TableView<?>) root.lookup("#flow-batch-0-table"));
    assertThat(FxHarness.onFx(() -> members.getItems().size())).isEqualTo(25);
    assertThat(FxHarness.onFx(() -> tabs.getSelectionModel().getSelectedItem().getId()))
        .isEqualTo("flow-tab-batch-0");
    shoot("fixture-batch");
    Hyperlink member =
        FxHarness.onFx(
            () ->
                members.lookupAll(".hyperlink").stream()
                    .map(n -> (Hyperlink) n)
                    .filter(h -> h.getText().equals("SHP-903"))
                    .findFirst()
                    .orElseThrow());
    new FxRobot().clickOn(member);
    FxHarness.waitUntil(
        "the member is searched", () -> "SHP-903".equals(shell.flow().queryProperty().get()));
    assertThat(searched).hasSize(3);
    assertThat(searched.get(2)).startsWith("SHP-903 ");
  }

  @Test
  void anEmptyResultOffersLongerWindowsAndChangingTheWindowSearchesAgain() {
    showWindow();
    search("SHP-1", WindowChoice.of(WindowPreset.LAST_HOUR));
    FxHarness.waitUntil(
        "no evidence", () -> shell.flow().stateProperty().get() == FlowViewModel.State.NO_EVIDENCE);
    Button week = FxHarness.onFx(() -> (Button) root.lookup("#flow-search-last-7d"));
    assertThat(FxHarness.onFx(week::getText)).isEqualTo("Search the last 7 days");
    assertThat(FxHarness.onFx(() -> root.lookup("#flow-search-last-24h").isVisible())).isTrue();
    shoot("fixture-no-evidence");
    new FxRobot().clickOn(week);
    FxHarness.waitUntil("searched again", () -> searched.size() == 2);
    Duration length = Duration.ofDays(7);
    assertThat(searched.get(1))
        .isEqualTo("SHP-1 " + TimeWindow.ending(FlowFixtures.WINDOW.to(), length));
    assertThat(shell.windowProperty().get()).isEqualTo(WindowChoice.of(WindowPreset.LAST_7_DAYS));
    // a week found nothing either: only offers longer than a week would show, and there are none
    assertThat(FxHarness.onFx(() -> root.lookup("#flow-empty-offers").isVisible())).isFalse();
    FxHarness.runFx(() -> shell.windowProperty().set(WindowChoice.of(WindowPreset.LAST_6_HOURS)));
    assertThat(searched).hasSize(3);
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
