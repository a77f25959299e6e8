package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code hopscope compare} as a user runs it, against the seeded sandbox. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompareCliSandboxTest {

  private final ObjectMapper json = new ObjectMapper();
  private Manifest manifest;
  private String es;
  private String stuck;

  @BeforeAll
  void seeded(TestSandbox sandbox) {
    manifest = Manifest.read(sandbox.manifest());
    es = sandbox.state().elasticsearchUrl();
    stuck = manifest.classes().get("STUCK").messages().get(0).id();
  }

  private CliRun compare(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "compare",
                "--path",
                "orders",
                "--id",
                stuck,
                "--es",
                es,
                "--from",
                manifest.from(),
                "--to",
                manifest.now()));
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void jsonNamesTheHealthyMessageTheBasisAndEveryHop() throws IOException {
    CliRun run = compare("--json");
    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode c = json.readTree(run.out);
    assertThat(c.path("version").asInt()).isEqualTo(1);
    assertThat(c.path("subject").path("verdict").asText()).isEqualTo("STUCK");
    assertThat(c.path("subject").path("stuckAt").asText()).isEqualTo("fulfilment-service");
    assertThat(c.path("other").path("verdict").asText()).isEqualTo("OK");
    String other = c.path("basis").path("otherId").asText();
    assertThat(c.path("basis").path("choice").asText()).isEqualTo("NEAREST_OK");
    assertThat(c.path("basis").path("text").asText())
        .startsWith(other + ": the nearest OK message that reached erp-adapter (");
    assertThat(c.path("hops").size()).isEqualTo(6);
    JsonNode at = c.path("hops").get(3);
    assertThat(at.path("name").asText()).isEqualTo("fulfilment-service");
    assertThat(at.path("latencyDeltaMs").isNull()).isTrue();
    List<String> missing = new ArrayList<>();
    at.path("missing").forEach(m -> missing.add(m.path("key").asText()));
    assertThat(missing).contains("INFO processed");
    JsonNode adapter = c.path("hops").get(4);
    assertThat(adapter.path("subject").path("reached").asBoolean()).isFalse();
    assertThat(adapter.path("subject").path("verdict").asText()).isEqualTo("NO_EVIDENCE");
    assertThat(adapter.path("other").path("reached").asBoolean()).isTrue();
  }

  @Test
  void humanOutputWithANamedMessage() {
    String healthy = manifest.classes().get("HEALTHY").messages().get(0).id();
    CliRun run = compare("--with", healthy);
    assertThat(run.exitCode).as(run.toString()).isZero();
    List<String> lines = run.out.lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("orders  " + stuck + "  STUCK at fulfilment-service  vs  " + healthy + "  OK");
    assertThat(lines.get(1)).isEqualTo("basis: " + healthy + ": named by you; its verdict is OK.");
    assertThat(lines.get(2)).startsWith("HOP ").contains("LATENCY SUBJECT");
    assertThat(lines.stream().filter(l -> l.startsWith("erp-adapter ")).findFirst().orElseThrow())
        .matches("erp-adapter +not reached +OK +not reached .*");
    assertThat(lines).contains("    missing: INFO processed");
    assertThat(run.err).isEmpty();
  }

  @Test
  void noHealthyCandidateSaysWhatWasSearchedWithExitThree(@TempDir Path dir) throws IOException {
    Path orders = Path.of(System.getProperty("hopscope.home"), "queries", "orders.yaml");
    String yaml = Files.readString(orders).replace("    sla: 10m\n", "    sla: 1ms\n");
    Files.writeString(dir.resolve("orders.yaml"), yaml);
    CliRun run = compare("--paths-dir", dir.toString());
    assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
    assertThat(run.out).contains("  vs  (none)\nbasis: No OK message found near " + stuck + ": ");
    assertThat(run.out.lines().filter(l -> l.startsWith("  searched erp-adapter "))).hasSize(4);
    assertThat(run.out).doesNotContain("HOP ");
    assertThat(run.err)
        .isEqualTo(
            "note: No OK message found near "
                + stuck
                + ": none of the nearest messages with events at erp-adapter (up to 5 per"
                + " window) was OK, so there is nothing healthy to compare with; name a message"
                + " to compare with instead.\n");
  }

  @Test
  void anUnknownMessageExitsThree() {
    CliRun run =
        CliRun.run(
            "compare",
            "--path",
            "orders",
            "--id",
            "ord-never-sent",
            "--es",
            es,
            "--to",
            manifest.now());
    assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
    assertThat(run.err)
        .contains("note: Nothing was found for ord-never-sent in the window searched");
  }
}
