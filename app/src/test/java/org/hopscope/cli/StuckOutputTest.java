package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.hopscope.model.BlindSource;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.report.StuckReportJson;
import org.junit.jupiter.api.Test;

/** {@code stuck}'s table and JSON, and the report as incident evidence, with an unreadable hop. */
class StuckOutputTest {

  private static final BlindSource MISSPELT =
      new BlindSource("logs-erp-confirmaton-*", BlindSource.Reason.NO_INDEX, "no such index");

  private static final StuckReport REPORT =
      new StuckReport(
          "orders",
          new TimeWindow(
              Instant.parse("2026-11-26T02:10:00Z"), Instant.parse("2026-11-26T03:00:00Z")),
          Instant.parse("2026-11-26T03:00:00Z"),
          List.of(
              new HopCounts("erp-adapter", 12, 0, 0, 1, 0, 0),
              new HopCounts("erp-confirmation", 0, 0, 0, 0, 0, 0, List.of(MISSPELT))),
          new StuckReport.Totals(0, 1, 0, 0),
          List.of(new Notice.FateUnknown("erp-confirmation", 11)));

  @Test
  void anUnreadableHopPrintsUnknownNotZeros() {
    StringWriter text = new StringWriter();
    StuckOutput.printCounts(REPORT, new PrintWriter(text, true));

    assertThat(text.toString())
        .contains(
            String.format("%-22s %9d %9d %9d %9d %9d %9d%n", "erp-adapter", 12, 0, 0, 1, 0, 0),
            String.format(
                "%-22s unknown: unreadable: logs-erp-confirmaton-* (no index)%n",
                "erp-confirmation"),
            "warning: 11 message(s) may have gone on at erp-confirmation, which cannot be read:"
                + " counted neither stuck nor left");
  }

  @Test
  void theJsonCarriesNullCountsAndTheUnreadablePatterns() throws IOException {
    StringWriter w = new StringWriter();
    StuckMessage failed =
        new StuckMessage(
            "ord-1", "erp-adapter", HopVerdict.ERROR, Instant.parse("2026-11-26T02:44:02.310Z"));
    new StuckOutput().writeJson(REPORT, List.of(failed), false, w);

    JsonNode root = new ObjectMapper().readTree(w.toString());
    JsonNode readable = root.path("hops").get(0);
    assertThat(readable.path("entered").asLong()).isEqualTo(12);
    assertThat(readable.path("unknown").asBoolean()).isFalse();
    assertThat(readable.path("blind")).isEmpty();
    JsonNode blind = root.path("hops").get(1);
    assertThat(blind.path("unknown").asBoolean()).isTrue();
    for (String count : List.of("entered", "left", "stuck", "failed", "deadLettered", "slow")) {
      assertThat(blind.path(count).isNull()).as(count).isTrue();
    }
    assertThat(blind.path("blind").get(0).toString())
        .isEqualTo(
            "{\"pattern\":\"logs-erp-confirmaton-*\",\"reason\":\"NO_INDEX\",\"detail\":\"no such index\"}");
    assertThat(root.path("messages").get(0).path("failedAt").asText()).isEqualTo("erp-adapter");
    assertThat(root.path("warnings").get(0).asText()).startsWith("11 message(s) may have gone on");
  }

  @Test
  void theEvidenceKeepsTheUnreadableHopUnknown() {
    StuckReport read = StuckReportJson.read(StuckReportJson.write(REPORT));

    assertThat(read.hops()).isEqualTo(REPORT.hops());
    assertThat(read.totals()).isEqualTo(REPORT.totals());
  }
}
