package org.hopscope.ui.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.StuckMessage;
import org.junit.jupiter.api.Test;

/** The batches' timing with a hand-moved clock and a hand-run "later". */
class FoundBatchesTest {

  private final List<List<String>> batches = new ArrayList<>();
  private final List<Runnable> scheduled = new ArrayList<>();
  private long now = 0;
  private final FoundBatches found =
      new FoundBatches(
          b -> batches.add(b.stream().map(StuckMessage::id).toList()),
          () -> now,
          Duration.ofMillis(200),
          scheduled::add);

  private static StuckMessage m(String id) {
    return new StuckMessage(id, "erp-adapter", HopVerdict.STUCK, Instant.EPOCH);
  }

  @Test
  void aMessageHeldBackIsHandedOnByTheScheduledFlushWithoutWaitingForAnother() {
    found.accept(m("a")); // the first at once
    now = 50;
    found.accept(m("b")); // held back: one flush is scheduled
    now = 60;
    found.accept(m("c")); // held back with b: no second flush
    assertThat(batches).containsExactly(List.of("a"));
    assertThat(scheduled).hasSize(1);

    now = 250;
    scheduled.get(0).run(); // no message arrived since: the flush alone hands b and c on

    assertThat(batches).containsExactly(List.of("a"), List.of("b", "c"));
    now = 300;
    found.accept(m("d")); // 50 ms after the flush: held, a new flush is scheduled
    assertThat(scheduled).hasSize(2);
    found.flush(); // the end of the analysis
    assertThat(batches).containsExactly(List.of("a"), List.of("b", "c"), List.of("d"));
  }

  @Test
  void aBatchHandedByTheNextMessageLeavesTheScheduledFlushNothingToHand() {
    found.accept(m("a"));
    now = 10;
    found.accept(m("b"));
    now = 210;
    found.accept(m("c")); // a period on: b and c go together
    scheduled.get(0).run();

    assertThat(batches).containsExactly(List.of("a"), List.of("b", "c"));
  }
}
