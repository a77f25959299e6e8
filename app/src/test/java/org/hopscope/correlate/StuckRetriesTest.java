package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.Condition;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.IdLink;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.Test;

/**
 * Failures count as {@link VerdictRules} judge them, in the message pass and after a one-to-one
 * link alike: recovered by a later attempt at the hop or by evidence at a later hop, unless
 * terminal. FAILED counts only unrecovered and terminal failures.
 */
class StuckRetriesTest {

  private final InMemoryEventSource es = new InMemoryEventSource();
  private final List<StuckMessage> streamed = new ArrayList<>();

  /** in (10 s) -> call (10 s, re-keys to a ticket) -> done (by ticket, last). */
  private static PathDef path() {
    return new PathDef(
        "retries",
        "",
        List.of(
            hop("in", "a-logs", "msg", Duration.ofSeconds(10)),
            hop("call", "b-logs", "msg", Duration.ofSeconds(10)),
            hop("done", "c-logs", "ticket", null)),
        List.of(
            new IdLink(
                "call",
                FieldPath.parse("ticket"),
                "done",
                FieldPath.parse("ticket"),
                IdLink.Cardinality.ONE_TO_ONE)),
        null);
  }

  private static Hop hop(String name, String index, String key, Duration sla) {
    List<Condition> failure =
        List.of(
            new Condition(FieldPath.parse("level"), Condition.Op.IN, List.of("ERROR")),
            new Condition(FieldPath.parse("level"), Condition.Op.IN, List.of("REJECTED"), true));
    EventSourceDef source =
        new EventSourceDef(
            index,
            EventSourceDef.Kind.LOG,
            new FieldMap(
                FieldPath.parse("ts"),
                TimestampFormat.EPOCH_MILLIS,
                List.of(FieldPath.parse(key)),
                null,
                null,
                null,
                null,
                null,
                null,
                failure,
                List.of(),
                List.of()));
    return new Hop(name, "", name, List.of(source), sla, List.of());
  }

  private void doc(String index, String key, String id, long seconds, String level, String ticket) {
    List<Object> kv = new ArrayList<>(List.of(key, id, "ts", seconds * 1000));
    if (level != null) {
      kv.addAll(List.of("level", level));
    }
    if (ticket != null) {
      kv.addAll(List.of("ticket", ticket));
    }
    es.add(index, index + "-" + es.docs.size(), Docs.map(kv.toArray()));
  }

  private StuckReport analyze() {
    return new StuckAnalyzer(es, new StuckOptions(2, Duration.ofSeconds(60), 10, Runnable::run))
        .analyze(
            path(),
            new TimeWindow(Instant.ofEpochSecond(100), Instant.ofEpochSecond(1000)),
            Instant.ofEpochSecond(1000),
            streamed::add,
            Cancellation.none());
  }

  @Test
  void recoveredFailuresAreNotFailedAndTerminalOnesAre() {
    // m1: an error at "in", retried there with success, then on: OK
    doc("a-logs", "msg", "m1", 100, "ERROR", null);
    doc("a-logs", "msg", "m1", 102, null, null);
    doc("b-logs", "msg", "m1", 104, null, "t1");
    doc("c-logs", "ticket", "t1", 106, null, null);
    // m2: an error at "in" and no retry there, but evidence at "call": recovered, OK
    doc("a-logs", "msg", "m2", 110, "ERROR", null);
    doc("b-logs", "msg", "m2", 112, null, "t2");
    doc("c-logs", "ticket", "t2", 113, null, null);
    // m3: a terminal rejection at "in": FAILED there although it went on
    doc("a-logs", "msg", "m3", 120, "REJECTED", null);
    doc("b-logs", "msg", "m3", 121, null, null);
    // m4: failed twice at "in", nothing after: FAILED
    doc("a-logs", "msg", "m4", 130, "ERROR", null);
    doc("a-logs", "msg", "m4", 132, "ERROR", null);
    // m5: after the link, "done" fails then succeeds: recovered, OK
    doc("a-logs", "msg", "m5", 140, null, null);
    doc("b-logs", "msg", "m5", 141, null, "t5");
    doc("c-logs", "ticket", "t5", 142, "ERROR", null);
    doc("c-logs", "ticket", "t5", 143, null, null);
    // m6: after the link, "done" rejects it for good: FAILED at done
    doc("a-logs", "msg", "m6", 150, null, null);
    doc("b-logs", "msg", "m6", 151, null, "t6");
    doc("c-logs", "ticket", "t6", 152, "REJECTED", null);
    doc("c-logs", "ticket", "t6", 153, null, null);

    StuckReport r = analyze();

    assertThat(r.hops())
        .containsExactly(
            new HopCounts("in", 6, 5, 0, 2, 0, 0),
            new HopCounts("call", 5, 4, 0, 0, 0, 0),
            new HopCounts("done", 4, 4, 0, 1, 0, 0));
    assertThat(streamed)
        .containsExactlyInAnyOrder(
            new StuckMessage("m3", "in", HopVerdict.ERROR, Instant.ofEpochSecond(120)),
            new StuckMessage("m4", "in", HopVerdict.ERROR, Instant.ofEpochSecond(132)),
            new StuckMessage("m6", "done", HopVerdict.ERROR, Instant.ofEpochSecond(153)));
    // m6 failed after the re-key: named by its message ID, looked up by its ticket
    assertThat(es.finds.get()).isEqualTo(2);
  }
}
