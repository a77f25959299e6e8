package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code stuck --compare} over the recorded incident of the test sandbox. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StuckCompareCliSandboxTest {

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
  void theJsonComparesWithThePreviousWindowAndMarksFulfilment() throws IOException {
    CliRun run = stuck("--compare", "previous", "--json");
    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode compare = new ObjectMapper().readTree(run.out).path("compare");
    Instant start = Instant.parse(manifest.incidentStart());
    Instant now = Instant.parse(manifest.now());
    assertThat(compare.path("baseline").asText()).isEqualTo("previous");
    assertThat(Instant.parse(compare.path("to").asText())).isEqualTo(start);
    assertThat(Instant.parse(compare.path("from").asText()))
        .isEqualTo(start.minus(java.time.Duration.between(start, now)));
    assertThat(compare.path("marked").asText()).isEqualTo("fulfilment-service");
    JsonNode fulfilment = compare.path("hops").get(3);
    assertThat(fulfilment.path("name").asText()).isEqualTo("fulfilment-service");
    Manifest.HopWindow truth = manifest.incidentWindow().hops().get("fulfilment-service");
    assertThat(fulfilment.path("figures").path("stuck").path("now").asLong())
        .isEqualTo(truth.stuck());
    assertThat(fulfilment.path("figures").path("stuck").path("before").asLong()).isZero();
    assertThat(fulfilment.path("figures").path("stuck").path("change").asText()).isEqualTo("NEW");
    assertThat(fulfilment.path("figures").path("left").path("now").asLong())
        .isEqualTo(truth.left());
  }

  @Test
  void theHumanOutputPutsTheTablesFirstAndADayEarlierHasNoDataBefore() {
    CliRun run = stuck("--compare", "1d");
    assertThat(run.exitCode).as(run.toString()).isZero();
    int table = run.out.indexOf("HOP                      ENTERED");
    int changed = run.out.indexOf("What changed vs the same 50 min a day earlier");
    int list = run.out.indexOf("VERDICT        HOP");
    assertThat(table).isNotNegative();
    assertThat(changed).isGreaterThan(table);
    assertThat(list).isGreaterThan(changed);
    assertThat(run.out)
        .contains(
            "No data before: nothing entered any readable hop in the same 50 min a day earlier")
        .contains(String.format("  %-22s no data before (now: ", "fulfilment-service"))
        .doesNotContain("-100 %")
        .doesNotContain("* moved most");
    // times to the millisecond: no longer an Instant's nanoseconds
    assertThat(run.out.substring(list)).containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  ");
    assertThat(run.out.substring(list)).doesNotContainPattern("T\\d\\d:\\d\\d:\\d\\d");
  }

  @Test
  void anUnknownBaselineIsAUsageError() {
    CliRun run = stuck("--compare", "yesterday");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err)
        .contains("'yesterday' is not a baseline to compare with: use previous or 1d");
  }
}
