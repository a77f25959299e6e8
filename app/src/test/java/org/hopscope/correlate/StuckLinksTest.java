package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hopscope.correlate.SettlementPath.at;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.IdLink.Cardinality;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.Test;

/**
 * The stuck analysis along a chain of a split (one-to-many) and a batch (many-to-one) link: counted
 * in messages, a split message judged by its worst part, a batch's outcome deciding its members'.
 */
class StuckLinksTest {

  private final InMemoryEventSource es = new InMemoryEventSource();
  private final List<StuckMessage> streamed = new ArrayList<>();

  /** Nine payments; the window is [100 s, 2000 s), as of 2000 s. */
  private void seed() {
    SettlementPath p = new SettlementPath(es);
    // p1: split in two postings, both in batch B1, acknowledged: OK
    p.api("p1", 100, 201).service("p1", 101, "A1", "A2").ledger("A1", 102).ledger("A2", 103);
    p.batcher("A1", "B1", 110).batcher("A2", "B1", 111).submitted("B1", 180);
    p.clearing("B1", 200, false);
    // p2: a 502, retried with a 201: recovered; in B1 too: OK
    p.api("p2", 120, 502).api("p2", 122, 201).service("p2", 123, "C1").ledger("C1", 124);
    p.batcher("C1", "B1", 130);
    // p3: 422, terminal: FAILED at api
    p.api("p3", 130, 422);
    // p4: three postings; D3 never reaches the ledger, D1 and D2's batch B2 is rejected: its worst
    // part is FAILED at clearing (D3 alone would be STUCK at service)
    p.api("p4", 140, 201).service("p4", 141, "D1", "D2", "D3").ledger("D1", 142);
    p.ledger("D2", 143).batcher("D1", "B2", 150).batcher("D2", "B2", 151);
    p.clearing("B2", 300, true);
    // p5: STUCK at the ledger
    p.api("p5", 160, 201).service("p5", 161, "E1").ledger("E1", 162);
    // p6: its batch B3 is never answered: STUCK at the batcher
    p.api("p6", 170, 201).service("p6", 171, "F1").ledger("F1", 172).batcher("F1", "B3", 180);
    // p7: in flight at the ledger
    p.api("p7", 1990, 201).service("p7", 1991, "G1").ledger("G1", 1992);
    // p8: a 50 s hand-over at api (SLA 10 s): SLOW
    p.api("p8", 200, 201).service("p8", 250, "H1").ledger("H1", 251).batcher("H1", "B4", 260);
    p.clearing("B4", 400, false);
    // p9: before the window, but in B1: counted at clearing only
    p.api("p9", 50, 201).service("p9", 51, "J1").ledger("J1", 52).batcher("J1", "B1", 60);
  }

  private StuckReport analyze(PathDef path) {
    return new StuckAnalyzer(es, new StuckOptions(3, Duration.ofMinutes(10), 10, Runnable::run))
        .analyze(
            path, new TimeWindow(at(100), at(2000)), at(2000), streamed::add, Cancellation.none());
  }

  private static final List<HopCounts> COUNTS =
      List.of(
          new HopCounts("api", 8, 7, 0, 1, 0, 1),
          new HopCounts("service", 7, 6, 0, 0, 0, 0),
          new HopCounts("ledger", 7, 5, 1, 0, 0, 0),
          new HopCounts("batcher", 5, 4, 1, 0, 0, 0),
          // five messages in three batches (B1 with three payments, B2, B4)
          new HopCounts("clearing", 5, 5, 0, 1, 0, 0));

  private static final List<StuckMessage> TROUBLE =
      List.of(
          new StuckMessage("p3", "api", HopVerdict.ERROR, at(130)),
          new StuckMessage("p4", "clearing", HopVerdict.ERROR, at(300)),
          new StuckMessage("p5", "ledger", HopVerdict.STUCK, at(162)),
          new StuckMessage("p6", "batcher", HopVerdict.STUCK, at(180)));

  @Test
  void aSplitAndABatchAreCountedInMessages() {
    seed();

    StuckReport r = analyze(SettlementPath.path(Cardinality.ONE_TO_MANY, Cardinality.MANY_TO_ONE));

    assertThat(r.hops()).isEqualTo(COUNTS);
    assertThat(r.totals()).isEqualTo(new StuckReport.Totals(2, 2, 0, 1));
    assertThat(streamed).isEqualTo(TROUBLE);
    assertThat(r.notices()).isEmpty();
    // api, service + its postings; ledger, batcher + its batches; clearing: one pass each
    assertThat(es.scans.get()).isEqualTo(14); // 7 scans, each in two slices
    assertThat(es.finds.get()).isZero();
    assertThat(es.maxPageSeen).isEqualTo(3);
  }

  @Test
  void undeclaredCardinalitiesGiveTheSameCountsAndSayWhatTheDataShow() {
    seed();

    StuckReport r = analyze(SettlementPath.path(null, null));

    assertThat(r.hops()).isEqualTo(COUNTS);
    assertThat(streamed).isEqualTo(TROUBLE);
    assertThat(r.notices())
        .containsExactly(
            new Notice.CardinalityDetected(
                "service", "ledger", "one-to-many", "p4 carries 3 values at service"),
            new Notice.CardinalityDetected(
                "batcher", "clearing", "many-to-one", "B1 is carried by several keys at batcher"));
  }

  @Test
  void aBatchAnsweredLaterDecidesEveryMember() {
    SettlementPath p = new SettlementPath(es);
    // two payments in batch B9, one part each; B9 is rejected: both fail at clearing, by their
    // own message IDs, never by the batch ID
    p.api("q1", 100, 201).service("q1", 101, "K1").ledger("K1", 102).batcher("K1", "B9", 110);
    p.api("q2", 105, 201).service("q2", 106, "L1").ledger("L1", 107).batcher("L1", "B9", 111);
    p.clearing("B9", 200, true);

    StuckReport r = analyze(SettlementPath.path(Cardinality.ONE_TO_MANY, Cardinality.MANY_TO_ONE));

    assertThat(r.hops().get(4)).isEqualTo(new HopCounts("clearing", 2, 2, 0, 2, 0, 0));
    assertThat(streamed)
        .containsExactly(
            new StuckMessage("q1", "clearing", HopVerdict.ERROR, at(200)),
            new StuckMessage("q2", "clearing", HopVerdict.ERROR, at(200)));
  }

  @Test
  void aSplitMessageLeftAHopOnlyWhenEveryPartThereReachedTheNext() {
    SettlementPath p = new SettlementPath(es);
    // r1: parts M1 and M2 at the ledger from 102 s; only M1 reaches the batcher: not left, and
    // STUCK at the ledger by M2 (entered the ledger at M1's earlier time)
    p.api("r1", 100, 201).service("r1", 101, "M1", "M2").ledger("M1", 102).ledger("M2", 103);
    p.batcher("M1", "B5", 110).clearing("B5", 200, false);

    StuckReport r = analyze(SettlementPath.path(Cardinality.ONE_TO_MANY, Cardinality.MANY_TO_ONE));

    assertThat(r.hops())
        .containsExactly(
            new HopCounts("api", 1, 1, 0, 0, 0, 0),
            new HopCounts("service", 1, 1, 0, 0, 0, 0),
            new HopCounts("ledger", 1, 0, 1, 0, 0, 0),
            new HopCounts("batcher", 1, 1, 0, 0, 0, 0),
            new HopCounts("clearing", 1, 1, 0, 0, 0, 0));
    assertThat(streamed)
        .containsExactly(new StuckMessage("r1", "ledger", HopVerdict.STUCK, at(103)));
  }

  @Test
  void idsAfterALinkThatNoMessageLeadsToAreNamedNotCounted() {
    SettlementPath p = new SettlementPath(es);
    p.api("s1", 100, 201).service("s1", 101, "N1").ledger("N1", 102);
    // a posting whose payment lies before the scanned range (lookback 10 min before 100 s)
    p.ledger("Z9", 150).batcher("Z9", "B7", 160);

    StuckReport r = analyze(SettlementPath.path(Cardinality.ONE_TO_MANY, Cardinality.MANY_TO_ONE));

    assertThat(r.hops().get(2)).isEqualTo(new HopCounts("ledger", 1, 0, 1, 0, 0, 0));
    assertThat(r.hops().get(3)).isEqualTo(new HopCounts("batcher", 0, 0, 0, 0, 0, 0));
    assertThat(r.notices()).containsExactly(new Notice.UnlinkedIds("ledger", 1, "Z9"));
  }
}
