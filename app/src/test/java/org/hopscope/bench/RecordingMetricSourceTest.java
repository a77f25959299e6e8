package org.hopscope.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hopscope.model.MetricSeries;
import org.hopscope.source.Cancellation;
import org.hopscope.source.MetricSource;
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
    Backend backend = new Backend();
    RecordingMetricSource recording = new RecordingMetricSource(backend);
    recording.queryRanges(List.of("a", "b", "c"), FROM, TO, STEP, Cancellation.none());
    recording.queryRange("d", FROM, TO, STEP, Cancellation.none());
    List<RecordingMetricSource.Range> asked = recording.takeRanges();
    assertThat(asked)
        .containsExactly(
            new RecordingMetricSource.Range(List.of("a", "b", "c"), FROM, TO, STEP),
            new RecordingMetricSource.Range(List.of("d"), FROM, TO, STEP));
    assertThat(recording.takeRanges()).isEmpty();

    backend.requests.clear();
    assertThat(recording.allAtOnce(asked, pool, Cancellation.none())).isPositive();
    assertThat(backend.requests()).containsExactlyInAnyOrder(List.of("a", "b", "c"), List.of("d"));

    backend.requests.clear();
    assertThat(recording.slowestAlone(asked, Cancellation.none())).isPositive();
    assertThat(backend.requests())
        .containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("d"));
    // the replays are the bench's own: not recorded as the engine's
    assertThat(recording.takeRanges()).isEmpty();
  }

  @Test
  void aFailingRequestInTheReplayEndsItWithTheBackendsOwnError() {
    RecordingMetricSource recording = new RecordingMetricSource(new Backend());
    List<RecordingMetricSource.Range> asked =
        List.of(
            new RecordingMetricSource.Range(List.of("a"), FROM, TO, STEP),
            new RecordingMetricSource.Range(List.of("boom", "b"), FROM, TO, STEP));
    assertThatThrownBy(() -> recording.allAtOnce(asked, pool, Cancellation.none()))
        .isInstanceOf(SourceException.class)
        .hasMessage("rejected [boom, b]");
  }

  /** Answers one empty series per query; a request naming {@code boom} fails. */
  private static final class Backend implements MetricSource {

    final List<List<String>> requests = new ArrayList<>();

    synchronized List<List<String>> requests() {
      return List.copyOf(requests);
    }

    @Override
    public boolean combinesQueries() {
      return true;
    }

    @Override
    public List<List<MetricSeries>> queryRanges(
        List<String> promqls, Instant from, Instant to, Duration step, Cancellation cancel) {
      synchronized (this) {
        requests.add(List.copyOf(promqls));
      }
      if (promqls.contains("boom")) {
        throw new SourceException(
            "Prometheus", SourceException.Kind.REJECTED, "rejected " + promqls, null);
      }
      return promqls.stream().map(q -> series()).toList();
    }

    @Override
    public List<MetricSeries> queryRange(
        String promql, Instant from, Instant to, Duration step, Cancellation cancel) {
      return queryRanges(List.of(promql), from, to, step, cancel).get(0);
    }

    private static List<MetricSeries> series() {
      return List.of(new MetricSeries(Map.of(), List.of()));
    }

    @Override
    public List<MetricSeries> query(String promql, Instant time, Cancellation cancel) {
      throw new UnsupportedOperationException("not asked by bench flow");
    }

    @Override
    public List<Map<String, String>> series(
        List<String> matchers, Instant from, Instant to, Cancellation cancel) {
      throw new UnsupportedOperationException("not asked by bench flow");
    }

    @Override
    public List<Exemplars> exemplars(String promql, Instant from, Instant to, Cancellation cancel) {
      throw new UnsupportedOperationException("not asked by bench flow");
    }

    @Override
    public void close() {}
  }
}
