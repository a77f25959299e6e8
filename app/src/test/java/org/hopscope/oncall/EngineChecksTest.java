package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ResolvedConnection;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.playbook.PlaybookReader;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.Test;

/** Every check of a playbook through the engine, on a connection without Prometheus (no I/O). */
class EngineChecksTest {

  private static final String TEXT =
      """
      ---
      id: tiny
      title: Tiny
      ---
      ## Look first {#look}
      Nothing to check here.

      ## Rate {#rate}
      ```check
      promql: sum(rate(http_requests_total{service="${hop}"}[5m]))
      pass_when: <= 2.5
      severity: info
      expected: quiet
      meaning: noisy
      ```
      """;

  @Test
  void everyStepInFileOrderAndAMissingBackendIsTheBackendsFault() {
    Playbook playbook = new PlaybookReader().parse(TEXT, "tiny.md");
    ResolvedConnection connection =
        new ResolvedConnection(
            new ConnectionProfile(
                "none", Endpoint.of(URI.create("http://127.0.0.1:9")), null, null),
            List.of());
    List<String> seen = new ArrayList<>();
    Map<Step, CheckEvaluation> done;
    try (Engine engine = Engine.open(connection)) {
      done =
          engine.checks(
              null,
              playbook,
              Map.of("hop", "billing"),
              Instant.parse("2026-12-06T03:00:00Z"),
              (step, e) -> seen.add(step.id() + " " + e.result().outcome()),
              Cancellation.none());
    }

    assertThat(done.keySet()).containsExactlyElementsOf(playbook.steps());
    assertThat(done.get(playbook.steps().get(0))).isNull();
    CheckEvaluation rate = done.get(playbook.steps().get(1));
    assertThat(rate.failure()).isEqualTo(CheckEvaluation.Failure.BACKEND);
    assertThat(rate.result().outcome()).isEqualTo(CheckResult.Outcome.ERROR);
    assertThat(rate.result().query())
        .isEqualTo("sum(rate(http_requests_total{service=\"billing\"}[5m]))");
    assertThat(rate.result().detail()).contains("no Prometheus is configured");
    assertThat(seen).containsExactly("rate ERROR");
  }
}
