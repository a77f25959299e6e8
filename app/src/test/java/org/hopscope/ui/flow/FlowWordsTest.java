package org.hopscope.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hopscope.model.BlindSource;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.flow.FlowSummary.Kind;
import org.hopscope.ui.flow.FlowSummary.Line;
import org.junit.jupiter.api.Test;

/**
 * What the flow view says about skew, recovered retries, unreadable hops, splits, batches and
 * evidence beyond the window, on hand-made flows ({@link FlowFixtures}).
 */
class FlowWordsTest {

  private final Flow journey = FlowFixtures.journey();

  private HopFlow hop(Flow f, String name) {
    return f.hops().stream().filter(h -> h.hop().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void clockSkewIsShownOnTheEdgeTheCardAndCorrectedInEveryTime() {
    assertThat(SkewWords.edge(journey, 0)).isNull();
    assertThat(SkewWords.edge(journey, 1)).isEqualTo("clock skew ~4.0 s corrected");
    assertThat(SkewWords.lines(SkewWords.edge(journey, 1)))
        .isEqualTo("clock skew\n~4.0 s\ncorrected");
    assertThat(SkewWords.edgeTip(journey, 1))
        .isEqualTo(
            "Stored times of payment-service run 4.0 s behind order-service. Times and the"
                + " latency are shown corrected (payment-service +4.0 s).");
    // back to the reference clock on the next edge: the same skew, the other way
    assertThat(SkewWords.edge(journey, 2)).isEqualTo("clock skew ~4.0 s corrected");
    assertThat(SkewWords.edgeTip(journey, 2))
        .isEqualTo(
            "Stored times of payment-service run 4.0 s behind warehouse. Times and the latency"
                + " are shown corrected (payment-service +4.0 s).");
    HopFlow payment = hop(journey, "payment-service");
    assertThat(SkewWords.hopLine(payment)).isEqualTo("clock +4.0 s corrected");
    assertThat(SkewWords.hopTip(journey, payment))
        .isEqualTo(
            "Stored times of payment-service run 4.0 s behind order-service; times shown"
                + " corrected by +4.0 s.");
    assertThat(HopCard.tip(journey, payment)).isEqualTo(SkewWords.hopTip(journey, payment));
    assertThat(HopCard.firstShown(payment)).isEqualTo("02:30:01.900");
    assertThat(SkewWords.hopLine(hop(journey, "order-service"))).isNull();

    EventTimes times = EventTimes.of(journey);
    assertThat(times.corrected()).isTrue();
    FlowEvent authorised = payment.events().get(0);
    assertThat(authorised.timestamp()).isEqualTo(FlowFixtures.T0.minusMillis(2_100));
    assertThat(times.shown(authorised)).isEqualTo(FlowFixtures.T0.plusMillis(1_900));
    assertThat(EventColumns.stored(times, authorised)).isEqualTo(authorised.timestamp());
    assertThat(EventColumns.stored(times, journey.hops().get(0).events().get(0))).isNull();
    // the table orders by the corrected time: payment after order-service's retry, not first
    assertThat(EventFilter.rows(journey).stream().map(e -> e.hop() + " " + e.message()))
        .containsExactly(
            "api-gateway POST /orders 202",
            "order-service POST /payments -> 502 Bad Gateway",
            "order-service POST /payments -> 201 Created",
            "payment-service payment authorised",
            "payment-service payment captured",
            "warehouse order split into 3 shipments",
            "warehouse SHP-1 picked",
            "warehouse SHP-2 picked",
            "settlement batch B-00061 settled (25 shipments)");
    // the timeline draws the lane at corrected times and says so in the gutter
    LaneIndex lane = LaneIndex.of(payment);
    assertThat(lane.time(0)).isEqualTo(FlowFixtures.T0.plusMillis(1_900).toEpochMilli());
    assertThat(lane.indexOf(authorised)).isZero();
    assertThat(TimelinePainter.laneFacts(lane)).isEqualTo("2 events · clock +4.0 s");
    assertThat(TimelinePainter.laneFacts(LaneIndex.of(hop(journey, "carrier"))))
        .isEqualTo("unreadable: events unknown");
    assertThat(EventTimes.of(FlowFixtures.batch()).corrected()).isFalse();
  }

  @Test
  void skewTheEngineOnlyReportedIsShownAsZeroInWords() {
    Flow f =
        new Flow(
            "orders",
            "ord-1",
            List.of("ord-1"),
            HopVerdict.OK,
            null,
            List.of(
                FlowLogicTest.hop("a", HopVerdict.OK, FlowLogicTest.event("a", 10, null, false)),
                FlowLogicTest.hop("b", HopVerdict.OK, FlowLogicTest.event("b", 5, null, false))),
            List.of(),
            List.of(new Notice.ClockSkew("a", "b", 5)));
    assertThat(SkewWords.edge(f, 0)).isEqualTo("clock skew ~5 ms: shown as 0");
    assertThat(SkewWords.lines(SkewWords.edge(f, 0))).isEqualTo("clock skew\n~5 ms\nshown as 0");
    String words =
        "b was first seen 5 ms before a: their clocks disagree. The latency a → b is shown as 0;"
            + " times are as stored.";
    assertThat(SkewWords.edgeTip(f, 0)).isEqualTo(words);
    assertThat(SkewWords.hopTip(f, f.hops().get(1))).isEqualTo(words);
    assertThat(FlowSummary.of(f)).containsExactly(new Line(Kind.WARNING, "Clock skew: " + words));
  }

  @Test
  void aRecoveredRetryIsOkWithItsFailuresCounted() {
    HopFlow order = hop(journey, "order-service");
    assertThat(order.verdict()).isEqualTo(HopVerdict.OK);
    assertThat(HopWords.failureLine(order)).isEqualTo("recovered after 1 failure");
    HopFlow twice =
        FlowFixtures.hop(
            "x", HopVerdict.OK, 3, null, List.of(), 2, true, 0, null, List.of(), List.of());
    assertThat(HopWords.failureLine(twice)).isEqualTo("recovered after 2 failures");
    HopFlow failed =
        FlowFixtures.hop(
            "x", HopVerdict.ERROR, 1, null, List.of(), 1, false, 0, null, List.of(), List.of());
    assertThat(HopWords.failureLine(failed)).isEqualTo("1 failure");
    assertThat(HopWords.failureLine(hop(journey, "api-gateway"))).isNull();
  }

  @Test
  void anUnreadableHopIsUnknownNamedWithItsPatternAndReason() {
    HopFlow carrier = hop(journey, "carrier");
    assertThat(HopWords.blindLine(carrier))
        .isEqualTo("Unreadable: logs-carrier-* (no index matches)");
    assertThat(HopWords.facts(journey, carrier)).isEqualTo("events unknown");
    assertThat(HopCard.tip(journey, carrier))
        .isEqualTo(
            "Could not be read:\nlogs-carrier-*: no index matches (no such index [logs-carrier-*])");
    HopFlow partly =
        FlowFixtures.hop(
            "order-service",
            HopVerdict.OK,
            1,
            null,
            List.of(),
            0,
            false,
            0,
            null,
            List.of(),
            List.of(new BlindSource("audit-*", BlindSource.Reason.NO_PRIVILEGE, null)));
    assertThat(HopWords.blindLine(partly)).isEqualTo("Not read: audit-* (no privilege)");

    Flow unknown =
        new Flow(
            "orders",
            "ord-2",
            List.of("ord-2"),
            HopVerdict.UNKNOWN,
            null,
            List.of(journey.hops().get(0), carrier, partly),
            List.of(),
            List.of());
    assertThat(FlowSummary.of(unknown))
        .containsExactly(
            new Line(
                Kind.WARNING,
                "carrier could not be read: logs-carrier-* (no index matches). The verdict is"
                    + " UNKNOWN because of it: the message may have passed carrier."),
            new Line(
                Kind.WARNING,
                "order-service: audit-* (no privilege) could not be read; its other sources"
                    + " were."));
  }

  @Test
  void aSplitShowsEachHopsPartsAndTheWorstPart() {
    assertThat(HopWords.parts(hop(journey, "warehouse"))).isEqualTo("3 of 3 parts");
    assertThat(HopWords.facts(journey, hop(journey, "settlement")))
        .isEqualTo("2 of 3 parts · 1 event");
    assertThat(HopWords.parts(hop(journey, "carrier"))).isNull();
    assertThat(PartBatchWords.partsTitle(journey.parts())).isEqualTo("Parts (3 · 3 not OK)");
    assertThat(
            PartBatchWords.partsTitle(
                List.of(
                    new Flow.Part("P1", HopVerdict.OK, null, "c", null),
                    new Flow.Part("P2", HopVerdict.STUCK, "b", "b", null))))
        .isEqualTo("Parts (2 · 1 stuck)");
    assertThat(
            PartBatchWords.partsTitle(List.of(new Flow.Part("P1", HopVerdict.OK, null, "c", null))))
        .isEqualTo("Parts (1)");
  }

  @Test
  void sharedEvidenceNamesTheBatchAndASearchForTheBatchListsItsMembers() {
    assertThat(HopWords.shared(journey, hop(journey, "settlement")))
        .isEqualTo("in batch B-00061 with 24 other messages");
    assertThat(HopWords.shared(journey, hop(journey, "warehouse"))).isNull();
    Flow.Batch sample = journey.batches().get(0);
    assertThat(PartBatchWords.title(sample)).isEqualTo("Batch B-00061 (25)");
    assertThat(PartBatchWords.heading(journey, sample))
        .isEqualTo(
            "Batch B-00061 of 25 messages, batched at settlement. This message shares its"
                + " evidence with 24 other messages (20 listed). Search the batch for each"
                + " member's verdict.");
    assertThat(PartBatchWords.rows(sample))
        .hasSize(20)
        .first()
        .isEqualTo(new PartBatchWords.Member("SHP-900", null, null));

    Flow batch = FlowFixtures.batch();
    Flow.Batch searched = batch.batches().get(0);
    assertThat(HopWords.shared(batch, batch.hops().get(0))).isEqualTo("batch of 25 messages");
    assertThat(PartBatchWords.heading(batch, searched))
        .isEqualTo("Batch B-00061 of 25 messages, batched at settlement: 23 OK, 2 stuck.");
    assertThat(PartBatchWords.rows(searched)).hasSize(25);
    assertThat(PartBatchWords.rows(searched).get(3))
        .isEqualTo(new PartBatchWords.Member("SHP-903", HopVerdict.STUCK, "carrier"));
    assertThat(FlowSummary.of(batch))
        .containsExactly(
            new Line(
                Kind.INFO,
                "Batch B-00061 of 25 messages (batched at settlement): 23 OK, 2 stuck. See"
                    + " Batch."));
  }

  @Test
  void theBannerSaysEverythingTheAnswerRestsOnWarningsFirst() {
    assertThat(FlowSummary.of(journey))
        .containsExactly(
            new Line(
                Kind.WARNING,
                "carrier could not be read: logs-carrier-* (no index matches); its verdict is"
                    + " UNKNOWN."),
            new Line(
                Kind.WARNING,
                "Clock skew: stored times of payment-service run 4.0 s behind order-service;"
                    + " times shown corrected by +4.0 s."),
            new Line(
                Kind.WARNING,
                "ID limit reached: 2 value(s) not followed, e.g. SHP-77; raise maxIds (now 50) to"
                    + " follow them"),
            new Line(
                Kind.INFO,
                "Found 3 events before the window: searched 2026-11-26 01:30 – 03:30 UTC to show"
                    + " the whole journey."),
            new Line(
                Kind.INFO,
                "Split into 3 parts: 1 stuck, 2 unknown (worst: SHP-3, stuck at warehouse); the"
                    + " message's verdict is the worst part's. See Parts."),
            new Line(
                Kind.INFO,
                "Travelled in batch B-00061 with 24 other messages (batched at settlement): the"
                    + " hops after it show the batch's evidence, shared with them."));
  }

  @Test
  void evidenceAfterTheWindowAndBothSidesAreCounted() {
    TimeWindow w = FlowFixtures.WINDOW;
    Flow after = journey.withNotices(List.of());
    Flow both =
        new Flow(
            after.path(),
            after.query(),
            after.ids(),
            after.verdict(),
            after.stuckAt(),
            List.of(),
            List.of(),
            List.of(),
            new Flow.Basis(w, null, w.to(), 1, 2),
            List.of(),
            List.of());
    assertThat(FlowSummary.of(both))
        .containsExactly(
            new Line(Kind.INFO, "Found 1 event before the window and 2 events after it."));
    Flow none =
        new Flow(
            "orders",
            "x",
            List.of("x"),
            HopVerdict.OK,
            null,
            List.of(),
            List.of(),
            List.of(),
            new Flow.Basis(w, w, w.to(), 0, 0),
            List.of(),
            List.of());
    assertThat(FlowSummary.of(none)).isEmpty();
  }

  @Test
  void anEmptyResultOffersOnlyLongerWindows() {
    TimeWindow hour = TimeWindow.ending(FlowFixtures.T0, Duration.ofHours(1));
    assertThat(FlowEmptyState.offers(hour).stream().map(FlowEmptyState.Offer::label))
        .containsExactly("Search the last 24 h", "Search the last 7 days");
    TimeWindow day = TimeWindow.ending(FlowFixtures.T0, Duration.ofHours(24));
    assertThat(FlowEmptyState.offers(day).stream().map(FlowEmptyState.Offer::length))
        .containsExactly(Duration.ofDays(7));
    assertThat(FlowEmptyState.offers(TimeWindow.ending(FlowFixtures.T0, Duration.ofDays(7))))
        .isEmpty();
    assertThat(FlowEmptyState.offers(null)).isEmpty();
  }
}
