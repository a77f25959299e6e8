package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing command leaves its error and the cause in the log file of the data folder; {@code
 * --verbose} prints the same on stderr. Runs as {@code main} does, against a port nothing listens
 * on.
 */
class DiagnosticsCliTest {

  private static final String DEAD = "http://127.0.0.1:1";

  @TempDir Path home;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int runLogged(String... args) {
    Properties system = new Properties();
    system.setProperty("hopscope.home", System.getProperty("hopscope.home"));
    system.setProperty("hopscope.config.dir", home.resolve("config").toString());
    system.setProperty("hopscope.data.dir", home.resolve("data").toString());
    system.setProperty("user.home", home.toString());
    return Main.runLogged(
        new CliContext(
            Map.of(),
            system,
            Clock.systemUTC(),
            home,
            new PrintWriter(out, true),
            new PrintWriter(err, true)),
        args);
  }

  private static String[] flowAgainstDeadBackends(String... extra) {
    String[] base = {
      "flow", "--path", "orders", "--id", "ord-1", "--es", DEAD, "--prometheus", DEAD
    };
    String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Fault(Fault.Area.BACKENDS)
  @Test
  void aFailedCommandLeavesItsErrorAndCauseInTheLogFile() throws IOException {
    assertThat(runLogged(flowAgainstDeadBackends())).isEqualTo(ExitCodes.BACKEND);
    Path log = home.resolve("data").resolve("hopscope-0.log");
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(text)
        .contains(" INFO [main] hopscope: log of hopscope ")
        .contains(
            " WARNING [main] org.hopscope.cli.Main: hopscope flow failed: Elasticsearch at "
                + DEAD
                + " is unreachable")
        .contains("org.hopscope.source.SourceException: Elasticsearch at " + DEAD)
        .contains("Caused by: java.net.ConnectException: Connection refused");
    // without --verbose stderr has the one line for the user, no diagnostics
    assertThat(err.toString()).startsWith("hopscope: Elasticsearch at " + DEAD + " is unreachable");
    assertThat(err.toString()).doesNotContain("Caused by").doesNotContain("WARNING");
  }

  @Test
  void verbosePrintsTheSameDiagnosticsOnStderr() throws IOException {
    assertThat(runLogged(flowAgainstDeadBackends("--verbose"))).isEqualTo(ExitCodes.BACKEND);
    String text =
        Files.readString(home.resolve("data").resolve("hopscope-0.log"), StandardCharsets.UTF_8);
    String logged = text.substring(text.indexOf('\n') + 1); // the records after the header line
    String message = logged.lines().findFirst().orElseThrow().split(" hopscope flow failed: ")[1];
    assertThat(logged).startsWith(logged.lines().findFirst().orElseThrow() + "\n");
    assertThat(message).startsWith("Elasticsearch at " + DEAD + " is unreachable");
    assertThat(err.toString()).isEqualTo(logged + "hopscope: " + message + "\n");
  }

  @Test
  void verboseIsAcceptedBeforeTheCommandToo() {
    assertThat(runLogged("--verbose", "data")).isZero();
    assertThat(out.toString()).contains("log            " + home.resolve("data/hopscope-0.log"));
    assertThat(err.toString()).isEmpty();
    assertThat(home.resolve("data")).doesNotExist(); // nothing logged: no file
  }
}
