package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.PathDef;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.model.playbook.Step;
import org.hopscope.playbook.CheckEvaluator;
import org.hopscope.playbook.PlaybookReader;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Payment;
import org.hopscope.sandbox.seed.PaymentsGenerator;
import org.hopscope.sandbox.seed.PaymentsManifest;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shipped {@code playbooks/payments-stuck-settlement.md}, every check evaluated with its
 * default variables against the test sandbox at the recording's end: outcomes and values equal what
 * the seed's batches say.
 */
@ExtendWith(SandboxExtension.class)
class PaymentsPlaybookSandboxTest {

  @Test
  void everyCheckCountsWhatTheSeedRecorded(TestSandbox sandbox) {
    PaymentsManifest manifest = PaymentsManifest.read(sandbox.paymentsManifest());
    Instant now = Instant.parse(manifest.now());
    Path home = Path.of(System.getProperty("hopscope.home"));
    PathDef path = PaymentsPath.path();
    Playbook playbook =
        new PlaybookReader(new PathDefinitions().readDirectory(home.resolve("queries")))
            .read(home.resolve("playbooks").resolve("payments-stuck-settlement.md"));
    Map<String, String> variables = PlaybookVariables.bind(playbook, path, Map.of());
    assertThat(variables).containsEntry("window", "1h").containsEntry("path", "payments");

    Map<String, String> actual = new LinkedHashMap<>();
    try (EventSource events = RealSources.events(sandbox)) {
      CheckEvaluator evaluator = new CheckEvaluator(null, events);
      for (Step step : playbook.steps()) {
        if (step.check() != null) {
          CheckResult r =
              evaluator
                  .evaluateDetailed(
                      step.id(), step.check(), variables, path, now, Cancellation.none())
                  .result();
          actual.put(step.id(), r.outcome() + " " + r.value());
        }
      }
    }

    // what the seed recorded in [now - 1h, now): clearing's answers, the batcher's submissions
    long from = now.minus(Duration.ofHours(1)).toEpochMilli();
    long to = now.toEpochMilli();
    int clearingSkew = manifest.hostSkewMillis().get("clearing");
    int batcherSkew = manifest.hostSkewMillis().get("settlement-batcher");
    Map<String, Payment.Batch> batches = new HashMap<>();
    new PaymentsGenerator(sandbox.seed())
        .forEachRemaining(
            p ->
                p.parts().stream()
                    .filter(part -> part.batch() != null)
                    .forEach(part -> batches.put(part.batch().id(), part.batch())));
    long rejected = 0;
    long acknowledged = 0;
    long submitted = 0;
    for (Payment.Batch b : batches.values()) {
      long answered = b.answered() + clearingSkew;
      if (b.answered() >= 0 && answered >= from && answered < to) {
        rejected += b.rejected() ? 1 : 0;
        acknowledged += b.rejected() ? 0 : 1;
      }
      long closed = b.closed() + batcherSkew;
      if (b.closed() >= 0 && closed >= from && closed < to) {
        submitted++;
      }
    }
    assertThat(rejected).isEqualTo(1);
    assertThat(submitted).isGreaterThan(acknowledged + rejected);
    assertThat(actual)
        .containsExactly(
            Map.entry("rejected", "FAIL " + (double) rejected),
            Map.entry("answers", "PASS " + (double) acknowledged),
            Map.entry("submissions", "PASS " + (double) submitted));
  }
}
