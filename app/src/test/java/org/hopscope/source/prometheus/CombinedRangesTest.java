package org.hopscope.source.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hopscope.faults.Fault;
import org.hopscope.model.MetricSeries;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.hopscope.source.prometheus.CannedPrometheus.Canned;
import org.junit.jupiter.api.Test;

/** What a combined panel request sends and how its answer is split (ADR 0046). */
class CombinedRangesTest {

  private static final Instant FROM = Instant.parse("2026-11-26T12:00:00Z");
  private static final Instant TO = FROM.plusSeconds(600);

  private static String matrix(String... series) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
        + String.join(",", series)
        + "]}}";
  }

  private static String series(String labels) {
    return "{\"metric\":{" + labels + "},\"values\":[[1795694400,\"1.5\"]]}";
  }

  @Test
  void sendsOneExpressionAndSplitsTheAnswerByTagInTheAnswersOrder() throws Exception {
    try (CannedPrometheus server =
        new CannedPrometheus(
            Canned.json(
                200,
                matrix(
                    series("\"__hopscope_panel\":\"1\",\"partition\":\"0\""),
                    series("\"__hopscope_panel\":\"1\",\"partition\":\"1\""),
                    series("\"__hopscope_panel\":\"0\""))))) {
      List<List<MetricSeries>> split =
          new PrometheusMetricSource(PrometheusSettings.of(server.url("")))
              .queryRanges(
                  List.of("sum(up) # all", "sum by (partition) (lag{topic=\"a\\\"b\"})", "x"),
                  FROM,
                  TO,
                  Duration.ofSeconds(15),
                  Cancellation.none());
      assertThat(server.received()).hasSize(1);
      String body = URLDecoder.decode(server.received().get(0).body(), StandardCharsets.UTF_8);
      assertThat(body)
          .startsWith(
              "query=label_replace(\nsum(up) # all\n, \"__hopscope_panel\", \"0\", \"\", \".*\")"
                  + " or (label_replace(\nsum by (partition) (lag{topic=\"a\\\"b\"})\n,"
                  + " \"__hopscope_panel\", \"1\", \"\", \".*\") or label_replace(\nx\n,"
                  + " \"__hopscope_panel\", \"2\", \"\", \".*\"))&start=1795694400.000"
                  + "&end=1795695000.000&step=15.000&timeout=");
      MetricSeries.Point point = new MetricSeries.Point(Instant.ofEpochSecond(1795694400), 1.5);
      assertThat(split)
          .containsExactly(
              List.of(new MetricSeries(Map.of(), List.of(point))),
              List.of(
                  new MetricSeries(Map.of("partition", "0"), List.of(point)),
                  new MetricSeries(Map.of("partition", "1"), List.of(point))),
              List.of());
    }
  }

  @Fault(Fault.Area.BACKENDS)
  @Test
  void anAnswerWithASeriesNamingNoQueryIsAWrongShapeNeverAPanelsSeries() throws Exception {
    try (CannedPrometheus server =
        new CannedPrometheus(
            Canned.json(
                200, matrix(series("\"__hopscope_panel\":\"0\""), series("\"job\":\"x\""))))) {
      PrometheusMetricSource prometheus =
          new PrometheusMetricSource(PrometheusSettings.of(server.url("")));
      assertThatThrownBy(
              () ->
                  prometheus.queryRanges(
                      List.of("a", "b"), FROM, TO, Duration.ofSeconds(15), Cancellation.none()))
          .isInstanceOf(SourceException.class)
          .hasMessageContaining(
              "answered /api/v1/query_range with series without a __hopscope_panel label naming"
                  + " one of the queries; expected every series tagged with the query it answers")
          .hasMessageContaining("query sent: label_replace(\na\n");
    }
  }

  @Test
  void queriesNamingTheTagAreAskedOneByOne() throws Exception {
    try (CannedPrometheus server = new CannedPrometheus(Canned.json(200, matrix()))) {
      List<List<MetricSeries>> answers =
          new PrometheusMetricSource(PrometheusSettings.of(server.url("")))
              .queryRanges(
                  List.of("a", "label_replace(b, \"__hopscope_panel\", \"7\", \"\", \".*\")"),
                  FROM,
                  TO,
                  Duration.ofSeconds(15),
                  Cancellation.none());
      assertThat(answers).containsExactly(List.of(), List.of());
      assertThat(server.received())
          .extracting(r -> URLDecoder.decode(r.body(), StandardCharsets.UTF_8))
          .satisfiesExactly(
              a -> assertThat(a).startsWith("query=a&"),
              b -> assertThat(b).startsWith("query=label_replace(b, "));
    }
  }

  @Test
  void fiveQueriesAreJoinedAsABalancedTreeOfOr() {
    String tagged = "label_replace(\n%s\n, \"__hopscope_panel\", \"%d\", \"\", \".*\")";
    String[] t = new String[5];
    for (int i = 0; i < 5; i++) {
      t[i] = tagged.formatted("q" + i, i);
    }
    assertThat(CombinedRanges.expression(List.of("q0", "q1", "q2", "q3", "q4")))
        .isEqualTo(
            "(" + t[0] + " or " + t[1] + ") or (" + t[2] + " or (" + t[3] + " or " + t[4] + "))");
  }
}
