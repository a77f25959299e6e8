package org.hopscope.ui.flow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.BlindSource;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.model.TimeWindow;

/**
 * Hand-made flows with what the engine reports on real paths: a retry recovered, a host clock 4 s
 * behind, a hop that cannot be read, a split into three parts, a batch; and the batch searched by
 * its own ID.
 */
public final class FlowFixtures {

  /** When the journey starts. */
  public static final Instant T0 = Instant.parse("2026-11-26T02:30:00Z");

  /** The window the user chose: it starts after the journey did. */
  public static final TimeWindow WINDOW = new TimeWindow(T0.plusSeconds(1), T0.plusSeconds(3601));

  /** The range searched to show the whole journey. */
  public static final TimeWindow SEARCHED =
      new TimeWindow(T0.minusSeconds(3600 - 1), T0.plusSeconds(3601));

  public static final String BATCH = "B-00061";

  private FlowFixtures() {}

  static FlowEvent event(
      String hop,
      long ms,
      String level,
      String message,
      Integer attempt,
      boolean failure,
      String... ids) {
    return new FlowEvent(
        hop,
        T0.plusMillis(ms),
        "logs-" + hop,
        hop + "-" + ms,
        level,
        message,
        "trace-4711",
        null,
        hop,
        attempt,
        failure,
        false,
        List.of(ids),
        Map.of("ms", ms));
  }

  static HopFlow hop(
      String name,
      HopVerdict v,
      int attempts,
      Long latency,
      List<FlowEvent> events,
      int failures,
      boolean recovered,
      long skewMs,
      HopFlow.PartProgress parts,
      List<String> sharedBy,
      List<BlindSource> blind) {
    Instant first = events.isEmpty() ? null : events.get(0).timestamp();
    Instant last = events.isEmpty() ? null : events.get(events.size() - 1).timestamp();
    return new HopFlow(
        name, v, attempts, first, last, latency, events, failures, recovered, skewMs, parts,
        sharedBy, blind);
  }

  /**
   * ord-4711: api-gateway OK; order-service OK, recovered after 1 failure (a 502, then 201);
   * payment-service's clock 4.0 s behind (stored 02:29:57.900, shown 02:30:01.900); warehouse
   * splits it into SHP-1..3 and SHP-3 is stuck there; settlement batches SHP-1 and SHP-2 into
   * B-00061 with 24 other messages; carrier cannot be read (logs-carrier-*: no index matches).
   */
  public static Flow journey() {
    List<HopFlow> hops = new ArrayList<>();
    hops.add(
        hop(
            "api-gateway",
            HopVerdict.OK,
            1,
            120L,
            List.of(event("api-gateway", 0, "INFO", "POST /orders 202", null, false, "ord-4711")),
            0,
            false,
            0,
            null,
            List.of(),
            List.of()));
    hops.add(
        hop(
            "order-service",
            HopVerdict.OK,
            2,
            1_780L,
            List.of(
                event(
                    "order-service",
                    120,
                    "ERROR",
                    "POST /payments -> 502 Bad Gateway",
                    1,
                    true,
                    "ord-4711"),
                event(
                    "order-service",
                    1_400,
                    "INFO",
                    "POST /payments -> 201 Created",
                    2,
                    false,
                    "ord-4711")),
            1,
            true,
            0,
            null,
            List.of(),
            List.of()));
    hops.add(
        hop(
            "payment-service",
            HopVerdict.OK,
            1,
            1_100L,
            List.of(
                event(
                    "payment-service",
                    -2_100,
                    "INFO",
                    "payment authorised",
                    null,
                    false,
                    "ord-4711",
                    "PAY-88"),
                event(
                    "payment-service",
                    -1_900,
                    "INFO",
                    "payment captured",
                    null,
                    false,
                    "ord-4711",
                    "PAY-88")),
            0,
            false,
            4_000,
            null,
            List.of(),
            List.of()));
    hops.add(
        hop(
            "warehouse",
            HopVerdict.STUCK,
            1,
            57_000L,
            List.of(
                event(
                    "warehouse",
                    3_000,
                    "INFO",
                    "order split into 3 shipments",
                    null,
                    false,
                    "ord-4711",
                    "SHP-1",
                    "SHP-2",
                    "SHP-3"),
                event("warehouse", 3_200, "INFO", "SHP-1 picked", null, false, "SHP-1"),
                event("warehouse", 3_300, "INFO", "SHP-2 picked", null, false, "SHP-2")),
            0,
            false,
            0,
            new HopFlow.PartProgress(3, 3),
            List.of(),
            List.of()));
    hops.add(
        hop(
            "settlement",
            HopVerdict.OK,
            1,
            null,
            List.of(
                event(
                    "settlement",
                    60_000,
                    "INFO",
                    "batch B-00061 settled (25 shipments)",
                    null,
                    false,
                    BATCH)),
            0,
            false,
            0,
            new HopFlow.PartProgress(2, 3),
            List.of(BATCH),
            List.of()));
    hops.add(
        hop(
            "carrier",
            HopVerdict.UNKNOWN,
            0,
            null,
            List.of(),
            0,
            false,
            0,
            null,
            List.of(),
            List.of(
                new BlindSource(
                    "logs-carrier-*",
                    BlindSource.Reason.NO_INDEX,
                    "no such index [logs-carrier-*]"))));
    List<String> others = new ArrayList<>();
    for (int i = 0; i < Flow.Batch.SAMPLE; i++) {
      others.add(String.format("SHP-%d", 900 + i));
    }
    return new Flow(
        "orders-split",
        "ord-4711",
        List.of("ord-4711", "PAY-88", "SHP-1", "SHP-2", "SHP-3"),
        HopVerdict.STUCK,
        "warehouse",
        hops,
        List.of(),
        List.of(
            new Notice.ClockSkew("order-service", "payment-service", 2_220),
            new Notice.IdLimitReached(2, "SHP-77", 50)),
        new Flow.Basis(WINDOW, SEARCHED, WINDOW.to(), 3, 0),
        List.of(
            new Flow.Part("SHP-1", HopVerdict.UNKNOWN, "carrier", "settlement", BATCH),
            new Flow.Part("SHP-2", HopVerdict.UNKNOWN, "carrier", "settlement", BATCH),
            new Flow.Part("SHP-3", HopVerdict.STUCK, "warehouse", "warehouse", null)),
        List.of(new Flow.Batch(BATCH, "settlement", 25, others, List.of())));
  }

  /** B-00061 searched by its own ID: its 25 members with their verdicts, 2 of them stuck. */
  public static Flow batch() {
    List<Flow.Member> members = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      boolean stuck = i == 3 || i == 17;
      members.add(
          new Flow.Member(
              String.format("SHP-%d", 900 + i),
              stuck ? HopVerdict.STUCK : HopVerdict.OK,
              stuck ? "carrier" : null));
    }
    HopFlow settlement =
        hop(
            "settlement",
            HopVerdict.OK,
            1,
            null,
            List.of(
                event(
                    "settlement",
                    60_000,
                    "INFO",
                    "batch B-00061 settled (25 shipments)",
                    null,
                    false,
                    BATCH)),
            0,
            false,
            0,
            null,
            List.of(BATCH),
            List.of());
    return new Flow(
        "orders-split",
        BATCH,
        List.of(BATCH),
        HopVerdict.STUCK,
        "carrier",
        List.of(settlement),
        List.of(),
        List.of(),
        new Flow.Basis(WINDOW, WINDOW, WINDOW.to(), 0, 0),
        List.of(),
        List.of(new Flow.Batch(BATCH, "settlement", 25, List.of(), members)));
  }
}
