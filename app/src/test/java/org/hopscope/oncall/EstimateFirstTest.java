package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.Test;

/** The key scans' wait for the estimate stage. */
class EstimateFirstTest {

  @Test
  void anEndedEstimateHoldsNothingBack() {
    CompletableFuture<String> failed = new CompletableFuture<>();
    failed.completeExceptionally(new IllegalStateException("the sample was refused"));
    // an hour's grace: returning at all shows it did not wait for it
    EstimateFirst.await(failed, Duration.ofHours(1), new Cancellation());
    EstimateFirst.await(
        CompletableFuture.completedFuture("x"), Duration.ofHours(1), new Cancellation());
  }

  @Test
  void anEstimateThatTakesLongerThanTheGraceIsLeftRunning() {
    CompletableFuture<String> never = new CompletableFuture<>();
    EstimateFirst.await(never, Duration.ofMillis(20), new Cancellation());
    assertThat(never).isNotDone();
  }

  @Test
  void anEstimateEndingWhileTheScansWaitReleasesThem() throws InterruptedException {
    CompletableFuture<String> estimate = new CompletableFuture<>();
    Thread scans =
        new Thread(() -> EstimateFirst.await(estimate, Duration.ofHours(1), new Cancellation()));
    scans.start();
    estimate.complete("estimated");
    scans.join(Duration.ofSeconds(30).toMillis());
    assertThat(scans.isAlive()).isFalse();
  }

  @Test
  void cancellingWhileWaitingCancelsTheAnalysis() throws InterruptedException {
    Cancellation cancel = new Cancellation();
    Throwable[] thrown = new Throwable[1];
    Thread scans =
        new Thread(
            () -> {
              try {
                EstimateFirst.await(new CompletableFuture<>(), Duration.ofHours(1), cancel);
              } catch (RuntimeException e) {
                thrown[0] = e;
              }
            });
    scans.start();
    cancel.cancel();
    scans.join(Duration.ofSeconds(30).toMillis());
    assertThat(scans.isAlive()).isFalse();
    assertThat(thrown[0]).isInstanceOf(Cancellation.CancelledException.class);
    assertThatThrownBy(
            () -> EstimateFirst.await(new CompletableFuture<>(), Duration.ofHours(1), cancel))
        .isInstanceOf(Cancellation.CancelledException.class);
  }
}
