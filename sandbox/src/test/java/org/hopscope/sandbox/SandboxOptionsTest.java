package org.hopscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Ports not given on the command line are the state folder's, else the defaults. */
class SandboxOptionsTest {

  @CommandLine.Command(name = "probe")
  static final class Probe {
    @CommandLine.Mixin SandboxOptions options = new SandboxOptions();
  }

  private static SandboxConfig parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.options.config();
  }

  @Test
  void aFolderWithoutStateTakesTheDefaults(@TempDir Path dir) {
    SandboxConfig config = parse("--dir", dir.toString());

    assertThat(config.elasticsearchPort()).isEqualTo(SandboxConfig.DEFAULT_ELASTICSEARCH_PORT);
    assertThat(config.prometheusPort()).isEqualTo(SandboxConfig.DEFAULT_PROMETHEUS_PORT);
    assertThat(config.exporterPort()).isEqualTo(SandboxConfig.DEFAULT_EXPORTER_PORT);
  }

  @Test
  void portsNotGivenAreTheOnesTheFolderSandboxWasStartedWith(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("sandbox.json"),
        "{\"elasticsearchUrl\": \"http://127.0.0.1:19710\", \"prometheusUrl\":"
            + " \"http://127.0.0.1:19790\", \"exporterUrl\": \"http://127.0.0.1:19791\","
            + " \"alertmanagerUrl\": \"http://127.0.0.1:19793\", \"engine\": \"opensearch\"}");

    SandboxConfig config = parse("--dir", dir.toString(), "--exporter-port", "19800");

    assertThat(config.elasticsearchPort()).isEqualTo(19710);
    assertThat(config.prometheusPort()).isEqualTo(19790);
    assertThat(config.exporterPort()).isEqualTo(19800);
    assertThat(config.alertmanagerPort()).isEqualTo(19793);
  }

  @Test
  void anUnreadableStateFallsBackToTheDefaults(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("sandbox.json"), "{not json");

    SandboxConfig config = parse("--dir", dir.toString(), "--prometheus-port", "19890");

    assertThat(config.elasticsearchPort()).isEqualTo(SandboxConfig.DEFAULT_ELASTICSEARCH_PORT);
    assertThat(config.prometheusPort()).isEqualTo(19890);
  }
}
