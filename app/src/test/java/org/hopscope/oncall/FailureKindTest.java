package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.hopscope.config.ConfigException;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.report.MaskingException;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.hopscope.store.StoreException;
import org.junit.jupiter.api.Test;

class FailureKindTest {

  @Test
  void badInputIsUsage() {
    assertThat(FailureKind.of(new IllegalArgumentException("--from"))).isEqualTo(FailureKind.USAGE);
    assertThat(FailureKind.of(new ConfigException("--path", "no valid path")))
        .isEqualTo(FailureKind.USAGE);
    assertThat(FailureKind.of(new MaskingException("bad rule"))).isEqualTo(FailureKind.USAGE);
  }

  @Test
  void backendLocalAndCancelled() {
    assertThat(
            FailureKind.of(
                new SourceException(
                    "Elasticsearch",
                    SourceException.Kind.UNREACHABLE,
                    "Elasticsearch is down",
                    null)))
        .isEqualTo(FailureKind.BACKEND);
    assertThat(FailureKind.of(new StoreException("locked"))).isEqualTo(FailureKind.LOCAL);
    assertThat(FailureKind.of(new UncheckedIOException(new IOException("disk full"))))
        .isEqualTo(FailureKind.LOCAL);
    assertThat(FailureKind.of(new Cancellation.CancelledException()))
        .isEqualTo(FailureKind.CANCELLED);
  }

  @Test
  void aBugIsNoneOfThem() {
    assertThat(FailureKind.of(new NullPointerException())).isNull();
    assertThat(FailureKind.of(new IllegalStateException("ended"))).isNull();
  }

  @Test
  void theMessageSaysCancelledOrTheFailuresOwn() {
    assertThat(FailureKind.CANCELLED.message(new Cancellation.CancelledException()))
        .isEqualTo("cancelled");
    assertThat(
            FailureKind.BACKEND.message(
                new SourceException(
                    "Elasticsearch",
                    SourceException.Kind.UNREACHABLE,
                    "Elasticsearch is down",
                    null)))
        .isEqualTo("Elasticsearch is down");
  }

  @Test
  void aPlaybookRunFailsWithItsWorstCheck() {
    CheckEvaluation pass = evaluation(CheckEvaluation.Failure.NONE);
    CheckEvaluation input = evaluation(CheckEvaluation.Failure.INPUT);
    CheckEvaluation backend = evaluation(CheckEvaluation.Failure.BACKEND);
    assertThat(FailureKind.ofChecks(Arrays.asList(pass, null, pass))).isNull();
    assertThat(FailureKind.ofChecks(Arrays.asList(pass, input))).isEqualTo(FailureKind.USAGE);
    assertThat(FailureKind.ofChecks(List.of(input, backend, pass))).isEqualTo(FailureKind.BACKEND);
  }

  private static CheckEvaluation evaluation(CheckEvaluation.Failure failure) {
    CheckResult.Outcome outcome =
        failure == CheckEvaluation.Failure.NONE
            ? CheckResult.Outcome.PASS
            : CheckResult.Outcome.ERROR;
    return new CheckEvaluation(
        new CheckResult(
            "s", "up", 1.0, Check.Comparison.LT, 2, outcome, "", java.time.Instant.EPOCH),
        failure);
  }
}
