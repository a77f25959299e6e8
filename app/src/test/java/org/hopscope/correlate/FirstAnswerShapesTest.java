package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hopscope.correlate.Docs.at;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.Test;

/** The first answer on a path that splits a payment into postings and batches them. */
class FirstAnswerShapesTest {

  private final InMemoryEventSource es = new InMemoryEventSource();
  private final ShapesPath shapes = new ShapesPath(new Docs(es));
  private final Instant asOf = at(3_600_000);

  private Flow flow(String id, List<Flow> early) {
    return new FlowAssembler(new FirstPagesEventSource(es, 2), null, FlowOptions.defaults())
        .assemble(
            shapes.path, id, null, asOf, Cancellation.none(), early == null ? null : early::add);
  }

  private static List<Integer> eventsPerHop(Flow flow) {
    return flow.hops().stream().map(h -> h.events().size()).toList();
  }

  /** The texts of a first answer's "still reading" notices. */
  private static List<String> stillReading(Flow flow) {
    return flow.stillReading().stream().map(Notice::text).toList();
  }

  /** pay:3 retried twice at the api, split into three postings, two of them batched in B-1. */
  private void splitAndBatched() {
    shapes.payment("pay:3", 0, List.of(502, 502, 201), "pst:3/1", "pst:3/2", "pst:3/3");
    shapes.posted("pst:3/1", 5_000, "B-1");
    shapes.posted("pst:3/2", 5_000, "B-1");
    shapes.posted("pst:3/3", 5_000, null); // never batched: stuck at the ledger
    shapes.cleared("B-1", 60_000, "acknowledged");
  }

  @Test
  void eachRoundOfASplitBatchedPaymentIsFirstShownUnjudgedWithoutBatches() {
    splitAndBatched();
    List<Flow> early = new ArrayList<>();
    flow("pay:3", early);

    assertThat(early).hasSize(2); // the round by payment ID, then the one by posting IDs
    for (Flow first : early) {
      assertThat(first.verdict()).isEqualTo(HopVerdict.UNKNOWN);
      assertThat(first.stuckAt()).isNull();
      assertThat(first.hops()).extracting(HopFlow::verdict).containsOnly(HopVerdict.UNKNOWN);
      assertThat(first.hops()).extracting(HopFlow::latencyMs).containsOnlyNulls();
      assertThat(first.batches()).isEmpty();
    }
    // round 1's first pages: 2 of the api's 3 events, 2 of the service's 4
    assertThat(eventsPerHop(early.get(0))).containsExactly(2, 2, 0, 0, 0);
    assertThat(stillReading(early.get(0)))
        .containsExactly(
            "api: 2 of 3 events in api-* read so far; no verdict until all are read",
            "svc: 2 of 4 events in svc-* read so far; no verdict until all are read");
    // round 2 (by the three posting IDs): round 1 whole, 2 of the ledger's 3, the batcher's 2
    assertThat(eventsPerHop(early.get(1))).containsExactly(3, 4, 2, 2, 0);
    assertThat(stillReading(early.get(1)))
        .containsExactly(
            "svc: 2 of 3 events in svc-* read so far; no verdict until all are read",
            "ledger: 2 of 3 events in ledger-* read so far; no verdict until all are read");
  }

  @Test
  void theWholeAnswerOfASplitBatchedPaymentIsTheSameWithAndWithoutAFirstAnswer() {
    splitAndBatched();
    Flow with = flow("pay:3", new ArrayList<>());
    Flow without = flow("pay:3", null);

    assertThat(with).isEqualTo(without);
    assertThat(with.verdict()).isEqualTo(HopVerdict.STUCK);
    assertThat(with.stuckAt()).isEqualTo("ledger");
    assertThat(with.parts())
        .extracting(p -> p.id() + " " + p.verdict() + " " + p.reached() + " " + p.batch())
        .containsExactly(
            "pst:3/1 OK clearing B-1", "pst:3/2 OK clearing B-1", "pst:3/3 STUCK ledger null");
    assertThat(with.batches())
        .extracting(b -> b.id() + " " + b.hop() + " " + b.members() + " " + b.others())
        .containsExactly("B-1 batcher 2 []");
    assertThat(with.notices()).noneMatch(n -> n instanceof Notice.StillReading);
  }
}
