package org.hopscope.ui.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.PlaybookLink;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.UiSandbox;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;

/**
 * The walk-through's look for a check that found no data, without a backend: the shipped
 * consumer-lag playbook opened from a link, its first check answered NO DATA by a stub runner.
 */
class PlaybookViewNoDataTest {

  @Test
  void noDataIsGreyWithTheWaysOn() {
    Instant to = Instant.parse("2026-11-26T16:25:00Z");
    PlaybookCatalog catalog =
        PlaybookCatalog.readDirectory(UiSandbox.queriesDir().resolveSibling("playbooks"));
    CheckRunner noData =
        (step, vars, asOf, c) ->
            new CheckResult(
                step.id(),
                "sum(x)",
                null,
                step.check().comparison(),
                step.check().threshold(),
                CheckResult.Outcome.NO_DATA,
                "no series for sum(x)",
                asOf);
    PlaybookViewModel vm =
        new PlaybookViewModel(
            catalog,
            noData,
            StepRecorder.none(),
            new SynchronousTaskRunner(),
            Clock.fixed(to.plusSeconds(600), ZoneOffset.UTC),
            "alice");
    PlaybookView view =
        FxHarness.show(
            () -> {
              vm.context("orders", "api-gateway", null);
              vm.open(
                  PlaybookLink.parse(
                      "hopscope://playbook/consumer-lag?hop=fulfilment-svc&message_id=ord-1"
                          + "&from=2026-11-26T15:35:00Z&to=2026-11-26T16:25:00Z"));
              return new PlaybookView(vm);
            },
            1400,
            900);
    FxHarness.runFx(() -> ((Button) view.lookup("#playbook-run-check")).fire());
    assertThat(FxHarness.onFx(() -> ((Label) view.lookup("#playbook-result")).getText()))
        .isEqualTo("NO DATA: no series for the query · as of 2026-11-26 16:25:00 UTC");
    FxHarness.runFx(
        () -> {
          assertThat(view.lookup("#playbook-result").getStyleClass()).contains("pb-no-data");
          assertThat(view.lookup("#playbook-undecided").isVisible()).isTrue();
          assertThat(view.lookup("#playbook-next").isDisabled()).isTrue();
        });
    FxHarness.snapshot(view, Path.of("target/screenshots/playbook-no-data-stub.png"));
  }
}
