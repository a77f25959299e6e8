package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.oncall.FlowHeadline;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.Test;

/** The first answer a flow hands on while a message's many events are read (FlowAssembler). */
class FirstAnswerTest {

  private final PathDef path = OrdersPath.path();
  private final InMemoryEventSource es = new InMemoryEventSource();
  private final Docs docs = new Docs(es);
  private final Instant asOf = Docs.at(3_600_000);

  private Flow assemble(FirstPagesEventSource source, String id, List<Flow> early) {
    return new FlowAssembler(source, null, FlowOptions.defaults())
        .assemble(path, id, null, asOf, Cancellation.none(), early == null ? null : early::add);
  }

  /** ord-1's healthy journey, with {@code extra} more events logged by the order service. */
  private void chattyJourney(int extra) {
    docs.journey("ord-1", "4500000001", 0);
    for (int i = 0; i < extra; i++) {
      docs.order("ord-1", "front-ord-1", 1_000 + i);
    }
  }

  @Test
  void aMessageWithMoreEventsThanAFirstPageIsShownUnjudgedWhileTheRestIsRead() {
    chattyJourney(5);
    FirstPagesEventSource source = new FirstPagesEventSource(es, 2);
    List<Flow> early = new ArrayList<>();
    Flow whole = assemble(source, "ord-1", early);

    assertThat(early).hasSize(1);
    Flow first = early.get(0);
    assertThat(first.verdict()).isEqualTo(HopVerdict.UNKNOWN);
    assertThat(first.stuckAt()).isNull();
    assertThat(first.hops()).extracting(HopFlow::verdict).containsOnly(HopVerdict.UNKNOWN);
    assertThat(first.hops()).extracting(HopFlow::latencyMs).containsOnlyNulls();
    assertThat(first.hops())
        .extracting(HopFlow::hop)
        .containsExactlyElementsOf(whole.hops().stream().map(HopFlow::hop).toList());
    // the order service's first page (2 of its 6 events), the other hops' events of the first
    // round; the ERP confirmation is found in the next round (by the ERP number), not yet
    assertThat(first.hops()).extracting(h -> h.events().size()).containsExactly(1, 2, 2, 1, 1, 0);
    assertThat(first.notices())
        .filteredOn(n -> n instanceof Notice.StillReading)
        .extracting(Notice::text)
        .containsExactly(
            "order-service: 2 of 6 events in logs-order-service-* read so far; no verdict until"
                + " all are read");
    assertThat(FlowHeadline.of(first).text())
        .isEqualTo(
            "UNKNOWN - still reading order-service: 2 of 6 events so far - no verdict until all"
                + " are read - also known as 4500000001");

    assertThat(whole.verdict()).isEqualTo(HopVerdict.OK);
    assertThat(whole.hops()).extracting(h -> h.events().size()).containsExactly(1, 6, 2, 1, 1, 1);
    assertThat(whole.notices()).noneMatch(n -> n instanceof Notice.StillReading);
  }

  @Test
  void theWholeAnswerIsTheSameWithAndWithoutAFirstAnswer() {
    chattyJourney(5);
    docs.journey("ord-2", "4500000002", 60_000);
    Flow without = assemble(new FirstPagesEventSource(es, 2), "ord-1", null);
    Flow with = assemble(new FirstPagesEventSource(es, 2), "ord-1", new ArrayList<>());
    assertThat(with).isEqualTo(without);
    // and when the follow-up rounds read ERP numbers and traces too
    Flow byNumber = assemble(new FirstPagesEventSource(es, 2), "4500000001", new ArrayList<>());
    assertThat(byNumber.hops()).isEqualTo(without.hops());
  }

  @Test
  void aMessageThatFitsItsFirstPagesHandsOnNothing() {
    docs.journey("ord-1", "4500000001", 0);
    FirstPagesEventSource source = new FirstPagesEventSource(es, 1_000);
    List<Flow> early = new ArrayList<>();
    Flow whole = assemble(source, "ord-1", early);
    assertThat(early).isEmpty();
    assertThat(source.handedOn).isEmpty();
    assertThat(whole.verdict()).isEqualTo(HopVerdict.OK);
  }
}
