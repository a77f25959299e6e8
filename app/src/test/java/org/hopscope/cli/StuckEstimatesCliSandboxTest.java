package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code stuck}'s estimate stage over the recorded incident of the test sandbox. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StuckEstimatesCliSandboxTest {

  private Manifest manifest;
  private String es;

  @BeforeAll
  void seeded(TestSandbox sandbox) {
    manifest = Manifest.read(sandbox.manifest());
    es = sandbox.state().elasticsearchUrl();
  }

  private CliRun stuck(String... extra) {
    String[] args = {
      "stuck",
      "--path",
      "orders",
      "--es",
      es,
      "--from",
      manifest.incidentStart(),
      "--to",
      manifest.now()
    };
    String[] all = new String[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return CliRun.run(all);
  }

  @Test
  void theEstimatesObjectMatchesTheExactHopsWhenTheWindowFitsTheSample() throws IOException {
    CliRun run = stuck("--json", "--estimates");
    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out);
    JsonNode hops = json.path("hops");
    JsonNode estimated = json.path("estimate").path("hops");
    assertThat(estimated.size()).isEqualTo(hops.size()).isEqualTo(6);
    for (int k = 0; k < hops.size(); k++) {
      for (String figure : new String[] {"entered", "left", "stuck", "failed", "deadLettered"}) {
        JsonNode f = estimated.get(k).path(figure);
        assertThat(f.path("known").asBoolean()).as(k + " " + figure).isTrue();
        assertThat(f.path("bound").asLong()).as(k + " " + figure).isZero();
        assertThat(f.path("value").asLong())
            .as(k + " " + figure)
            .isEqualTo(hops.get(k).path(figure).asLong());
      }
    }
    // without --estimates the contract is as before: no estimate object
    CliRun plain = stuck("--json");
    assertThat(new ObjectMapper().readTree(plain.out).has("estimate")).isFalse();
  }

  @Test
  void theTextShowsTheEstimateFirstThenTheExactTable() {
    CliRun run = stuck();
    assertThat(run.exitCode).as(run.toString()).isZero();
    Manifest.HopWindow truth = manifest.incidentWindow().hops().get("fulfilment-service");
    int estimate = run.out.indexOf("ESTIMATE in ");
    int exact = run.out.indexOf("EXACT (key scan):");
    assertThat(estimate).as(run.out).isZero();
    assertThat(exact).as(run.out).isGreaterThan(estimate);
    assertThat(run.out.substring(0, exact))
        .contains(
            String.format(
                "%-22s %17s %17s %17s",
                "fulfilment-service",
                String.format("%,d", truth.entered()),
                String.format("%,d", truth.left()),
                String.format("%,d", truth.stuck())));
  }
}
