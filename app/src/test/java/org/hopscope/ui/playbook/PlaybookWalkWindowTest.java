package org.hopscope.ui.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.hopscope.model.playbook.PlaybookLink;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.UiSandbox;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The walk-through in a real window over the shipped playbooks, without a backend: "Done" counts at
 * once, and only the playbooks for the hop looked at are marked suggested, saying why.
 */
class PlaybookWalkWindowTest {

  private final FxRobot robot = new FxRobot();

  private static PlaybookViewModel vm() {
    PlaybookCatalog catalog =
        PlaybookCatalog.readDirectory(UiSandbox.queriesDir().resolveSibling("playbooks"));
    return new PlaybookViewModel(
        catalog,
        (step, vars, asOf, c) -> {
          throw new AssertionError("no check runs in this test");
        },
        StepRecorder.none(),
        new SynchronousTaskRunner(),
        Clock.fixed(Instant.parse("2026-11-26T16:35:00Z"), ZoneOffset.UTC),
        "alice");
  }

  private static String text(String id) {
    return FxHarness.onFx(() -> ((Label) FxHarness.stage().getScene().lookup(id)).getText());
  }

  @Test
  void doneCountsTheStepAtOnceNotOnlyAfterNext() {
    PlaybookViewModel vm = vm();
    FxHarness.show(
        () -> {
          vm.open(PlaybookLink.parse("hopscope://playbook/dead-letters?hop=fulfilment-service"));
          return new PlaybookView(vm);
        },
        1400,
        900);
    int total = FxHarness.onFx(() -> vm.totalProperty().get());
    assertThat(text("#playbook-progress")).isEqualTo("0 of " + total + " steps done");
    robot.clickOn("#playbook-tick");
    assertThat(text("#playbook-progress")).isEqualTo("1 of " + total + " steps done");
    robot.clickOn("#playbook-next");
    assertThat(text("#playbook-progress")).isEqualTo("1 of " + total + " steps done");
  }

  @Test
  void onlyThePlaybooksForTheHopAreMarkedSuggestedAndSayWhy() {
    PlaybookViewModel vm = vm();
    FxHarness.show(
        () -> {
          vm.context("orders", "erp-adapter", null);
          return new PlaybookView(vm);
        },
        1400,
        900);
    @SuppressWarnings("unchecked")
    ListView<PlaybookViewModel.PickerItem> picker =
        robot.lookup("#playbook-picker").queryAs(ListView.class);
    assertThat(FxHarness.onFx(() -> picker.getItems().stream().map(i -> i.why()).toList()))
        .containsExactly("applies to erp-adapter", null, null, null, null);
    FxHarness.waitUntil(
        "the picker's cells are drawn", () -> picker.lookup("#playbook-pick-erp-timeouts") != null);
    assertThat(text("#playbook-pick-erp-timeouts"))
        .isEqualTo("erp-timeouts  ·  suggested: applies to erp-adapter");
    assertThat(text("#playbook-pick-consumer-lag")).isEqualTo("consumer-lag");
    assertThat(text("#playbook-pick-dead-letters")).isEqualTo("dead-letters");
  }
}
