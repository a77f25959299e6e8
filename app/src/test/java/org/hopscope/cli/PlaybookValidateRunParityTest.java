package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hopscope.faults.Fault;
import org.hopscope.playbook.PlaybookReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code playbook validate} rejects everything {@code playbook run} would reject in a file: each
 * broken playbook is fed to both; run exits 2 (bad input) with the same reason, validate exits 2
 * naming the file and line. No backend is asked (their URLs lead nowhere).
 */
class PlaybookValidateRunParityTest {

  private static final Path SAMPLE =
      Path.of("src", "test", "resources", "playbooks", "consumer-lag.md").toAbsolutePath();
  private static final String NOWHERE = "http://127.0.0.1:9";

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  /** Runs the command line with {@code consumer-lag} read from {@code file}. */
  private static Run cli(Path file, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Properties system = new Properties();
    system.setProperty("hopscope.home", System.getProperty("hopscope.home"));
    system.setProperty("user.home", System.getProperty("user.home"));
    system.setProperty("hopscope.config.dir", System.getProperty("hopscope.config.dir"));
    CliContext ctx =
        new CliContext(
            Map.of(),
            system,
            Clock.systemUTC(),
            Path.of("").toAbsolutePath(),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    CommandLine cl = new CommandLine(new Main(ctx));
    cl.addSubcommand("playbook-run", new PlaybookRunCommand(f -> new PlaybookReader().read(file)));
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * Writes the sample with {@code from} replaced by {@code to} as {@code consumer-lag.md}; asserts
   * validate refuses it with {@code validateSays} and run with {@code runSays}.
   */
  private void bothRefuse(String from, String to, String validateSays, String runSays)
      throws IOException {
    bothRefuse(Map.of(from, to), validateSays, runSays, 2);
  }

  /**
   * @param runExit 2, or 4 when the file's other checks reach for a backend (whose fault comes
   *     first in the exit code; the check's own refusal is in the output all the same)
   */
  private void bothRefuse(
      Map<String, String> edits, String validateSays, String runSays, int runExit)
      throws IOException {
    String sample = Files.readString(SAMPLE);
    for (Map.Entry<String, String> e : edits.entrySet()) {
      assertThat(sample).contains(e.getKey());
      sample = sample.replace(e.getKey(), e.getValue());
    }
    Path file = dir.resolve("consumer-lag.md");
    Files.writeString(file, sample);

    Run validate = cli(file, "playbook", "validate", file.toString());
    assertThat(validate.exitCode()).as("%s", validate).isEqualTo(2);
    assertThat(validate.err()).as("validate").contains(file + ":").contains(validateSays);

    Run run =
        cli(
            file,
            "playbook-run",
            "consumer-lag",
            "--es",
            NOWHERE,
            "--prometheus",
            NOWHERE,
            "--at",
            "2026-11-26T03:00:00Z");
    assertThat(run.exitCode()).as("%s", run).isEqualTo(runExit);
    assertThat(run.out() + run.err()).as("run").contains(runSays);
  }

  @Test
  void aPlaybookVariableInPromqlThatTheTemplateCannotTake() throws IOException {
    bothRefuse(
        "kafka_consumergroup_lag{service=\"${hop}\"}",
        "kafka_consumergroup_lag{service=\"${hop}\",key=\"${message_id}\"}",
        "unknown variable $message_id in PromQL: a PromQL check may use only ${hop}, ${service},"
            + " ${window} and ${rate}",
        "unknown variable $message_id");
  }

  @Fault(Fault.Area.HOSTILE_DATA)
  @Test
  void aHopOutsideAQuotedString() throws IOException {
    bothRefuse(
        "sum(delta(kafka_consumergroup_lag{service=\"${hop}\"}[${window}]))",
        "sum by (${hop}) (delta(kafka_consumergroup_lag[${window}]))",
        "$hop stands outside a quoted string",
        "$hop stands outside a quoted string");
  }

  @Test
  void aDollarNameInsideAStringIsAVariableForPromql() throws IOException {
    bothRefuse(
        "kafka_consumergroup_lag{service=\"${hop}\"}",
        "kafka_consumergroup_lag{service=~\"$hop_1\"}",
        "unknown variable $hop_1 in PromQL",
        "unknown variable $hop_1");
  }

  @Test
  void aRateDefaultThatIsNoDuration() throws IOException {
    bothRefuse(
        "  message_id: {default: \"\", description: \"a message from the alert, if any\"}\n---",
        "  message_id: {default: \"\", description: \"a message from the alert, if any\"}\n"
            + "  rate: {default: fast}\n---",
        "variable 'rate': 'default': expected a duration of one unit",
        "variable 'rate': 'default': expected a duration of one unit");
  }

  @Test
  void aWindowOfZero() throws IOException {
    bothRefuse(
        "window: {default: 30m,",
        "window: {default: 0m,",
        "variable 'window': 'default': expected a duration of one unit",
        "variable 'window': 'default': expected a duration of one unit");
  }

  @Test
  void anEsCountAtAHopThatTheDefaultsDoNotName() throws IOException {
    bothRefuse(
        Map.of(
            "hop: {default: fulfilment-service, description: the consumer hop}",
            "hop: {default: erp, description: the consumer hop}",
            "es: {hop: fulfilment-service,",
            "es: {hop: \"${hop}\","),
        "check of step 'consumer-errors' with the default variables (path orders, hop erp,"
            + " window 30m) cannot run: hop 'erp' is not a hop of path orders",
        "ERROR consumer-errors  no value (pass when == 0)  Does the consumer fail?\n"
            + "  query: hop: ${hop}, count: failures, match: timeout\n"
            + "  error: hop 'erp' is not a hop of path orders",
        4);
  }

  @Test
  void aDefaultPathThatIsNotDefined() throws IOException {
    bothRefuse(
        "  message_id: {default: \"\", description: \"a message from the alert, if any\"}\n---",
        "  message_id: {default: \"\", description: \"a message from the alert, if any\"}\n"
            + "  path: {default: billing}\n---",
        "playbook run consumer-lag runs against path 'billing' (its path variable's default, else"
            + " its first applies_to path, else orders), which the path definitions do not"
            + " define; known paths are orders",
        "billing");
  }

  @Test
  void aNoDataThatIsNeitherPassNorFail() throws IOException {
    bothRefuse(
        "pass_when: \"< 100\"",
        "pass_when: \"< 100\"\nnoData: maybe",
        "'noData': expected pass or fail",
        "'noData': expected pass or fail");
  }

  @Test
  void theValidSampleRunsAndValidates() throws IOException {
    Path file = dir.resolve("consumer-lag.md");
    Files.copy(SAMPLE, file);
    assertThat(cli(file, "playbook", "validate", file.toString()).exitCode()).isZero();
    List<String> args =
        new ArrayList<>(
            List.of("playbook-run", "consumer-lag", "--es", NOWHERE, "--prometheus", NOWHERE));
    Run run = cli(file, args.toArray(String[]::new));
    assertThat(run.exitCode()).as("%s", run).isEqualTo(4); // the backends, not the file
  }
}
