package org.hopscope.source.prometheus;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.promql.PromQl;
import org.hopscope.model.promql.RangeStep;
import org.hopscope.source.Cancellation;
import org.hopscope.source.MetricSource;

/**
 * {@link MetricSource} over the Prometheus HTTP API ({@code java.net.http} + Jackson), for
 * Prometheus and compatible backends (Thanos, Mimir, VictoriaMetrics) behind a path prefix, with
 * basic/bearer auth, extra headers, a custom CA, mutual TLS and timeouts.
 *
 * <p>Every call is a form-encoded POST, so long queries never hit URL length limits. Errors are
 * {@link org.hopscope.source.SourceException}s: Prometheus' {@code errorType} and {@code error}
 * verbatim plus the PromQL sent ({@code REJECTED}), refused credentials ({@code AUTH}), connection,
 * TLS and timeout failures with the URL ({@code UNREACHABLE}). 429 and 503 answers are retried with
 * doubling backoff, at most {@link PrometheusSettings#retries()} times. Thread-safe.
 */
public final class PrometheusMetricSource implements MetricSource {

  private final PrometheusSettings settings;
  private final PrometheusHttp http;

  /**
   * @throws IllegalArgumentException when a TLS file cannot be read or is not the PEM expected
   */
  public PrometheusMetricSource(PrometheusSettings settings) {
    this.settings = settings;
    this.http = new PrometheusHttp(settings);
  }

  @Override
  public List<MetricSeries> query(String promql, Instant time, Cancellation cancel) {
    List<Map.Entry<String, String>> form = new ArrayList<>();
    form.add(Map.entry("query", promql));
    form.add(Map.entry("time", seconds(time)));
    form.add(Map.entry("timeout", serverTimeout()));
    PrometheusHttp.Answer answer = http.post("/api/v1/query", form, promql, false, cancel);
    return PrometheusResults.series(answer.data(), origin("/api/v1/query", promql));
  }

  @Override
  public List<MetricSeries> queryRange(
      String promql, Instant from, Instant to, Duration step, Cancellation cancel) {
    return queryRangeWithNotes(promql, from, to, step, cancel).series();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The step is raised with {@link RangeStep#fit} when {@code (to - from) / step} would exceed
   * 11,000 points; a note says so.
   */
  @Override
  public RangeResult queryRangeWithNotes(
      String promql, Instant from, Instant to, Duration step, Cancellation cancel) {
    Duration used = RangeStep.fit(from, to, step);
    List<String> notes = new ArrayList<>();
    if (!used.equals(step)) {
      notes.add(
          "step raised from %s to %s so that the %s range stays within %s points per series"
              .formatted(
                  PromQl.duration(step),
                  PromQl.duration(used),
                  PromQl.duration(Duration.between(from, to)),
                  RangeStep.MAX_POINTS));
    }
    PrometheusHttp.Answer answer = range(promql, from, to, used, cancel);
    notes.addAll(answer.warnings());
    return new RangeResult(
        PrometheusResults.series(answer, origin("/api/v1/query_range", promql)), used, notes);
  }

  /** True: {@link #queryRanges} asks its queries in one request ({@link CombinedRanges}). */
  @Override
  public boolean combinesQueries() {
    return true;
  }

  /**
   * {@inheritDoc} One {@code query_range} request for all of them ({@link CombinedRanges}); queries
   * that name its tag label are asked in turn. A failure of the combined request, or an answer that
   * cannot be split, is a {@link org.hopscope.source.SourceException} naming the combined query.
   */
  @Override
  public List<List<MetricSeries>> queryRanges(
      List<String> promqls, Instant from, Instant to, Duration step, Cancellation cancel) {
    if (!CombinedRanges.combinable(promqls)) {
      return MetricSource.super.queryRanges(promqls, from, to, step, cancel);
    }
    String promql = CombinedRanges.expression(promqls);
    Duration used = RangeStep.fit(from, to, step);
    PrometheusHttp.Answer answer = range(promql, from, to, used, cancel);
    PrometheusResults.Origin origin = origin("/api/v1/query_range", promql);
    List<List<MetricSeries>> split =
        CombinedRanges.split(PrometheusResults.series(answer, origin), promqls.size());
    if (split == null) {
      throw origin.wrong(
          "series without a " + CombinedRanges.TAG + " label naming one of the queries",
          "every series tagged with the query it answers");
    }
    return split;
  }

  private PrometheusHttp.Answer range(
      String promql, Instant from, Instant to, Duration step, Cancellation cancel) {
    List<Map.Entry<String, String>> form = new ArrayList<>();
    form.add(Map.entry("query", promql));
    form.add(Map.entry("start", seconds(from)));
    form.add(Map.entry("end", seconds(to)));
    form.add(Map.entry("step", seconds(step)));
    form.add(Map.entry("timeout", serverTimeout()));
    return http.postRange(form, promql, cancel);
  }

  /** {@inheritDoc} {@code from} and {@code to} may be null for the backend's default range. */
  @Override
  public List<Map<String, String>> series(
      List<String> matchers, Instant from, Instant to, Cancellation cancel) {
    if (matchers.isEmpty()) {
      throw new IllegalArgumentException("series needs at least one selector");
    }
    List<Map.Entry<String, String>> form = new ArrayList<>();
    matchers.forEach(m -> form.add(Map.entry("match[]", m)));
    if (from != null) {
      form.add(Map.entry("start", seconds(from)));
    }
    if (to != null) {
      form.add(Map.entry("end", seconds(to)));
    }
    PrometheusHttp.Answer answer =
        http.post("/api/v1/series", form, String.join(", ", matchers), false, cancel);
    return PrometheusResults.labelSets(
        answer.data(), origin("/api/v1/series", String.join(", ", matchers)));
  }

  /**
   * {@inheritDoc} A backend without exemplar support (no such endpoint, or exemplar storage off)
   * gives an empty list, not an error.
   */
  @Override
  public List<Exemplars> exemplars(String promql, Instant from, Instant to, Cancellation cancel) {
    List<Map.Entry<String, String>> form = new ArrayList<>();
    form.add(Map.entry("query", promql));
    form.add(Map.entry("start", seconds(from)));
    form.add(Map.entry("end", seconds(to)));
    PrometheusHttp.Answer answer = http.post("/api/v1/query_exemplars", form, promql, true, cancel);
    return answer == null
        ? List.of()
        : PrometheusResults.exemplars(answer.data(), origin("/api/v1/query_exemplars", promql));
  }

  /**
   * What the server says it is ({@code GET /api/v1/status/buildinfo}): for "test connection".
   *
   * @throws org.hopscope.source.SourceException like the queries (unreachable, refused credentials,
   *     an answer that is not Prometheus API JSON), naming the URL
   */
  public BuildInfo buildInfo(Cancellation cancel) {
    PrometheusHttp.Answer answer = http.get("/api/v1/status/buildinfo", cancel);
    String version = answer.data().path("version").asText("");
    if (version.isBlank()) {
      throw new org.hopscope.source.SourceException(
          PrometheusHttp.SOURCE,
          org.hopscope.source.SourceException.Kind.REJECTED,
          "Prometheus "
              + settings.url()
              + " answered /api/v1/status/buildinfo without a version; is it a Prometheus"
              + " API (check the URL and its path prefix)?",
          null);
    }
    String revision = answer.data().path("revision").asText("");
    return new BuildInfo(version, revision.isBlank() ? null : revision);
  }

  /**
   * A server's build.
   *
   * @param version e.g. {@code 2.53.1}, never blank
   * @param revision the source revision (git commit), or null when not given
   */
  public record BuildInfo(String version, String revision) {}

  /** Nothing to release: the JDK 17 HTTP client frees its resources when unreachable. */
  @Override
  public void close() {}

  private PrometheusResults.Origin origin(String endpoint, String promql) {
    return new PrometheusResults.Origin(settings.url().toString(), endpoint, promql);
  }

  /** Slightly below our own timeout, so Prometheus stops evaluating and says so first. */
  private String serverTimeout() {
    long ms = settings.requestTimeout().toMillis();
    return PromQl.duration(Duration.ofMillis(Math.max(1, ms - Math.min(ms / 10, 1000))));
  }

  private static String seconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli(), 3).toPlainString();
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).toPlainString();
  }
}
