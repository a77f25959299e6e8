package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hopscope.model.BlindSource;
import org.hopscope.model.HopCounts;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckEstimate.Figure;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.junit.jupiter.api.Test;

/** {@code stuck}'s estimate stage: the labelled funnel first, and the opt-in JSON object. */
class StuckEstimateOutputTest {

  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-11-26T02:10:00Z"), Instant.parse("2026-11-26T03:00:00Z"));
  private static final String SAMPLE = "hash sample of 4/77 of the message IDs";
  private static final BlindSource MISSING =
      new BlindSource("logs-erp-confirmaton-*", BlindSource.Reason.NO_INDEX, "no such index");

  private static final StuckEstimate ESTIMATE =
      new StuckEstimate(
          "orders",
          WINDOW,
          WINDOW.to(),
          List.of(
              new StuckEstimate.HopEstimate(
                  "erp-adapter",
                  Figure.of(280_123, 1_450, SAMPLE),
                  Figure.of(270_000, 1_400, SAMPLE),
                  Figure.of(3_080, 620, SAMPLE),
                  Figure.unknown("the \u001b[31mlink\u001b[0m cannot be sampled"),
                  Figure.of(0, 0, "hop erp-adapter declares no dead-letter condition"),
                  List.of()),
              new StuckEstimate.HopEstimate(
                  "erp-confirmation",
                  Figure.unknown("every source of hop erp-confirmation cannot be read"),
                  Figure.unknown("every source of hop erp-confirmation cannot be read"),
                  Figure.unknown("every source of hop erp-confirmation cannot be read"),
                  Figure.unknown("every source of hop erp-confirmation cannot be read"),
                  Figure.unknown("every source of hop erp-confirmation cannot be read"),
                  List.of(MISSING))),
          List.of());

  @Test
  void theFunnelIsLabelledAnEstimateWithBoundsTimeAndWhyUnknown() {
    StringWriter text = new StringWriter();
    StuckEstimateOutput.print(ESTIMATE, Duration.ofMillis(2_340), new PrintWriter(text, true));

    assertThat(text.toString())
        .isEqualTo(
            "ESTIMATE in 2.3 s (a hash sample of the message IDs; ± = error bound; the exact figures follow)\n"
                + String.format(
                    "%-22s %17s %17s %17s %17s %17s%n",
                    "HOP", "~ENTERED", "~LEFT", "~STUCK", "~FAILED", "~DLQ")
                + String.format(
                    "%-22s %17s %17s %17s %17s %17s%n",
                    "erp-adapter",
                    "280,123 ± 1,450",
                    "270,000 ± 1,400",
                    "3,080 ± 620",
                    "unknown [1]",
                    "0")
                + String.format(
                    "%-22s unknown: unreadable: logs-erp-confirmaton-* (no index)%n",
                    "erp-confirmation")
                + "  [1] erp-adapter: the \\e[31mlink\\e[0m cannot be sampled\n"
                + "  ±: "
                + SAMPLE
                + "\n");
  }

  @Test
  void theJsonAddsTheEstimateObjectOnlyWhenAsked() throws IOException {
    StuckReport report =
        new StuckReport(
            "orders",
            WINDOW,
            WINDOW.to(),
            List.of(new HopCounts("erp-adapter", 12, 10, 2, 0, 0, 0)),
            new StuckReport.Totals(2, 0, 0, 0),
            List.of());
    StringWriter plain = new StringWriter();
    new StuckOutput().writeJson(report, null, null, List.of(), false, plain);
    assertThat(new ObjectMapper().readTree(plain.toString()).has("estimate")).isFalse();

    StringWriter w = new StringWriter();
    new StuckOutput()
        .writeJson(
            report,
            null,
            new StuckEstimateOutput.Timed(ESTIMATE, Duration.ofMillis(2_340)),
            List.of(),
            false,
            w);
    JsonNode json = new ObjectMapper().readTree(w.toString());
    JsonNode e = json.path("estimate");
    assertThat(e.path("asOf").asText()).isEqualTo("2026-11-26T03:00:00Z");
    assertThat(e.path("tookMillis").asLong()).isEqualTo(2_340);
    JsonNode erp = e.path("hops").get(0);
    assertThat(erp.path("name").asText()).isEqualTo("erp-adapter");
    assertThat(erp.path("entered").path("value").asLong()).isEqualTo(280_123);
    assertThat(erp.path("entered").path("bound").asLong()).isEqualTo(1_450);
    assertThat(erp.path("entered").path("known").asBoolean()).isTrue();
    assertThat(erp.path("entered").path("why").asText()).isEqualTo(SAMPLE);
    assertThat(erp.path("failed").path("value").isNull()).isTrue();
    assertThat(erp.path("failed").path("known").asBoolean()).isFalse();
    JsonNode conf = e.path("hops").get(1);
    assertThat(conf.path("stuck").path("value").isNull()).isTrue();
    assertThat(conf.path("blind").get(0).path("reason").asText()).isEqualTo("NO_INDEX");
    // the exact contract is unchanged beside it
    assertThat(json.path("hops").get(0).path("stuck").asLong()).isEqualTo(2);
  }
}
