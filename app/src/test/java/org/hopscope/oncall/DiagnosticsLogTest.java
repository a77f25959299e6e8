package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagnostics log: the rotating file in the data folder and the terminal echo. */
class DiagnosticsLogTest {

  private static final Logger LOG = System.getLogger("org.hopscope.oncall.DiagnosticsLogTest");

  @TempDir Path home;

  @Test
  void theDataFolderIsTheLocalStoresFolder() {
    Properties system = new Properties();
    system.setProperty("hopscope.data.dir", home.resolve("data").toString());
    assertThat(DiagnosticsLog.dataFolder(Map.of(), system)).isEqualTo(home.resolve("data"));
    assertThat(DiagnosticsLog.file(home)).isEqualTo(home.resolve("hopscope-0.log"));
  }

  @Test
  void rotatesAtFiveMegabytesKeepingThreeFiles() {
    assertThat(DiagnosticsLog.LIMIT_BYTES).isEqualTo(5 * 1024 * 1024);
    assertThat(DiagnosticsLog.GENERATIONS).isEqualTo(3);
  }

  @Test
  void nothingIsCreatedUntilTheFirstRecord() {
    Path data = home.resolve("data");
    try (DiagnosticsLog log = DiagnosticsLog.toFolder(data, "hopscope test")) {
      LOG.log(Level.DEBUG, "below the threshold");
      assertThat(data).doesNotExist();
    }
  }

  @Test
  void anErrorGoesToTheFileWithItsCause() throws IOException {
    Path data = home.resolve("data");
    try (DiagnosticsLog log = DiagnosticsLog.toFolder(data, "hopscope test")) {
      LOG.log(
          Level.WARNING,
          "the search failed",
          new IllegalStateException("unreachable", new ConnectException("Connection refused")));
    }
    String text = Files.readString(data.resolve("hopscope-0.log"), StandardCharsets.UTF_8);
    String[] lines = text.split(System.lineSeparator());
    assertThat(lines[0])
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z INFO \\[main\\] hopscope: log of"
                + " hopscope test \\(Java .*, pid \\d+\\)");
    assertThat(lines[1])
        .endsWith(" WARNING [main] org.hopscope.oncall.DiagnosticsLogTest: the search failed");
    assertThat(lines[2]).isEqualTo("java.lang.IllegalStateException: unreachable");
    assertThat(lines[3]).startsWith("\tat org.hopscope.oncall.DiagnosticsLogTest.");
    assertThat(text)
        .contains(
            System.lineSeparator()
                + "Caused by: java.net.ConnectException:"
                + " Connection refused"
                + System.lineSeparator());
    assertThat(DiagnosticsLog.files(data)).containsExactly(data.resolve("hopscope-0.log"));
  }

  @Test
  void aFullFileIsRotatedAndTheOldestDropped() throws IOException {
    Path data = home.resolve("data");
    String kilobyte = "x".repeat(1024);
    try (DiagnosticsLog log = DiagnosticsLog.toFolder(data, "hopscope test")) {
      for (int i = 0; i < 4 * 5 * 1024; i++) { // four files' worth
        LOG.log(Level.INFO, kilobyte);
      }
    }
    assertThat(DiagnosticsLog.files(data))
        .containsExactly(
            data.resolve("hopscope-0.log"),
            data.resolve("hopscope-1.log"),
            data.resolve("hopscope-2.log"));
    for (Path f : DiagnosticsLog.files(data)) {
      assertThat(Files.size(f)).isLessThanOrEqualTo(DiagnosticsLog.LIMIT_BYTES + 2048L);
    }
  }

  @Test
  void theEchoWritesTheSameRecordsUntilClosed() {
    StringWriter terminal = new StringWriter();
    try (DiagnosticsLog echo = DiagnosticsLog.echoTo(new PrintWriter(terminal))) {
      LOG.log(Level.INFO, "Prometheus answered HTTP 503; attempt 2 in 250 ms");
      LOG.log(Level.DEBUG, "below the threshold");
    }
    LOG.log(Level.WARNING, "after the close");
    assertThat(terminal.toString())
        .endsWith(
            " INFO [main] org.hopscope.oncall.DiagnosticsLogTest: Prometheus answered HTTP 503;"
                + " attempt 2 in 250 ms"
                + System.lineSeparator())
        .doesNotContain("below the threshold")
        .doesNotContain("after the close");
  }

  @Test
  void filesAreTheGenerationsAndTheirLocksOnly() throws IOException {
    for (String name :
        new String[] {"hopscope-0.log", "hopscope-0.log.lck", "hopscope-1.log", "hopscope.db"}) {
      Files.writeString(home.resolve(name), "");
    }
    assertThat(DiagnosticsLog.files(home))
        .containsExactly(
            home.resolve("hopscope-0.log"),
            home.resolve("hopscope-0.log.lck"),
            home.resolve("hopscope-1.log"));
    assertThat(DiagnosticsLog.files(home.resolve("missing"))).isEmpty();
  }
}
