package org.hopscope.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hopscope.correlate.CombiningMetrics;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code bench flow} records of the panel requests and how it replays them (ADR 0055). */
class RecordingMetricSourceTest {

  private static final Instant FROM = Instant.parse("2026-12-07T01:00:00Z");
  private static final Instant TO = FROM.plusSeconds(1200);
  private static final Duration STEP = Duration.ofSeconds(15);

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void recordsRequestsAsAskedAndReplaysThemAsAskedOrEachQueryAlone() {
    CombiningMetrics backend = new CombiningMetrics();
    RecordingMetricSource recording = new RecordingMetricSource(backend);
    recording.queryRanges(List.of("a", "b", "c"), FROM, TO, STEP, Cancellation.none());
    recording.queryRange("d", FROM, TO, STEP, Cancellation.none());
    List<RecordingMetricSource.Range> asked = recording.takeRanges();
    assertThat(asked)
        .containsExactly(
            new RecordingMetricSource.Range(List.of("a", "b", "c"), FROM, TO, STEP),
            new RecordingMetricSource.Range(List.of("d"), FROM, TO, STEP));
    assertThat(recording.takeRanges()).isEmpty();

    assertThat(recording.allAtOnce(asked, pool, Cancellation.none())).isPositive();
    assertThat(backend.requests().subList(2, 4))
        .containsExactlyInAnyOrder(List.of("a", "b", "c"), List.of("d"));

    assertThat(recording.slowestAlone(asked, Cancellation.none())).isPositive();
    assertThat(backend.requests().subList(4, 8))
        .containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("d"));
    // the replays are the bench's own: not recorded as the engine's
    assertThat(recording.takeRanges()).isEmpty();
  }

  @Test
  void aFailingRequestInTheReplayEndsItWithTheBackendsOwnError() {
    RecordingMetricSource recording = new RecordingMetricSource(new CombiningMetrics());
    List<RecordingMetricSource.Range> asked =
        List.of(
            new RecordingMetricSource.Range(List.of("a"), FROM, TO, STEP),
            new RecordingMetricSource.Range(List.of("boom", "b"), FROM, TO, STEP));
    assertThatThrownBy(() -> recording.allAtOnce(asked, pool, Cancellation.none()))
        .isInstanceOf(SourceException.class)
        .hasMessage("combined request rejected");
  }
}
