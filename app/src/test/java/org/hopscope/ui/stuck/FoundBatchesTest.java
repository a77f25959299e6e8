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
  private final List<Long> delays = new ArrayList<>();
  private long now = 0;
  private final FoundBatches found =
      new FoundBatches(
          b -> batches.add(b.stream().map(StuckMessage::id).toList()),
          () -> now,
          Duration.ofMillis(200),
          Duration.ofMillis(2_000),
          Duration.ofMillis(1_000),
          (r, delay) -> {
            scheduled.add(r);
            delays.add(delay);
          });

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
    assertThat(delays).containsExactly(150L); // when the period after "a" ends

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

  @Test
  void twoSecondsAfterTheFirstBatchTheBatchesComeAtMostOneASecond() {
    found.accept(m("a")); // the first batch at 0 ms
    now = 1_900;
    found.accept(m("b")); // still the 200 ms period: handed on
    now = 2_100;
    found.accept(m("c")); // settled: 200 ms after b is no longer enough
    assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    assertThat(delays).containsExactly(800L); // one second after b

    now = 2_899;
    found.accept(m("d")); // still within the second: held with c
    assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    now = 2_900;
    found.accept(m("e")); // a second after b: c, d and e go together
    assertThat(batches).containsExactly(List.of("a"), List.of("b"), List.of("c", "d", "e"));
    assertThat(scheduled).hasSize(1);
  }
}
