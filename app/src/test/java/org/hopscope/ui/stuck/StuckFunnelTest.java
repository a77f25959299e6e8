package org.hopscope.ui.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.hopscope.model.BlindSource;
import org.hopscope.model.HopCounts;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.look.VerdictLook;
import org.junit.jupiter.api.Test;

/**
 * The funnel of a window whose carrier hop could not be read: that hop says "unknown", never 0, is
 * never the most affected, and does not set the bars' scale. Runs in a real window (xvfb-run).
 */
class StuckFunnelTest {

  private static final Instant T = Instant.parse("2026-11-26T03:00:00Z");

  private static final List<HopCounts> HOPS =
      List.of(
          new HopCounts("order-service", 458, 450, 8, 0, 0, 3),
          new HopCounts(
              "carrier",
              0,
              0,
              0,
              0,
              0,
              0,
              List.of(
                  new BlindSource("logs-carrier-*", BlindSource.Reason.NO_INDEX, "no such index"))),
          new HopCounts("erp", 450, 450, 0, 0, 0, 0));

  @Test
  void anUnreadableHopSaysUnknownAndIsNeverTheMostAffected() {
    assertThat(StuckFunnel.unknown(HOPS.get(1)))
        .isEqualTo("unknown - unreadable: logs-carrier-* (no index matches)");
    assertThat(StuckFunnel.unknown(HOPS.get(0))).isNull();
    assertThat(StuckFunnel.worst(HOPS)).isZero();
    HopCounts blindButTroubled =
        new HopCounts(
            "x",
            900,
            0,
            900,
            0,
            0,
            0,
            List.of(new BlindSource("x-*", BlindSource.Reason.NO_PRIVILEGE, null)));
    assertThat(StuckFunnel.worst(List.of(HOPS.get(2), blindButTroubled))).isEqualTo(-1);

    StuckFunnel funnel =
        FxHarness.show(
            () -> {
              StuckFunnel f = new StuckFunnel();
              f.getStylesheets()
                  .addAll(
                      StuckView.class.getResource("stuck.css").toExternalForm(),
                      VerdictLook.STYLESHEET);
              f.show(
                  new StuckReport(
                      "orders",
                      new TimeWindow(T.minusSeconds(3600), T),
                      T,
                      HOPS,
                      new StuckReport.Totals(8, 0, 0, 3),
                      List.of()),
                  null);
              return f;
            },
            1200,
            300);
    Label unknown = FxHarness.onFx(() -> (Label) funnel.lookup("#funnel-1-unknown"));
    assertThat(FxHarness.onFx(unknown::getText))
        .isEqualTo("unknown - unreadable: logs-carrier-* (no index matches)");
    Node row = FxHarness.onFx(() -> funnel.lookup("#funnel-row-1"));
    assertThat(row.getStyleClass()).contains("funnel-row-unknown");
    for (String count : StuckFunnel.COUNTS) {
      assertThat(FxHarness.onFx(() -> funnel.lookup("#funnel-1-" + count)))
          .as("no %s number for the unreadable hop", count)
          .isNull();
      assertThat(FxHarness.onFx(() -> funnel.lookup("#funnel-0-" + count))).isNotNull();
    }
    assertThat(FxHarness.onFx(() -> row.lookup(".funnel-bar"))).isNull();
    assertThat(FxHarness.onFx(() -> funnel.lookup("#funnel-worst").getParent().getParent()))
        .isSameAs(FxHarness.onFx(() -> funnel.lookup("#funnel-row-0")));
    FxHarness.snapshot(
        funnel, java.nio.file.Path.of("target/screenshots/stuck-funnel-unknown.png"));
  }
}
