package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad command-line arguments are usage errors (exit 2) with a message naming the option and the
 * limit, refused before any query: the fake backends the commands point at count no request.
 */
@Fault(Fault.Area.ARGUMENTS)
class BadArgumentsTest {

  private static final String TIME_RANGE =
      "' is out of range: give a time within the years 0000 to 9999 (e.g. 2026-11-26T03:00:00Z"
          + " or now-90m)";

  @TempDir Path dir;
  private FakeBackend es;
  private FakeBackend prometheus;

  @BeforeEach
  void backends() throws Exception {
    es =
        new FakeBackend(
            r ->
                r.line().equals("POST /_msearch")
                    ? FakeBackend.Answer.json(TinyPath.msearch(r.body(), null))
                    : new FakeBackend.Answer(500, "application/json", "{}"));
    prometheus = new FakeBackend(r -> new FakeBackend.Answer(500, "application/json", "{}"));
  }

  @AfterEach
  void stop() {
    es.close();
    prometheus.close();
  }

  /** The command line (without the backends), and stderr expected. */
  static Stream<Arguments> badArguments() {
    String x = "x".repeat(32_767);
    String accents = "é".repeat(16_384);
    return Stream.of(
        flow("--id", "", "--id is empty: give the message ID, ERP number or trace ID to follow"),
        flow("--id", "   ", "--id is empty: give the message ID, ERP number or trace ID to follow"),
        flow(
            "--id", "\t\n", "--id is empty: give the message ID, ERP number or trace ID to follow"),
        flow(
            "--id",
            x,
            "--id is 32767 bytes long (UTF-8); Elasticsearch looks up at most 32766 bytes in a"
                + " term: give the ID itself"),
        flow(
            "--id",
            accents,
            "--id is 32768 bytes long (UTF-8); Elasticsearch looks up at most 32766 bytes in a"
                + " term: give the ID itself"),
        flow("--from", "+10000-01-01T00:00:00Z", "--from '+10000-01-01T00:00:00Z" + TIME_RANGE),
        flow("--from", "10000-01-01T00:00:00Z", "--from '10000-01-01T00:00:00Z" + TIME_RANGE),
        flow("--to", "+275760-09-13T00:00:00Z", "--to '+275760-09-13T00:00:00Z" + TIME_RANGE),
        flow("--from", "-0001-12-31T00:00:00Z", "--from '-0001-12-31T00:00:00Z" + TIME_RANGE),
        flow("--to", "now+999999999999d", "--to 'now+999999999999d" + TIME_RANGE),
        flow("--from", "now-999999999999d", "--from 'now-999999999999d" + TIME_RANGE),
        flow(
            "--from",
            "now-99999999999999999999d",
            "--from 'now-99999999999999999999d" + TIME_RANGE),
        flow(
            "--from",
            "now-9223372036854775807ms",
            "--from 'now-9223372036854775807ms" + TIME_RANGE),
        flow("--to", "now+3000000d", "--to 'now+3000000d" + TIME_RANGE),
        flow(
            "--from",
            "99999999999999999",
            "--from '99999999999999999' is not a time: use an ISO-8601 time with its zone"
                + " (2026-11-26T03:00:00Z, 2026-11-26T04:00:00+01:00), 'now' or 'now-90m' (units"
                + " ms, s, m, h, d)"),
        Arguments.of(
            List.of("stuck", "--path", "tiny", "--from", TinyPath.FROM, "--limit", "0"),
            "--limit must be at least 1, got 0"),
        Arguments.of(
            List.of("stuck", "--path", "tiny", "--from", TinyPath.FROM, "--limit", "-5"),
            "--limit must be at least 1, got -5"),
        Arguments.of(
            List.of("stuck", "--path", "tiny", "--from", "+10000-01-01T00:00:00Z"),
            "--from '+10000-01-01T00:00:00Z" + TIME_RANGE),
        Arguments.of(
            List.of("stuck", "--path", "tiny", "--from", "now-999999999999d"),
            "--from 'now-999999999999d" + TIME_RANGE),
        Arguments.of(
            List.of("playbook", "run", "gateway-auth", "--at", "+10000-01-01T00:00:00Z"),
            "--at '+10000-01-01T00:00:00Z" + TIME_RANGE),
        Arguments.of(
            List.of("playbook", "run", "gateway-auth", "--from", "now-999999999999d"),
            "--from 'now-999999999999d" + TIME_RANGE),
        Arguments.of(
            List.of("playbook", "run", "gateway-auth", "--var", "window=999999999999d"),
            "window: duration '999999999999d' is too large: at most 36500d (100 years)"),
        Arguments.of(
            List.of("playbook", "run", "gateway-auth", "--var", "window=99999999999999999999d"),
            "window: duration '99999999999999999999d' is too large: at most 36500d (100 years)"),
        Arguments.of(
            List.of("incident", "list", "--limit", "0"), "--limit must be at least 1, got 0"));
  }

  private static Arguments flow(String option, String value, String err) {
    List<String> args =
        new ArrayList<>(List.of("flow", "--path", "tiny", "--id", "m-1", "--to", TinyPath.TO));
    int at = args.indexOf(option);
    if (at >= 0) {
      args.set(at + 1, value);
    } else {
      args.addAll(List.of(option, value));
    }
    return Arguments.of(args, err);
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void usageErrorBeforeAnyQuery(List<String> command, String err) {
    List<String> args = new ArrayList<>(command);
    if (!command.get(0).equals("incident")) {
      args.addAll(
          List.of(
              "--es",
              es.url(),
              "--prometheus",
              prometheus.url(),
              "--paths-dir",
              TinyPath.write(dir).toString()));
    }
    if (command.get(0).equals("playbook")) {
      args.set(args.indexOf("--paths-dir") + 1, System.getProperty("hopscope.home") + "/queries");
    }
    CliRun run = CliRun.run(args.toArray(String[]::new));
    assertThat(run.err).as(run.toString()).isEqualTo("hopscope: " + err + "\n");
    assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(es.received()).isEmpty();
    assertThat(prometheus.received()).isEmpty();
  }

  /** The counterpart of the limit: an ID of exactly 32,766 bytes is looked up. */
  @Test
  void anIdOfTheLimitIsSearched() {
    CliRun run =
        CliRun.run(
            "flow",
            "--path",
            "tiny",
            "--id",
            "x".repeat(32_766),
            "--es",
            es.url(),
            "--no-metrics",
            "--paths-dir",
            TinyPath.write(dir).toString(),
            "--from",
            TinyPath.FROM,
            "--to",
            TinyPath.TO);
    assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
    assertThat(es.received()).extracting(FakeBackend.Request::line).contains("POST /_msearch");
  }
}
