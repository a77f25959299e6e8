package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hopscope.faults.Fault;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.NextRule;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.IncidentEntries;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hopscope playbook run} as a user runs it, with an in-code playbook (the reader is another
 * piece) under the ID of a shipped file, against the seeded sandbox.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaybookRunCommandSandboxTest {

  private Manifest manifest;
  private String es;
  private String prometheus;
  private String now;

  @BeforeAll
  void sandbox(TestSandbox sandbox) {
    manifest = Manifest.read(sandbox.manifest());
    es = sandbox.state().elasticsearchUrl();
    prometheus = sandbox.state().prometheusUrl();
    now = manifest.now();
  }

  private static Check check(Check.Kind kind, String query, Check.Comparison c, double t) {
    return new Check(
        kind, query, c, t, Check.Severity.CRITICAL, "all quiet", "orders are dead-lettered", 7);
  }

  private static Playbook playbook() {
    return new Playbook(
        "dead-letters",
        "Dead letters",
        new Playbook.AppliesTo(List.of("orders"), List.of(), List.of()),
        List.of(
            new Playbook.Variable("hop", "fulfilment-service", ""),
            new Playbook.Variable("window", "1h", "")),
        List.of(
            new Step(
                "dlq",
                "DLQ growing?",
                "",
                check(
                    Check.Kind.PROMQL,
                    "sum(increase(dlq_messages_total{service=\"${hop}\"}[${window}]))",
                    Check.Comparison.LT,
                    1),
                List.of(new NextRule(NextRule.On.PASS, "", NextRule.END)),
                5),
            new Step("read", "Read this", "text", null, List.of(), 10),
            new Step(
                "dlq-logged",
                "Logged?",
                "",
                check(
                    Check.Kind.ES_COUNT,
                    "hop: ${hop}, count: dead_letters",
                    Check.Comparison.EQ,
                    0),
                List.of(),
                15),
            new Step(
                "gateway",
                "Gateway 5xx?",
                "",
                check(
                    Check.Kind.PROMQL,
                    "sum(increase(http_requests_total{service=\"api-gateway\",status=~\"5..\"}"
                        + "[${window}]))",
                    Check.Comparison.LT,
                    1),
                List.of(),
                20)),
        "in code");
  }

  private record Run(int exitCode, String out, String err) {}

  private Run run(String... args) {
    return run(Map.of(), args);
  }

  private Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Properties system = new Properties();
    system.setProperty("hopscope.home", System.getProperty("hopscope.home"));
    system.setProperty("user.home", System.getProperty("user.home"));
    system.setProperty("hopscope.config.dir", System.getProperty("hopscope.config.dir"));
    CliContext ctx =
        new CliContext(
            env,
            system,
            Clock.systemUTC(),
            Path.of("").toAbsolutePath(),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    CommandLine cl = new CommandLine(new Main(ctx));
    cl.addSubcommand("playbook-run", new PlaybookRunCommand(file -> playbook()));
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    List<String> all = new ArrayList<>(List.of("playbook-run"));
    all.addAll(List.of(args));
    int code = cl.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void runsEveryCheckAndPrintsEachOutcomeACheckSelectingNothingIsNoData() {
    long dead = manifest.classes().get("DEAD_LETTERED").count();
    Instant to = Instant.parse(now);
    String gateway =
        "sum(increase(http_requests_total{service=\"api-gateway\",status=~\"5..\"}[1h]))";
    Run r = run("dead-letters", "--es", es, "--prometheus", prometheus, "--at", now);
    assertThat(r.exitCode()).as("%s", r).isEqualTo(3);
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            "dead-letters as of "
                + to
                + ", window 1h (the playbook's default)\n"
                + "FAIL dlq  value "
                + dead
                + " (pass when < 1)  DLQ growing?\n"
                + "  query: sum(increase(dlq_messages_total{service=\"fulfilment-service\"}[1h]))\n"
                + "  meaning: orders are dead-lettered\n"
                + "FAIL dlq-logged  value "
                + dead
                + " (pass when == 0)  Logged?\n"
                + "  query: count dead_letters at fulfilment-service in logs-fulfilment-* ["
                + to.minusSeconds(3600)
                + ", "
                + to
                + ")\n"
                + "  meaning: orders are dead-lettered\n"
                + "NO DATA gateway  no value (pass when < 1)  Gateway 5xx?\n"
                + "  query: "
                + gateway
                + "\n"
                + "  no data: no series for "
                + gateway
                + "\n"
                + "  not decided: the query found no data; fix the query or the source, or declare"
                + " noData: pass|fail in the check\n"
                + "dead-letters as of "
                + to
                + ": 0 passed, 2 failed, 1 no data, 0 errors\n");
  }

  @Test
  void fromToEvaluatesAsOfTheWindowsEndOverTheWindow() throws Exception {
    Instant from = Instant.parse(manifest.incidentStart());
    Instant to = from.plusSeconds(3000);
    Run r =
        run(
            "dead-letters",
            "--es",
            es,
            "--prometheus",
            prometheus,
            "--from",
            from.toString(),
            "--to",
            to.toString(),
            "--json");
    assertThat(r.exitCode()).as("%s", r).isEqualTo(3);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("asOf").asText()).isEqualTo(to.toString());
    assertThat(j.path("window").toString())
        .isEqualTo("{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}");
    assertThat(j.path("variables").path("window").asText()).isEqualTo("50m");
    assertThat(j.path("variableOrigins").path("window").asText()).isEqualTo("given");
    JsonNode dlq = j.path("steps").get(0).path("check");
    assertThat(dlq.path("query").asText())
        .isEqualTo("sum(increase(dlq_messages_total{service=\"fulfilment-service\"}[50m]))");
    assertThat(dlq.path("asOf").asText()).isEqualTo(to.toString());
    assertThat(j.path("steps").get(2).path("check").path("query").asText())
        .isEqualTo(
            "count dead_letters at fulfilment-service in logs-fulfilment-* ["
                + from
                + ", "
                + to
                + ")");
    Run both =
        run("dead-letters", "--es", es, "--prometheus", prometheus, "--at", now, "--to", now);
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err())
        .isEqualTo(
            "hopscope: give either --at (as of that time) or --from/--to (as of the window's end),"
                + " not both\n");
    Run toAlone = run("dead-letters", "--es", es, "--prometheus", prometheus, "--to", now);
    assertThat(toAlone.exitCode()).isEqualTo(2);
    assertThat(toAlone.err())
        .isEqualTo(
            "hopscope: --to needs --from (the window's start); to evaluate as of a time alone use"
                + " --at\n");
  }

  @Test
  void anIncidentsWindowIsWhatItsChecksAreEvaluatedOver(@TempDir Path data) {
    Instant from = Instant.parse(manifest.incidentStart());
    Instant to = from.plusSeconds(1800);
    long id;
    try (IncidentDesk desk =
        IncidentDesk.open(data.resolve("hopscope.db"), Clock.systemUTC(), "alice")) {
      id =
          desk.open("dead letters", Incident.Severity.SEV2, "orders", new TimeWindow(from, to))
              .id();
    }
    Run r =
        run(
            Map.of("HOPSCOPE_DATA_DIR", data.toString()),
            "dead-letters",
            "--es",
            es,
            "--prometheus",
            prometheus,
            "--incident",
            Long.toString(id));
    assertThat(r.exitCode()).as("%s", r).isEqualTo(3);
    assertThat(r.out())
        .startsWith(
            "dead-letters as of "
                + to
                + ", window 30m (the incident's window "
                + IncidentEntries.windowText(new TimeWindow(from, to))
                + ")\n");
    try (IncidentDesk desk =
        IncidentDesk.open(data.resolve("hopscope.db"), Clock.systemUTC(), "alice")) {
      assertThat(desk.timeline(id))
          .filteredOn(e -> e.kind() == TimelineEntry.Kind.CHECK)
          .extracting(TimelineEntry::summary)
          .last()
          .isEqualTo(
              "dead-letters/gateway: NO DATA (pass when < 1) as of "
                  + IncidentEntries.asOfText(to)
                  + ": no series for sum(increase(http_requests_total{service=\"api-gateway\","
                  + "status=~\"5..\"}[30m]))");
    }
  }

  @Test
  void jsonCarriesEveryStepVariablesAndSummary() throws Exception {
    Run r =
        run(
            "dead-letters",
            "--es",
            es,
            "--prometheus",
            prometheus,
            "--at",
            now,
            "--json",
            "--var",
            "window=3h");
    assertThat(r.exitCode()).as("%s", r).isEqualTo(3);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("variables").path("window").asText()).isEqualTo("3h");
    assertThat(j.path("variables").path("path").asText()).isEqualTo("orders");
    assertThat(j.path("steps")).hasSize(4);
    assertThat(j.path("steps").get(1).path("check").isNull()).isTrue();
    JsonNode logged = j.path("steps").get(2).path("check");
    assertThat(logged.path("kind").asText()).isEqualTo("ES_COUNT");
    assertThat(logged.path("value").asDouble())
        .isEqualTo(manifest.classes().get("DEAD_LETTERED").count());
    assertThat(logged.path("passWhen").asText()).isEqualTo("== 0");
    assertThat(logged.path("outcome").asText()).isEqualTo("FAIL");
    JsonNode gateway = j.path("steps").get(3).path("check");
    assertThat(gateway.path("outcome").asText()).isEqualTo("NO_DATA");
    assertThat(gateway.path("noData").asBoolean()).isTrue();
    assertThat(gateway.path("value").isNull()).isTrue();
    assertThat(j.path("summary").toString())
        .isEqualTo("{\"pass\":0,\"fail\":2,\"noData\":1,\"error\":0}");
  }

  @Test
  void badInputIsExitTwoWithAMessage() {
    Run unknownVar =
        run("dead-letters", "--es", es, "--prometheus", prometheus, "--var", "colour=red");
    assertThat(unknownVar.exitCode()).isEqualTo(2);
    assertThat(unknownVar.err())
        .isEqualTo(
            "hopscope: playbook dead-letters has no variable 'colour'; it has hop, window, path,"
                + " message_id\n");
    Run missing = run("no-such-playbook", "--es", es, "--prometheus", prometheus);
    assertThat(missing.exitCode()).isEqualTo(2);
    Path dir = Path.of(System.getProperty("hopscope.home"), "playbooks");
    assertThat(missing.err())
        .isEqualTo(
            "hopscope: no playbook no-such-playbook: "
                + dir.resolve("no-such-playbook.md")
                + " does not exist; ./hopscope playbook list shows those in "
                + dir
                + "\n");
    Run badWindow =
        run("dead-letters", "--es", es, "--prometheus", prometheus, "--var", "window=1h]");
    assertThat(badWindow.exitCode()).isEqualTo(2);
    // refused before any check is run (BadArgumentsTest counts the requests: none)
    assertThat(badWindow.out()).isEmpty();
    assertThat(badWindow.err())
        .isEqualTo(
            "hopscope: window: expected a duration such as 5s, 2m, 1h or 250ms (units ms, s, m,"
                + " h, d; e.g. 1h30m), got '1h]'\n");
  }

  @Fault(Fault.Area.BACKENDS)
  @Test
  void aBackendDownIsExitFourNamingIt() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String dead = "http://127.0.0.1:" + port;
    Run r = run("dead-letters", "--es", dead, "--prometheus", prometheus, "--at", now);
    assertThat(r.exitCode()).as("%s", r).isEqualTo(4);
    assertThat(r.out()).contains("ERROR dlq-logged  no value (pass when == 0)");
    assertThat(r.out()).contains("Elasticsearch").contains(dead);
    assertThat(r.out()).contains("0 passed, 1 failed, 1 no data, 1 errors");
  }
}
