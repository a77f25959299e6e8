package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hopscope.correlate.Docs.at;

import java.time.Instant;
import java.util.List;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.BlindSource;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.Test;

/** Flows on a path with retries, a terminal rejection, a split and a batch (shapes.yaml). */
class FlowShapesTest {

  private final InMemoryEventSource es = new InMemoryEventSource();
  private final ShapesPath shapes = new ShapesPath(new Docs(es));
  private final PathDef path = shapes.path;
  private final Instant asOf = at(3_600_000);

  private Flow flow(String id) {
    return flow(id, null, List.of());
  }

  private Flow flow(String id, TimeWindow window, List<BlindSource> blind) {
    return new FlowAssembler(es, null, FlowOptions.defaults())
        .assemble(path, id, window, asOf, blind, Cancellation.none());
  }

  @Test
  void undeclaredLinksAreDetectedFromTheDataAndSaidSo() {
    PathDef undeclared =
        new PathDefinitions()
            .parse(
                ShapesPath.text()
                    .replace("    cardinality: one-to-many\n", "")
                    .replace("    cardinality: many-to-one\n", ""),
                "undeclared.yaml");
    assertThat(undeclared.links()).allSatisfy(l -> assertThat(l.cardinality()).isNull());
    shapes.payment("pay:d", 0, List.of(201), "pst:d/1", "pst:d/2");
    shapes.posted("pst:d/1", 5_000, "B-8");
    shapes.posted("pst:d/2", 5_000, "B-8");
    shapes.payment("pay:e", 0, List.of(201), "pst:e/1");
    shapes.posted("pst:e/1", 5_000, "B-8");
    shapes.cleared("B-8", 60_000, "acknowledged");
    Flow f =
        new FlowAssembler(es, null, FlowOptions.defaults())
            .assemble(undeclared, "pay:d", null, asOf, List.of(), Cancellation.none());
    assertThat(f.verdict()).isEqualTo(HopVerdict.OK);
    assertThat(f.parts()).extracting(Flow.Part::id).containsExactly("pst:d/1", "pst:d/2");
    assertThat(f.ids()).doesNotContain("pay:e", "pst:e/1");
    assertThat(f.batches())
        .extracting(b -> b.id() + " " + b.members() + " " + b.others())
        .containsExactly("B-8 3 [pst:e/1]");
    assertThat(f.notices())
        .extracting(Notice::text)
        .contains(
            "ID link svc -> ledger declares no cardinality; the data show one-to-many (this"
                + " message carries several values at svc)",
            "ID link batcher -> clearing declares no cardinality; the data show many-to-one"
                + " (several messages carry the value this message carries at batcher)");
  }

  @Test
  void aRetriedRequestThatSucceededIsRecoveredNotAnError() {
    shapes.payment("pay:1/a", 0, List.of(502, 201), "pst:1/1");
    shapes.posted("pst:1/1", 5_000, "B-1");
    shapes.cleared("B-1", 60_000, "acknowledged");
    Flow f = flow("pay:1/a");
    assertThat(f.verdict()).isEqualTo(HopVerdict.OK);
    HopFlow api = f.hops().get(0);
    assertThat(api.verdict()).isEqualTo(HopVerdict.OK);
    assertThat(api.attempts()).isEqualTo(2);
    assertThat(api.failures()).isEqualTo(1);
    assertThat(api.recovered()).isTrue();
  }

  @Test
  void aTerminalRejectionEndsThePaymentWhateverFollows() {
    shapes.payment("pay:2", 0, List.of(422), "pst:2/1");
    Flow f = flow("pay:2");
    assertThat(f.verdict()).isEqualTo(HopVerdict.ERROR);
    assertThat(f.hops().get(0).verdict()).isEqualTo(HopVerdict.ERROR);
    assertThat(f.hops().get(0).recovered()).isFalse();
  }

  @Test
  void aSplitShowsEveryPartAndTheWorstPartDecides() {
    shapes.payment("pay:3", 0, List.of(201), "pst:3/1", "pst:3/2", "pst:3/3");
    shapes.posted("pst:3/1", 5_000, "B-1");
    shapes.posted("pst:3/2", 5_000, "B-1");
    shapes.posted("pst:3/3", 5_000, null); // never batched: stuck at the ledger
    shapes.cleared("B-1", 60_000, "acknowledged");
    Flow f = flow("pay:3");
    assertThat(f.parts())
        .extracting(
            p -> p.id() + " " + p.verdict() + " " + p.hop() + " " + p.reached() + " " + p.batch())
        .containsExactly(
            "pst:3/1 OK null clearing B-1",
            "pst:3/2 OK null clearing B-1",
            "pst:3/3 STUCK ledger ledger null");
    assertThat(f.verdict()).isEqualTo(HopVerdict.STUCK);
    assertThat(f.stuckAt()).isEqualTo("ledger");
    assertThat(f.hops())
        .extracting(h -> h.parts() == null ? "-" : h.parts().reached() + "/" + h.parts().total())
        .containsExactly("-", "-", "3/3", "2/3", "2/3");
    assertThat(f.batches())
        .extracting(b -> b.id() + " " + b.hop() + " " + b.members() + " " + b.others())
        .containsExactly("B-1 batcher 2 []");
  }

  @Test
  void aBatchSharesItsDownstreamEvidenceButNoSiblingEntersTheFlow() {
    shapes.payment("pay:4", 0, List.of(201), "pst:4/1");
    shapes.posted("pst:4/1", 5_000, "B-7");
    for (int i = 1; i <= 3; i++) {
      shapes.payment("pay:s" + i, 100, List.of(201), "pst:s" + i);
      shapes.posted("pst:s" + i, 5_000, "B-7");
    }
    // a sibling's own failed attempt at the api must not touch this payment
    shapes.log("api-1", 200, "pid", "pay:s1", "status", 503, "msg", "POST");
    shapes.cleared("B-7", 60_000, "acknowledged");
    Flow f = flow("pay:4");
    assertThat(f.verdict()).isEqualTo(HopVerdict.OK);
    assertThat(f.ids()).doesNotContain("pay:s1", "pst:s1", "pst:s2", "pst:s3");
    assertThat(f.hops().get(0).events()).hasSize(1);
    assertThat(f.hops().get(3).events()).hasSize(1);
    assertThat(f.hops().get(4).sharedBy()).containsExactly("B-7");
    assertThat(f.batches())
        .extracting(b -> b.id() + " " + b.members() + " " + b.others())
        .containsExactly("B-7 4 [pst:s1, pst:s2, pst:s3]");
    assertThat(f.notices()).noneMatch(n -> n instanceof Notice.EventsLeftOut);
  }

  @Test
  void aRejectedBatchIsEveryMembersError() {
    shapes.payment("pay:5", 0, List.of(201), "pst:5/1");
    shapes.posted("pst:5/1", 5_000, "B-9");
    shapes.cleared("B-9", 60_000, "rejected");
    Flow f = flow("pay:5");
    assertThat(f.verdict()).isEqualTo(HopVerdict.ERROR);
    assertThat(f.hops().get(4).verdict()).isEqualTo(HopVerdict.ERROR);
  }

  @Test
  void searchingForTheBatchShowsItsMembersEachWithItsVerdict() {
    shapes.payment("pay:6", 0, List.of(201), "pst:6/1");
    shapes.posted("pst:6/1", 5_000, "B-3");
    shapes.payment("pay:7", 0, List.of(201), "pst:7/1");
    shapes.posted("pst:7/1", 5_000, "B-3");
    shapes.cleared("B-3", 60_000, "acknowledged");
    Flow f = flow("B-3");
    assertThat(f.batches()).hasSize(1);
    Flow.Batch b = f.batches().get(0);
    assertThat(b.members()).isEqualTo(2);
    assertThat(b.verdicts())
        .extracting(m -> m.id() + " " + m.verdict())
        .containsExactly("pst:6/1 OK", "pst:7/1 OK");
    assertThat(f.hops().get(4).events()).hasSize(2);
  }

  @Test
  void theWholeJourneyIsFoundWhenItStartedBeforeTheWindow() {
    shapes.payment("pay:8", 0, List.of(201), "pst:8/1");
    shapes.posted("pst:8/1", 5_000, "B-4");
    shapes.cleared("B-4", 60_000, "acknowledged");
    Flow f = flow("B-4", new TimeWindow(at(30_000), at(120_000)), List.of());
    Flow g = flow("pay:8", new TimeWindow(at(50_000), at(120_000)), List.of());
    assertThat(g.verdict()).isEqualTo(HopVerdict.OK);
    assertThat(g.basis().before()).isEqualTo(5);
    assertThat(g.notices()).anyMatch(n -> n instanceof Notice.JourneyBeyondWindow);
    assertThat(f.hops().get(4).events()).hasSize(2);
  }

  @Test
  void anUnreadableHopIsUnknownAndNeverMakesThePaymentStuck() {
    shapes.payment("pay:9", 0, List.of(201), "pst:9/1");
    shapes.posted("pst:9/1", 5_000, "B-5");
    List<BlindSource> blind =
        List.of(new BlindSource("clearing-*", BlindSource.Reason.NO_INDEX, "no such index"));
    Flow f = flow("pay:9", null, blind);
    assertThat(f.verdict()).isEqualTo(HopVerdict.UNKNOWN);
    assertThat(f.stuckAt()).isNull();
    assertThat(f.hops().get(4).verdict()).isEqualTo(HopVerdict.UNKNOWN);
    assertThat(f.hops().get(4).blind()).containsExactlyElementsOf(blind);
    assertThat(f.notices())
        .extracting(Notice::text)
        .contains(
            "hop clearing: index pattern clearing-* cannot be read (no index matches it: no such"
                + " index); its events are unknown, not absent");
  }
}
