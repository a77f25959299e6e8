package org.hopscope.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hopscope.sandbox.SandboxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real promtool. */
class PrometheusBackfillTest {

  @TempDir Path tmp;

  @Test
  void writesOneBlockPerTwoHoursOfHistory() throws IOException {
    Path file = tmp.resolve("ok.om.txt");
    Files.writeString(
        file, "# TYPE up gauge\nup{job=\"x\"} 1 1700000000\nup{job=\"x\"} 1 1700000015.5\n# EOF\n");

    Path out = PrometheusBackfill.createBlocks(file, tmp.resolve("blocks"));

    assertThat(out).isEqualTo(tmp.resolve("blocks"));
    try (var blocks = Files.list(out)) {
      assertThat(blocks.filter(b -> Files.isRegularFile(b.resolve("meta.json")))).hasSize(1);
    }
  }

  @Test
  void rejectedFileGivesPromtoolsWordsAndThePath() throws IOException {
    Path file = tmp.resolve("bad.om.txt");
    Files.writeString(file, "garbage line here\n");

    assertThatThrownBy(() -> PrometheusBackfill.createBlocks(file, tmp.resolve("blocks")))
        .isInstanceOf(SandboxException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("exit 1")
        .hasMessageContaining("strconv.ParseFloat: parsing \"line\": invalid syntax");
  }

  @Test
  void findsExecutablesOnThePathOnly() {
    assertThat(PrometheusBackfill.findOnPath("promtool")).isPresent();
    assertThat(PrometheusBackfill.findOnPath("no-such-promtool-here")).isEmpty();
  }
}
