package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answers of the wrong shape (HTTP 200, but not what was asked for) from fake Prometheus and
 * Elasticsearch servers, through the real command line: a named, located problem with the usual
 * exit code, never a zero, never {@code For input string: "b"}.
 */
@Fault(Fault.Area.ANSWERS)
class WrongShapeAnswersTest {

  private static final String ADVICE = ". Is the URL a Prometheus API (or a compatible one)?";
  private static final String ES_ADVICE =
      ". Check that the URL is an Elasticsearch (8.x/9.x) or OpenSearch (2.x) cluster, not a proxy or another service.";
  private static final String SHARDS =
      "\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0}";

  @TempDir Path dir;

  /** A Prometheus answer (its {@code data}), what the message says came, and what it expected. */
  static Stream<Arguments> prometheusShapes() {
    return Stream.of(
        Arguments.of(
            "{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1795654800,\"b\"]}]}",
            "the sample value \"b\"",
            "a number as text (\"1.5\", \"NaN\", \"+Inf\")"),
        Arguments.of(
            "{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1795654800,\"b\"]]}]}",
            "the sample value \"b\"",
            "a number as text (\"1.5\", \"NaN\", \"+Inf\")"),
        Arguments.of(
            "{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"values\":[[1795654800,\"1\"]]}]}",
            "a vector element without a value ({\"metric\":{},\"values\":[[1795654800,\"1\"]]})",
            "each element of a vector to have \"value\": [seconds, \"number\"]"),
        Arguments.of(
            "{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"value\":[1795654800,\"1\"]}]}",
            "a matrix element without values ({\"metric\":{},\"value\":[1795654800,\"1\"]})",
            "each element of a matrix to have \"values\": [[seconds, \"number\"], ...]"),
        Arguments.of(null, "no data", "data: {resultType, result}"),
        Arguments.of("[]", "data []", "data: {resultType, result}"),
        Arguments.of(
            "{\"resultType\":\"vector\"}", "data without a result", "data: {resultType, result}"),
        Arguments.of(
            "{\"resultType\":\"vector\",\"result\":{}}", "a vector result {}", "a list of series"),
        Arguments.of(
            "{\"resultType\":\"vector\",\"result\":[7]}",
            "the vector element 7",
            "an object {metric, value(s)}"),
        Arguments.of(
            "{\"resultType\":\"histogram\",\"result\":[]}",
            "the result type \"histogram\"",
            "\"vector\", \"matrix\" or \"scalar\" numbers"),
        Arguments.of(
            "{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[\"x\",\"1\"]}]}",
            "the sample time \"x\"",
            "seconds since 1970 as a number"),
        Arguments.of(
            "{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1e300,\"1\"]}]}",
            "the sample time 1E+300",
            "seconds since 1970 within the years of a clock"),
        Arguments.of(
            "{\"resultType\":\"scalar\",\"result\":[1795654800]}",
            "the sample [1795654800]",
            "a sample [seconds, \"number\"]"));
  }

  private static FakeBackend prometheus(String data) throws Exception {
    String body = "{\"status\":\"success\"" + (data == null ? "" : ",\"data\":" + data) + "}";
    return new FakeBackend(r -> FakeBackend.Answer.json(body));
  }

  /** Finds message m-1 of the tiny path; every other search is {@code search}'s answer. */
  private static FakeBackend elasticsearch(Function<FakeBackend.Request, FakeBackend.Answer> search)
      throws Exception {
    return new FakeBackend(
        r ->
            r.line().equals("POST /_msearch") && r.body().contains("terminate_after")
                    || r.line().equals("POST /_msearch") && search == null
                ? FakeBackend.Answer.json(
                    TinyPath.msearch(r.body(), TinyPath.document("m-1", "hello")))
                : search.apply(r));
  }

  private CliRun flow(String es, String prometheus) {
    return CliRun.run(
        "flow",
        "--path",
        TinyPath.NAME,
        "--id",
        "m-1",
        "--es",
        es,
        "--prometheus",
        prometheus,
        "--paths-dir",
        TinyPath.write(dir).toString(),
        "--from",
        TinyPath.FROM,
        "--to",
        TinyPath.TO);
  }

  private CliRun stuck(String es) {
    return CliRun.run(
        "stuck",
        "--path",
        TinyPath.NAME,
        "--es",
        es,
        "--paths-dir",
        TinyPath.write(dir).toString(),
        "--from",
        TinyPath.FROM,
        "--to",
        TinyPath.TO);
  }

  @ParameterizedTest
  @MethodSource("prometheusShapes")
  void flowSaysMetricsUnavailableNamingPrometheusAndExitsZero(
      String data, String came, String expected) throws Exception {
    try (FakeBackend es = elasticsearch(null);
        FakeBackend prometheus = prometheus(data)) {
      CliRun run = flow(es.url(), prometheus.url());
      assertThat(run.exitCode).as(run.toString()).isZero();
      assertThat(run.out.lines())
          .as(run.toString())
          .contains(
              "warning: metrics unavailable: Prometheus at "
                  + prometheus.url()
                  + " answered /api/v1/query_range with "
                  + came
                  + "; expected "
                  + expected
                  + ADVICE,
              "  query sent: sum(rate(http_requests_total[1m]))");
      assertThat(run.err).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("prometheusShapes")
  void playbookRunCheckIsErrorNamingPrometheus(String data, String came, String expected)
      throws Exception {
    try (FakeBackend prometheus = prometheus(data)) {
      CliRun run =
          CliRun.run(
              "playbook",
              "run",
              "gateway-auth",
              "--prometheus",
              prometheus.url(),
              "--es",
              "http://127.0.0.1:9",
              "--at",
              TinyPath.TO);
      assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
      assertThat(run.out.lines())
          .as(run.toString())
          .startsWith("gateway-auth as of 2026-11-26T03:00:00Z, window 2h (the playbook's default)")
          .contains(
              "  error: Prometheus at "
                  + prometheus.url()
                  + " answered /api/v1/query with "
                  + came
                  + "; expected "
                  + expected
                  + ADVICE)
          .noneMatch(l -> l.contains("For input string"));
      assertThat(run.out.lines().filter(l -> l.startsWith("ERROR gateway-5xx "))).hasSize(1);
    }
  }

  @Test
  void prometheusAnsweringHtmlIsNamedNotParsed() throws Exception {
    try (FakeBackend es = elasticsearch(null);
        FakeBackend prometheus =
            new FakeBackend(
                r ->
                    new FakeBackend.Answer(
                        200, "text/html", "<html><title>Sign in</title><body>b</body></html>"))) {
      CliRun run = flow(es.url(), prometheus.url());
      assertThat(run.exitCode).as(run.toString()).isZero();
      assertThat(run.out.lines())
          .contains(
              "warning: metrics unavailable: Prometheus "
                  + prometheus.url()
                  + " answered HTTP 200 with something that is not Prometheus API JSON (Sign in);"
                  + " is the URL right, including a path prefix such as /prometheus?");
    }
  }

  /**
   * An Elasticsearch answer to the stuck scan, what the message says came, and what it expected.
   */
  static Stream<Arguments> scanShapes() {
    return Stream.of(
        Arguments.of(
            "{\"took\":1," + SHARDS + ",\"hits\":{\"total\":{\"value\":9},\"hits\":[]}}",
            "without the aggregation keys",
            "its composite buckets (one per key)"),
        Arguments.of("{}", "without the aggregation keys", "its composite buckets (one per key)"),
        Arguments.of(
            "{" + SHARDS + ",\"aggregations\":{\"keys\":{\"buckets\":{}}}}",
            "with buckets that are no list",
            "the composite's buckets"),
        Arguments.of(
            "{"
                + SHARDS
                + ",\"aggregations\":{\"keys\":{\"buckets\":[{\"key\":{\"key\":\"m-1\"}}]}}}",
            "a bucket without its key or document count ({\"key\":{\"key\":\"m-1\"}})",
            "{key: {key}, doc_count}"),
        Arguments.of(
            "{"
                + SHARDS
                + ",\"aggregations\":{\"keys\":{\"buckets\":[{\"key\":{\"key\":\"m-1\"},"
                + "\"doc_count\":1,\"first\":{\"value\":1.7956548E12},"
                + "\"last\":{\"value\":1.7956548E12}}]}}}",
            "a bucket without the aggregation failures ({\"key\":{\"key\":\"m-1\"},\"doc_count\":1,"
                + "\"first\":{\"value\":1.7956548E12},\"last\":{\"value...)",
            "the figures first, last, failures, terminal and deadLetters the request asked for"),
        Arguments.of(
            "<html><title>Gateway</title></html>",
            "with something that is not the JSON asked for (Unexpected character ('<' (code 60)):"
                + " expected a valid value (JSON String, Number, Array, Object or token 'null',"
                + " 'true' or 'false'))",
            "Elasticsearch's JSON answer"));
  }

  @ParameterizedTest
  @MethodSource("scanShapes")
  void stuckEndsWithExitFourNamingElasticsearch(String answer, String came, String expected)
      throws Exception {
    try (FakeBackend es = elasticsearch(r -> FakeBackend.Answer.json(answer))) {
      CliRun run = stuck(es.url());
      assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
      // the estimate knew nothing either: no all-unknown table before the failure
      assertThat(run.out).as(run.toString()).isEmpty();
      assertThat(run.err)
          .as(run.toString())
          .isEqualTo(
              "hopscope: Elasticsearch at "
                  + es.url()
                  + " answered the scan of [tiny-*] by id "
                  + came
                  + "; expected "
                  + expected
                  + ES_ADVICE
                  + "\n");
    }
  }

  /** The counterpart: no aggregation because no shard matched is a true, empty answer. */
  @Test
  void stuckOverNoShardsIsAnEmptyAnswer() throws Exception {
    String noShards =
        "{\"took\":0,\"_shards\":{\"total\":0,\"successful\":0,\"skipped\":0,\"failed\":0},"
            + "\"hits\":{\"total\":{\"value\":0},\"hits\":[]}}";
    try (FakeBackend es = elasticsearch(r -> FakeBackend.Answer.json(noShards))) {
      CliRun run = stuck(es.url());
      assertThat(run.exitCode).as(run.toString()).isZero();
      assertThat(run.out.lines())
          .contains(
              "gateway                        0         0         0         0         0         0");
    }
  }

  static Stream<Arguments> searchShapes() {
    return Stream.of(
        Arguments.of(
            "{\"took\":1,\"responses\":[{" + SHARDS + ",\"status\":200}]}",
            "the search of tiny-* (hop gateway) without hits",
            "hits: {total, hits: [...]} in each _msearch response"),
        Arguments.of(
            "{\"took\":1,\"responses\":[]}",
            "the search of [tiny-*] with 0 responses to 1 searches in one _msearch",
            "one response per search"),
        Arguments.of(
            "{\"took\":1}",
            "the search of [tiny-*] with 0 responses to 1 searches in one _msearch",
            "one response per search"));
  }

  @ParameterizedTest
  @MethodSource("searchShapes")
  void flowSearchOfTheWrongShapeIsABackendProblem(String answer, String came, String expected)
      throws Exception {
    try (FakeBackend es = elasticsearch(r -> FakeBackend.Answer.json(answer))) {
      CliRun run =
          CliRun.run(
              "flow",
              "--path",
              TinyPath.NAME,
              "--id",
              "m-1",
              "--es",
              es.url(),
              "--no-metrics",
              "--paths-dir",
              TinyPath.write(dir).toString(),
              "--from",
              TinyPath.FROM,
              "--to",
              TinyPath.TO);
      assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
      assertThat(run.err)
          .isEqualTo(
              "hopscope: Elasticsearch at "
                  + es.url()
                  + " answered "
                  + came
                  + "; expected "
                  + expected
                  + ES_ADVICE
                  + "\n");
    }
  }

  @Test
  void playbookCountWithoutHitTotalIsAnError() throws Exception {
    try (FakeBackend es =
            new FakeBackend(
                r ->
                    r.line().equals("POST /_msearch")
                        ? FakeBackend.Answer.json(TinyPath.msearch(r.body(), null))
                        : FakeBackend.Answer.json("{" + SHARDS + ",\"hits\":{\"hits\":[]}}"));
        FakeBackend prometheus =
            prometheus(
                "{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1795654800,\"0\"]}]}")) {
      CliRun run =
          CliRun.run(
              "playbook",
              "run",
              "gateway-auth",
              "--prometheus",
              prometheus.url(),
              "--es",
              es.url(),
              "--at",
              TinyPath.TO);
      assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
      assertThat(run.out.lines())
          .as(run.toString())
          .contains(
              "  error: Elasticsearch at "
                  + es.url()
                  + " answered the count in [gateway-access-*] without a hit total"
                  + " (hits.total.value: (missing)); expected the exact number of documents"
                  + " (track_total_hits)"
                  + ES_ADVICE);
    }
  }
}
