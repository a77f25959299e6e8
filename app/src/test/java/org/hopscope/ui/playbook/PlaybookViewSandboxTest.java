package org.hopscope.ui.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookLink;
import org.hopscope.model.playbook.Step;
import org.hopscope.oncall.Engine;
import org.hopscope.oncall.IncidentEntries;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.UiSandbox;
import org.hopscope.ui.playbook.PlaybookViewModel.StepState;
import org.hopscope.ui.task.FxTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The consumer-lag walk-through in a real window against the test sandbox, at its "now". */
@ExtendWith(SandboxExtension.class)
class PlaybookViewSandboxTest {

  @Test
  void walksConsumerLagFromPickToEnd(TestSandbox sandbox) throws Exception {
    Manifest manifest = Manifest.read(sandbox.manifest());
    Instant now = Instant.parse(manifest.now());
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    PathDef orders = UiSandbox.ordersPath();
    PlaybookCatalog catalog =
        PlaybookCatalog.readDirectory(UiSandbox.queriesDir().resolveSibling("playbooks"));
    assertThat(catalog.problems()).isEmpty();
    List<String> recorded = Collections.synchronizedList(new ArrayList<>());
    StepRecorder recorder =
        new StepRecorder() {
          @Override
          public void checked(Playbook p, CheckResult r) {
            recorded.add("checked " + r.stepId() + " " + r.outcome());
          }

          @Override
          public void ticked(Playbook p, Step s, String user, Instant at) {
            recorded.add("ticked " + s.id() + " " + user + " " + at);
          }

          @Override
          public void chose(Playbook p, Step s, String label) {
            recorded.add("chose " + s.id() + " " + label);
          }
        };
    List<String> closed = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Engine engine = UiSandbox.engine(sandbox)) {
      CheckRunner checks =
          (step, vars, asOf, c) -> engine.check(orders, step, vars, asOf, c).result();
      PlaybookViewModel vm =
          new PlaybookViewModel(catalog, checks, recorder, new FxTaskRunner(pool), clock, "alice");
      PlaybookView view =
          FxHarness.show(
              () -> {
                vm.context("orders", "fulfilment-service", null);
                PlaybookView v = new PlaybookView(vm);
                v.noteEditorFactoryProperty()
                    .set(key -> new NoteStub(key.playbookId() + "/" + key.stepId(), closed));
                return v;
              },
              1400,
              900);

      FxHarness.runFx(
          () -> {
            @SuppressWarnings("unchecked")
            ListView<PlaybookViewModel.PickerItem> picker =
                (ListView<PlaybookViewModel.PickerItem>) view.lookup("#playbook-picker");
            assertThat(picker.getItems().get(0).playbook().id()).isEqualTo("consumer-lag");
            assertThat(picker.getItems().get(0).suggested()).isTrue();
            picker.getSelectionModel().select(0);
            assertThat(((TextField) view.lookup("#playbook-var-hop")).getText())
                .isEqualTo("fulfilment-service");
            assertThat(((TextField) view.lookup("#playbook-var-window")).getText())
                .isEqualTo("30m");
            assertThat(((TextField) view.lookup("#playbook-var-path")).getText())
                .isEqualTo("orders");
            ((Button) view.lookup("#playbook-start")).fire();
            assertThat(vm.currentStepProperty().get().id()).isEqualTo("lag-growing");
            assertThat(text(view, "#playbook-check-query"))
                .isEqualTo(
                    "sum(delta(kafka_consumergroup_lag{group=\"fulfilment-service\","
                        + "topic=\"orders.v1\"}[30m]))");
          });
      FxHarness.snapshot(view, Path.of("target/screenshots/playbook-start-dark.png"));

      runCheck(view, "lag-growing", CheckResult.Outcome.FAIL);
      assertThat(FxHarness.onFx(() -> text(view, "#playbook-result"))).startsWith("FAIL: ");
      FxHarness.runFx(
          () -> {
            assertThat(view.lookup("#playbook-result").getStyleClass()).contains("pb-fail");
            assertThat(text(view, "#playbook-meaning"))
                .isEqualTo(
                    "the consumer falls further behind; find out whether it is down or slowed by"
                        + " its downstream");
            ((Button) view.lookup("#playbook-tick")).fire();
            assertThat(text(view, "#playbook-tick-text"))
                .isEqualTo(
                    String.format(
                        "done by alice at %02d:%02d:%02d UTC",
                        now.atOffset(ZoneOffset.UTC).getHour(),
                        now.atOffset(ZoneOffset.UTC).getMinute(),
                        now.atOffset(ZoneOffset.UTC).getSecond()));
          });
      FxHarness.snapshot(view, Path.of("target/screenshots/playbook-fail-dark.png"));
      FxHarness.runFx(() -> ((Button) view.lookup("#playbook-next")).fire());
      // the fail branch leads to consumer-alive
      assertThat(FxHarness.onFx(() -> vm.currentStepProperty().get().id()))
          .isEqualTo("consumer-alive");
      FxHarness.runFx(
          () -> {
            javafx.scene.layout.StackPane slot =
                (javafx.scene.layout.StackPane) view.lookup("#playbook-note");
            assertThat(((Label) slot.getChildren().get(0)).getText())
                .isEqualTo("consumer-lag/consumer-alive");
            assertThat(closed).containsExactly("consumer-lag/lag-growing");
          });
      runCheck(view, "consumer-alive", CheckResult.Outcome.PASS);
      FxHarness.runFx(
          () -> {
            assertThat(view.lookup("#playbook-result").getStyleClass()).contains("pb-pass");
            ((Button) view.lookup("#playbook-next")).fire();
          });
      assertThat(FxHarness.onFx(() -> vm.currentStepProperty().get().id())).isEqualTo("retries");
      runCheck(view, "retries", CheckResult.Outcome.FAIL);
      FxHarness.runFx(() -> ((Button) view.lookup("#playbook-next")).fire());
      assertThat(FxHarness.onFx(() -> vm.currentStepProperty().get().id()))
          .isEqualTo("timeouts-logged");
      runCheck(view, "timeouts-logged", CheckResult.Outcome.FAIL);
      FxHarness.runFx(() -> ((Button) view.lookup("#playbook-next")).fire());
      runCheck(view, "parked", CheckResult.Outcome.FAIL);
      FxHarness.runFx(() -> ((Button) view.lookup("#playbook-next")).fire());
      FxHarness.runFx(
          () -> {
            assertThat(vm.currentStepProperty().get().id()).isEqualTo("escalate");
            assertThat(view.lookup("#playbook-check").isVisible()).isFalse();
            assertThat(((Button) view.lookup("#playbook-choice-0")).getText())
                .isEqualTo("lag came back down after a restart");
            assertThat(((Button) view.lookup("#playbook-choice-1")).getText())
                .isEqualTo("still growing, check again");
            ((Button) view.lookup("#playbook-tick")).fire();
          });
      FxHarness.snapshot(view, Path.of("target/screenshots/playbook-escalate-dark.png"));
      FxHarness.runFx(
          () -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
          });
      FxHarness.snapshot(view, Path.of("target/screenshots/playbook-escalate-light.png"));
      FxHarness.runFx(() -> ((Button) view.lookup("#playbook-choice-0")).fire());
      FxHarness.waitUntil("the choice is recorded", () -> recorded.size() == 8);
      FxHarness.runFx(
          () -> {
            assertThat(vm.endedProperty().get()).isTrue();
            assertThat(vm.steps().stream().map(PlaybookViewModel.StepRow::state).toList())
                .containsExactly(
                    StepState.FAILED,
                    StepState.PASSED,
                    StepState.FAILED,
                    StepState.FAILED,
                    StepState.FAILED,
                    StepState.DONE);
            assertThat(text(view, "#playbook-progress"))
                .isEqualTo("6 of 6 steps done · walk-through ended");
          });
      FxHarness.snapshot(view, Path.of("target/screenshots/playbook-ended-light.png"));
      FxHarness.runFx(
          () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
      assertThat(recorded)
          .containsExactly(
              "checked lag-growing FAIL",
              "ticked lag-growing alice " + now,
              "checked consumer-alive PASS",
              "checked retries FAIL",
              "checked timeouts-logged FAIL",
              "checked parked FAIL",
              "ticked escalate alice " + now,
              "chose escalate lag came back down after a restart");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCheckSelectingNothingFromAnAlertLinkIsGreyNoDataAsOfTheLinksEnd(TestSandbox sandbox)
      throws Exception {
    Manifest manifest = Manifest.read(sandbox.manifest());
    Instant now = Instant.parse(manifest.now());
    Instant from = Instant.parse(manifest.incidentStart());
    Instant to = from.plusSeconds(2400); // 40 min, ending before the sandbox's now
    assertThat(to).isBefore(now);
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    PathDef orders = UiSandbox.ordersPath();
    PlaybookCatalog catalog =
        PlaybookCatalog.readDirectory(UiSandbox.queriesDir().resolveSibling("playbooks"));
    List<String> recorded = Collections.synchronizedList(new ArrayList<>());
    StepRecorder recorder =
        new StepRecorder() {
          @Override
          public void checked(Playbook p, CheckResult r) {
            recorded.add("checked " + r.stepId() + " " + r.outcome() + " as of " + r.asOf());
          }

          @Override
          public void ticked(Playbook p, Step s, String user, Instant at) {}

          @Override
          public void chose(Playbook p, Step s, String label) {
            recorded.add("chose " + s.id() + " " + label);
          }
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Engine engine = UiSandbox.engine(sandbox)) {
      CheckRunner checks =
          (step, vars, asOf, c) -> engine.check(orders, step, vars, asOf, c).result();
      PlaybookViewModel vm =
          new PlaybookViewModel(catalog, checks, recorder, new FxTaskRunner(pool), clock, "alice");
      PlaybookView view =
          FxHarness.show(
              () -> {
                vm.context("orders", "api-gateway", null);
                return new PlaybookView(vm);
              },
              1400,
              900);
      FxHarness.runFx(
          () -> {
            assertThat(
                    vm.open(
                        PlaybookLink.parse(
                            "hopscope://playbook/consumer-lag?hop=fulfilment-svc"
                                + "&message_id=ord-00a1b2c3&from="
                                + from
                                + "&to="
                                + to)))
                .isTrue();
            assertThat(((TextField) view.lookup("#playbook-var-hop")).getText())
                .isEqualTo("fulfilment-svc");
            assertThat(((TextField) view.lookup("#playbook-var-message_id")).getText())
                .isEqualTo("ord-00a1b2c3");
            assertThat(((TextField) view.lookup("#playbook-var-window")).getText())
                .isEqualTo("40m");
            assertThat(text(view, "#playbook-var-note-message_id"))
                .isEqualTo("from the alert link");
            assertThat(text(view, "#playbook-var-note-path")).isEqualTo("from the search bar");
            assertThat(text(view, "#playbook-as-of"))
                .isEqualTo(
                    "Runs as of the end of the alert link's window, "
                        + IncidentEntries.windowText(new TimeWindow(from, to)));
          });
      String query =
          "sum(delta(kafka_consumergroup_lag{group=\"fulfilment-svc\",topic=\"orders.v1\"}[40m]))";
      runCheck(view, "lag-growing", CheckResult.Outcome.NO_DATA);
      FxHarness.runFx(
          () -> {
            assertThat(text(view, "#playbook-result"))
                .isEqualTo(
                    "NO DATA: no series for the query · as of " + IncidentEntries.asOfText(to));
            assertThat(text(view, "#playbook-check-query")).isEqualTo(query);
            assertThat(view.lookup("#playbook-result").getStyleClass())
                .contains("pb-no-data")
                .doesNotContain("pb-pass", "pb-fail");
            assertThat(view.lookup("#playbook-meaning").isVisible()).isFalse();
            assertThat(view.lookup("#playbook-undecided").isVisible()).isTrue();
            assertThat(text(view, "#playbook-undecided-text"))
                .isEqualTo(
                    "Not decided: the query found no data, so this step neither passed nor failed."
                        + " Choose how to go on.");
            assertThat(((Button) view.lookup("#playbook-undecided-pass")).getText())
                .isEqualTo("As if it passed: end the walk-through");
            assertThat(((Button) view.lookup("#playbook-undecided-fail")).getText())
                .isEqualTo("As if it failed: Is the consumer processing at all?");
            assertThat(view.lookup("#playbook-next").isDisabled()).isTrue();
          });
      FxHarness.snapshot(view, Path.of("target/screenshots/playbook-no-data-dark.png"));
      FxHarness.runFx(
          () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
      FxHarness.snapshot(view, Path.of("target/screenshots/playbook-no-data-light.png"));
      FxHarness.runFx(
          () -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            ((Button) view.lookup("#playbook-undecided-fail")).fire();
          });
      FxHarness.waitUntil("the choice is recorded", () -> recorded.size() == 2);
      FxHarness.runFx(
          () -> {
            assertThat(vm.currentStepProperty().get().id()).isEqualTo("consumer-alive");
            assertThat(vm.steps().get(0).state()).isEqualTo(StepState.NO_DATA);
            assertThat(vm.endedProperty().get()).isFalse();
          });
      assertThat(recorded)
          .containsExactly(
              "checked lag-growing NO_DATA as of " + to,
              "chose lag-growing go on as if the check failed (NO DATA)");
    } finally {
      pool.shutdownNow();
    }
  }

  private static void runCheck(PlaybookView view, String stepId, CheckResult.Outcome expected) {
    FxHarness.runFx(() -> ((Button) view.lookup("#playbook-run-check")).fire());
    FxHarness.waitUntil(
        "the check of " + stepId + " has a result",
        () -> !((Label) view.lookup("#playbook-result")).getText().isEmpty());
    assertThat(FxHarness.onFx(() -> text(view, "#playbook-result")))
        .startsWith(expected.label() + ": ");
  }

  /** A note editor stand-in that says which step it is for and records being closed. */
  private static final class NoteStub extends Label implements AutoCloseable {
    private final List<String> closed;

    NoteStub(String key, List<String> closed) {
      super(key);
      this.closed = closed;
    }

    @Override
    public void close() {
      closed.add(getText());
    }
  }

  private static String text(Node root, String id) {
    return ((Label) root.lookup(id)).getText();
  }
}
