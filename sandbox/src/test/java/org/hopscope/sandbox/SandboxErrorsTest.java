package org.hopscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The errors a user can cause, and the pid-file safety net; no servers needed. */
class SandboxErrorsTest {

  @TempDir Path tmp;

  @Test
  void missingDistributionSaysHowToBuildIt() {
    Path codeParent = tmp.resolve("target");
    assertThatThrownBy(() -> ElasticsearchDistribution.locate(null, codeParent))
        .isInstanceOf(SandboxException.class)
        .hasMessage(
            "the Elasticsearch 8.19.21 distribution is missing: no file "
                + codeParent.resolve("dist").resolve("elasticsearch-8.19.21.zip")
                + ". Build it with `./mvnw -pl sandbox package` (it is fetched into"
                + " sandbox/target/dist/), or point $HOPSCOPE_ES_ZIP to an"
                + " elasticsearch-8.19.21.zip.");
  }

  @Test
  void distributionOverrideIsNamedWhenMissing() {
    String zip = tmp.resolve("es.zip").toString();
    assertThatThrownBy(() -> ElasticsearchDistribution.locate(zip, tmp))
        .hasMessageContaining("no file " + zip + " (from $HOPSCOPE_ES_ZIP)");
  }

  @Test
  void missingPrometheusWithoutRootSaysHowToInstall() {
    String path = tmp.toString();
    assertThatThrownBy(() -> PrometheusBinary.find(path, false, Path.of("/usr/bin/apt-get")))
        .isInstanceOf(SandboxException.class)
        .hasMessage(
            "Prometheus is not installed: `prometheus` and `promtool` were not found on PATH ("
                + path
                + "). Install them, e.g. on Debian/Ubuntu `sudo apt-get install prometheus`, or"
                + " put the binaries of a Prometheus 2.x release on PATH; then run up again.");
  }

  @Test
  void tooLittleDiskSpaceSaysHowMuchAndWhere() {
    Path dir = tmp.resolve("state");
    assertThatThrownBy(() -> Sandbox.requireFreeSpace(dir, Long.MAX_VALUE))
        .isInstanceOf(SandboxException.class)
        .hasMessageStartingWith("not enough disk space for the sandbox in " + dir + ": ")
        .hasMessageContaining(" GB free on ")
        .hasMessageEndingWith("Free some space or choose another folder with --dir.");
  }

  @Test
  void aReusedPidOfAnotherProcessIsNeverKilled() throws Exception {
    Path file = tmp.resolve("run").resolve("prometheus.pid");
    PidFile pidFile = new PidFile(file, tmp.resolve("prometheus.yml").toString());
    pidFile.write(ProcessHandle.current().pid()); // alive, but its command line is not ours

    assertThat(pidFile.process()).isEmpty();
    assertThat(pidFile.stop(Duration.ofSeconds(1))).isEmpty();
    assertThat(ProcessHandle.current().isAlive()).isTrue();
    assertThat(file).doesNotExist();
  }

  @Test
  void ourProcessIsStoppedAndItsPidFileRemoved() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "3600").start();
    PidFile pidFile = new PidFile(tmp.resolve("sleep.pid"), "sleep 3600");
    pidFile.write(sleeper.pid());

    assertThat(pidFile.runningPid()).contains(sleeper.pid());
    assertThat(pidFile.stop(Duration.ofSeconds(10))).contains(sleeper.pid());
    assertThat(sleeper.isAlive()).isFalse();
    assertThat(pidFile.file()).doesNotExist();
    assertThat(pidFile.removeIfStale()).isFalse();
  }

  @Test
  void statusWhenNothingRanSaysStopped() throws Exception {
    Path dir = tmp.resolve("never-up");
    List<String> args =
        List.of(
            "--dir",
            dir.toString(),
            "--es-port",
            "19299",
            "--prometheus-port",
            "19399",
            "--exporter-port",
            "19398");
    CliRun text = CliRun.of(args, "status");
    assertThat(text.exitCode()).as(text.toString()).isZero();
    // Elasticsearch, Prometheus, the exporter, and Alertmanager when it is installed
    long processes = AlertmanagerNode.binary().isPresent() ? 4 : 3;
    assertThat(text.out().lines().filter(l -> l.contains(" stopped ")).count())
        .isEqualTo(processes);

    CliRun json = CliRun.of(args, "status", "--json");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    JsonNode s = new ObjectMapper().readTree(json.out());
    assertThat(s.path("elasticsearch").asText()).isEqualTo("http://127.0.0.1:19299");
    assertThat(s.path("prometheus").asText()).isEqualTo("http://127.0.0.1:19399");
    assertThat(s.path("seeded").asBoolean(true)).isFalse();
    assertThat(s.path("manifest").asText()).isEqualTo(dir.resolve("manifest.json").toString());
    assertThat(s.path("documents").isNull()).isTrue();
    assertThat(s.path("processes").path("elasticsearch").path("running").asBoolean(true)).isFalse();
    assertThat(s.path("processes").size()).isEqualTo((int) processes);
    assertThat(s.path("alertmanager").asText(null))
        .isEqualTo(processes == 4 ? "http://127.0.0.1:19402" : null);
    assertThat(Files.exists(dir.resolve("run"))).isFalse();
  }
}
