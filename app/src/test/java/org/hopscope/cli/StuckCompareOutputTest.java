package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.hopscope.correlate.StuckComparer;
import org.hopscope.model.BlindSource;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.StuckBaseline;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.junit.jupiter.api.Test;

/** {@code stuck}'s list under a header, times to the millisecond, and the "what changed" parts. */
class StuckCompareOutputTest {

  private static final TimeWindow NOW =
      new TimeWindow(Instant.parse("2026-11-26T02:10:00Z"), Instant.parse("2026-11-26T03:00:00Z"));
  private static final TimeWindow BEFORE = StuckBaseline.PREVIOUS.of(NOW);
  private static final BlindSource MISSPELT =
      new BlindSource("logs-erp-confirmaton-*", BlindSource.Reason.NO_INDEX, "no such index");

  private static StuckReport report(TimeWindow w, HopCounts... hops) {
    return new StuckReport(
        "orders", w, w.to(), List.of(hops), new StuckReport.Totals(0, 0, 0, 0), List.of());
  }

  private static StuckComparison comparison() {
    return StuckComparer.compare(
        report(
            NOW,
            new HopCounts("fulfilment", 500, 40, 12, 0, 0, 0),
            new HopCounts("erp", 0, 0, 0, 0, 0, 0, List.of(MISSPELT))),
        StuckBaseline.PREVIOUS,
        BEFORE,
        report(
            BEFORE,
            new HopCounts("fulfilment", 500, 500, 0, 0, 0, 0),
            new HopCounts("erp", 500, 500, 0, 0, 0, 0)),
        null);
  }

  @Test
  void messagesAreListedUnderAHeaderToTheMillisecond() {
    StringWriter text = new StringWriter();
    StuckMessage m =
        new StuckMessage(
            "ord-1",
            "erp-adapter",
            HopVerdict.ERROR,
            Instant.parse("2026-11-26T02:44:02.310123456Z"));
    StuckOutput.printMessages(List.of(m), 3, true, 1, new PrintWriter(text, true));
    assertThat(text.toString())
        .isEqualTo(
            String.format(
                "3 stuck, failed or dead-lettered messages; the first 1 listed (raise --limit):%n"
                    + "%-14s %-22s %-23s  %s%n%-14s %-22s %-23s  %s%n",
                "VERDICT",
                "HOP",
                "LAST SEEN (UTC)",
                "MESSAGE ID",
                "FAILED",
                "erp-adapter",
                "2026-11-26 02:44:02.310",
                "ord-1"));
  }

  @Test
  void theTableMarksTheHopThatMovedMostAndSaysWhatIsUnknown() {
    StringWriter text = new StringWriter();
    StuckCompareOutput.print(comparison(), new PrintWriter(text, true));
    assertThat(text.toString())
        .isEqualTo(
            String.format(
                "What changed vs the previous 50 min (2026-11-26 01:20:00.000 .. 2026-11-26"
                    + " 02:10:00.000 UTC), per minute now and the change:%n"
                    + "fulfilment: stuck/min new vs the previous 50 min (0.0 \u2192 0.2)%n"
                    + "  %-22s %15s %15s %15s %15s %15s %15s%n"
                    + "* %-22s %15s %15s %15s %15s %15s %15s%n"
                    + "  %-22s unknown%n"
                    + "* moved most%n"
                    + "%s%n",
                "HOP",
                "ENTERED/MIN",
                "LEFT/MIN",
                "STUCK/MIN",
                "FAILED/MIN",
                "DLQ/MIN",
                "SLOW/MIN",
                "fulfilment",
                "10.0 0 %",
                "0.8 -92 %",
                "0.2 new",
                "0.0 0 %",
                "0.0 0 %",
                "0.0 0 %",
                "erp",
                StuckCompareOutput.NO_LATENCY));
  }

  @Test
  void theJsonCompareObjectIsAdditive() throws IOException {
    StringWriter w = new StringWriter();
    new StuckOutput().writeJson(report(NOW), comparison(), List.of(), false, w);
    JsonNode compare = new ObjectMapper().readTree(w.toString()).path("compare");
    assertThat(compare.path("baseline").asText()).isEqualTo("previous");
    assertThat(compare.path("from").asText()).isEqualTo("2026-11-26T01:20:00Z");
    assertThat(compare.path("minutes").asDouble()).isEqualTo(50.0);
    assertThat(compare.path("available").asBoolean()).isTrue();
    assertThat(compare.path("marked").asText()).isEqualTo("fulfilment");
    assertThat(compare.path("markedFigure").asText()).isEqualTo("stuck");
    assertThat(compare.path("latency").isNull()).isTrue();
    JsonNode left = compare.path("hops").get(0).path("figures").path("left");
    assertThat(left.toString())
        .isEqualTo(
            "{\"now\":40,\"before\":500,\"nowPerMinute\":0.8,\"beforePerMinute\":10.0,"
                + "\"change\":\"CHANGED\",\"percent\":-92.0}");
    JsonNode erp = compare.path("hops").get(1);
    assertThat(erp.path("change").asText()).isEqualTo("UNKNOWN");
    assertThat(erp.path("figures").path("entered").path("now").isNull()).isTrue();
    assertThat(erp.path("figures").path("entered").path("percent").isNull()).isTrue();

    StringWriter without = new StringWriter();
    new StuckOutput().writeJson(report(NOW), List.of(), false, without);
    assertThat(new ObjectMapper().readTree(without.toString()).has("compare")).isFalse();
  }
}
