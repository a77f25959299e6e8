package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hopscope.correlate.SettlementPath.at;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.BlindSource;
import org.hopscope.model.Condition;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.IdLink.Cardinality;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.Test;

/**
 * Unreadable index patterns: a hop whose patterns are all unreadable is not scanned, its counts are
 * unknown, and no message is called stuck before it; a partly unreadable hop is named.
 */
class StuckBlindTest {

  private static final BlindSource NO_CLEARING =
      new BlindSource(
          SettlementPath.CLEARING, BlindSource.Reason.NO_INDEX, "no such index [clearing-logs]");

  private final InMemoryEventSource es = new InMemoryEventSource();
  private final List<StuckMessage> streamed = new ArrayList<>();

  private StuckReport analyze(PathDef path, Map<String, BlindSource> blind) {
    return new StuckAnalyzer(es, new StuckOptions(3, Duration.ofMinutes(10), 10, Runnable::run))
        .analyze(
            path,
            new TimeWindow(at(100), at(2000)),
            at(2000),
            blind,
            streamed::add,
            Cancellation.none());
  }

  private void settlement() {
    SettlementPath p = new SettlementPath(es);
    p.api("p1", 100, 201).service("p1", 101, "A1").ledger("A1", 102).batcher("A1", "B1", 110);
    p.clearing("B1", 200, true); // unreadable: the rejection is not seen
    p.api("p3", 130, 422); // FAILED at api whatever comes after
    p.api("p5", 160, 201).service("p5", 161, "E1").ledger("E1", 162); // was STUCK at the ledger
    p.api("p7", 1990, 201).service("p7", 1991, "G1").ledger("G1", 1992);
  }

  @Test
  void anUnreadableHopHasUnknownCountsAndNoMessageIsStuckBeforeIt() {
    settlement();

    StuckReport r =
        analyze(
            SettlementPath.path(Cardinality.ONE_TO_MANY, Cardinality.MANY_TO_ONE),
            Map.of(SettlementPath.CLEARING, NO_CLEARING));

    assertThat(r.hops())
        .containsExactly(
            new HopCounts("api", 4, 3, 0, 1, 0, 0),
            new HopCounts("service", 3, 3, 0, 0, 0, 0),
            new HopCounts("ledger", 3, 1, 0, 0, 0, 0),
            new HopCounts("batcher", 1, 0, 0, 0, 0, 0),
            new HopCounts("clearing", 0, 0, 0, 0, 0, 0, List.of(NO_CLEARING)));
    assertThat(streamed).containsExactly(new StuckMessage("p3", "api", HopVerdict.ERROR, at(130)));
    assertThat(r.notices()).containsExactly(new Notice.FateUnknown("clearing", 3));
    assertThat(es.scans.get()).isEqualTo(12); // 6 in two slices; nothing of the clearing index
  }

  @Test
  void aLinkWhoseFromHopIsUnreadableLeavesTheHopsAfterItsTargetUnknown() {
    settlement();
    BlindSource noBatcher =
        new BlindSource(SettlementPath.BATCHER, BlindSource.Reason.NO_PRIVILEGE, "403");

    StuckReport r =
        analyze(
            SettlementPath.path(Cardinality.ONE_TO_MANY, Cardinality.MANY_TO_ONE),
            Map.of(SettlementPath.BATCHER, noBatcher));

    assertThat(r.hops().subList(2, 5))
        .containsExactly(
            new HopCounts("ledger", 3, 0, 0, 0, 0, 0),
            new HopCounts("batcher", 0, 0, 0, 0, 0, 0, List.of(noBatcher)),
            new HopCounts("clearing", 0, 0, 0, 0, 0, 0, List.of(noBatcher)));
    assertThat(streamed).containsExactly(new StuckMessage("p3", "api", HopVerdict.ERROR, at(130)));
    assertThat(r.notices())
        .containsExactly(
            new Notice.LinkNotFollowed(
                "batcher",
                "clearing",
                "its from hop cannot be read, so the counts from clearing on are unknown"),
            new Notice.FateUnknown("batcher", 3));
  }

  @Test
  void anUnreadableFirstLinkLeavesEveryHopAfterItUnknownWithOneNotice() {
    settlement();
    BlindSource noService =
        new BlindSource(SettlementPath.SERVICE, BlindSource.Reason.NO_PRIVILEGE, "403");

    StuckReport r =
        analyze(
            SettlementPath.path(Cardinality.ONE_TO_MANY, Cardinality.MANY_TO_ONE),
            Map.of(SettlementPath.SERVICE, noService));

    assertThat(r.hops().get(0)).isEqualTo(new HopCounts("api", 4, 0, 0, 1, 0, 0));
    assertThat(r.hops().subList(1, 5))
        .extracting(HopCounts::blind)
        .containsOnly(List.of(noService));
    assertThat(r.notices())
        .containsExactly(
            new Notice.LinkNotFollowed(
                "service",
                "ledger",
                "its from hop cannot be read, so the counts from ledger on are unknown"),
            new Notice.FateUnknown("service", 3));
    assertThat(es.scans.get()).isEqualTo(2); // one scan: look-back and window
  }

  @Test
  void aPartlyUnreadableHopIsCountedFromItsOtherSourcesAndNamed() {
    settlement();
    BlindSource audit = new BlindSource("ledger-audit-*", BlindSource.Reason.UNAVAILABLE, "red");

    StuckReport r =
        analyze(
            SettlementPath.path(Cardinality.ONE_TO_MANY, Cardinality.MANY_TO_ONE, "ledger-audit-*"),
            Map.of("ledger-audit-*", audit));

    assertThat(r.hops().get(2)).isEqualTo(new HopCounts("ledger", 3, 1, 1, 0, 0, 0));
    assertThat(r.hops().get(4)).isEqualTo(new HopCounts("clearing", 1, 1, 0, 1, 0, 0));
    assertThat(r.notices()).containsExactly(new Notice.SourceUnreadable("ledger", audit));
    assertThat(streamed)
        .containsExactly(
            new StuckMessage("p1", "clearing", HopVerdict.ERROR, at(200)),
            new StuckMessage("p3", "api", HopVerdict.ERROR, at(130)),
            new StuckMessage("p5", "ledger", HopVerdict.STUCK, at(162)));
  }

  @Test
  void withoutLinksAnUnreadableLastHopMakesNoMessageStuck() {
    PathDef path =
        new PathDef(
            "p",
            "",
            List.of(
                new Hop(
                    "in", "", "in", List.of(source("a-logs")), Duration.ofSeconds(10), List.of()),
                new Hop("out", "", "out", List.of(source("b-logs")), null, List.of())),
            List.of(),
            null);
    es.add("a-logs", "1", Docs.map("msg", "m-a", "ts", 100_000L)); // was STUCK at "in"
    es.add("a-logs", "2", Docs.map("msg", "m-b", "ts", 101_000L, "level", "ERROR"));
    BlindSource out = new BlindSource("b-logs", BlindSource.Reason.NO_INDEX, "");

    StuckReport r =
        new StuckAnalyzer(es, new StuckOptions(10, Duration.ofSeconds(30), 10, Runnable::run))
            .analyze(
                path,
                new TimeWindow(Instant.ofEpochMilli(90_000), Instant.ofEpochMilli(200_000)),
                Instant.ofEpochMilli(200_000),
                Map.of("b-logs", out),
                streamed::add,
                Cancellation.none());

    assertThat(r.hops())
        .containsExactly(
            new HopCounts("in", 2, 0, 0, 1, 0, 0),
            new HopCounts("out", 0, 0, 0, 0, 0, 0, List.of(out)));
    assertThat(streamed)
        .containsExactly(
            new StuckMessage("m-b", "in", HopVerdict.ERROR, Instant.ofEpochMilli(101_000)));
    assertThat(r.notices()).containsExactly(new Notice.FateUnknown("out", 1));
    assertThat(es.scans.get()).isEqualTo(2); // one scan: look-back and window
  }

  private static EventSourceDef source(String index) {
    Condition error = new Condition(FieldPath.parse("level"), Condition.Op.IN, List.of("ERROR"));
    return new EventSourceDef(
        index,
        EventSourceDef.Kind.LOG,
        new FieldMap(
            FieldPath.parse("ts"),
            TimestampFormat.EPOCH_MILLIS,
            List.of(FieldPath.parse("msg")),
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(error),
            List.of(),
            List.of()));
  }
}
