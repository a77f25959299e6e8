package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.BlindSource;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.TimeWindow;
import org.junit.jupiter.api.Test;

/** The one-line answer of a flow on the kinds of flows the engine reports. */
class FlowHeadlineTest {

  private static final Instant T0 = Instant.parse("2026-11-26T02:30:00Z");
  private static final List<String> HOPS = List.of("gateway", "intake", "queue", "worker");

  private static FlowEvent event(
      String hop,
      long s,
      String level,
      String message,
      String trace,
      boolean failure,
      boolean deadLetter,
      String... ids) {
    return new FlowEvent(
        hop,
        T0.plusSeconds(s),
        "logs-" + hop,
        hop + s,
        level,
        message,
        trace,
        null,
        hop,
        null,
        failure,
        deadLetter,
        List.of(ids),
        Map.of());
  }

  private static FlowEvent info(String hop, long s, String... ids) {
    return event(hop, s, "INFO", "handled", "trace-1", false, false, ids);
  }

  private static HopFlow hop(String name, HopVerdict v, int attempts, FlowEvent... events) {
    List<FlowEvent> list = List.of(events);
    return new HopFlow(
        name,
        v,
        attempts,
        list.isEmpty() ? null : list.get(0).timestamp(),
        list.isEmpty() ? null : list.get(list.size() - 1).timestamp(),
        null,
        list,
        0,
        false,
        0,
        null,
        List.of(),
        List.of());
  }

  private static HopFlow none(String name) {
    return hop(name, HopVerdict.NO_EVIDENCE, 0);
  }

  private static Flow flow(
      String query, List<String> ids, HopVerdict v, String stuckAt, long asOfS, HopFlow... hops) {
    Flow.Basis basis =
        new Flow.Basis(
            new TimeWindow(T0.minusSeconds(3600), T0.plusSeconds(3600)),
            // ends a few hundred nanoseconds apart from whole hours, as a real search's are
            new TimeWindow(T0.minusSeconds(7200).plusNanos(208), T0.plusSeconds(7200)),
            T0.plusSeconds(asOfS),
            0,
            0);
    return new Flow(
        "any",
        query,
        ids,
        v,
        stuckAt,
        List.of(hops),
        List.of(),
        List.of(),
        basis,
        List.of(),
        List.of());
  }

  @Test
  void stuckNamesTheHopHowLongTheLastErrorAndTheOtherId() {
    Flow f =
        flow(
            "m-1",
            List.of("m-1", "4500020468"),
            HopVerdict.STUCK,
            "worker",
            40 * 60 + 20,
            hop("gateway", HopVerdict.OK, 1, info("gateway", 0, "m-1")),
            hop("intake", HopVerdict.OK, 1, info("intake", 5, "m-1")),
            hop("queue", HopVerdict.OK, 1, info("queue", 8, "m-1")),
            hop(
                "worker",
                HopVerdict.STUCK,
                1,
                info("worker", 10, "m-1", "4500020468"),
                event("worker", 15, "WARN", "pool nearly full", "trace-1", false, false, "m-1"),
                event(
                    "worker",
                    20,
                    "ERROR",
                    "pool exhausted (30 active, 212 waiting)\n\tat x.y()",
                    "trace-1",
                    false,
                    false,
                    "m-1"),
                info("worker", 20, "m-1")));
    FlowHeadline h = FlowHeadline.of(f);
    assertThat(h.text())
        .isEqualTo(
            "STUCK at worker for 40 min - last error: pool exhausted (30 active, 212 waiting)"
                + " - also known as 4500020468");
    assertThat(h.detail())
        .isEqualTo(
            "at worker for 40 min - last error: pool exhausted (30 active, 212 waiting)"
                + " - also known as 4500020468");
    assertThat(h.forHowLong()).isEqualTo(Duration.ofMinutes(40));
    assertThat(h.messageId()).isEqualTo("m-1");
    assertThat(h.foundBy()).isNull();
  }

  @Test
  void okSaysAllHopsPassedAndHowLongTheJourneyTook() {
    Flow f =
        flow(
            "m-2",
            List.of("m-2"),
            HopVerdict.OK,
            null,
            3600,
            hop("gateway", HopVerdict.OK, 1, info("gateway", 0, "m-2")),
            hop("intake", HopVerdict.OK, 1, info("intake", 20, "m-2")),
            hop("queue", HopVerdict.OK, 1, info("queue", 40, "m-2")),
            hop(
                "worker",
                HopVerdict.OK,
                2,
                event("worker", 50, "ERROR", "timeout", "trace-1", true, false, "m-2"),
                info("worker", 62, "m-2")));
    assertThat(FlowHeadline.of(f).text()).isEqualTo("OK - passed all 4 hops in 1 min 2 s");
  }

  @Test
  void deadLetteredQuotesTheDeadLetterEventAsAFailureThoughItsLevelIsInfo() {
    Flow f =
        flow(
            "m-3",
            List.of("m-3"),
            HopVerdict.DEAD_LETTERED,
            null,
            7200,
            hop("gateway", HopVerdict.OK, 1, info("gateway", 0, "m-3")),
            hop(
                "intake",
                HopVerdict.DEAD_LETTERED,
                1,
                event("intake", 600, "INFO", "moved to intake.dlq", "trace-1", false, true, "m-3")),
            none("queue"),
            none("worker"));
    assertThat(FlowHeadline.of(f).text())
        .isEqualTo("DEAD-LETTERED at intake for 1 h 50 min - last failure: moved to intake.dlq");
  }

  @Test
  void failedWithRetriesCountsTheAttemptsAtTheLastFailedHop() {
    Flow f =
        flow(
            "m-4",
            List.of("m-4"),
            HopVerdict.ERROR,
            null,
            300,
            hop("gateway", HopVerdict.OK, 1, info("gateway", 0, "m-4")),
            hop(
                "intake",
                HopVerdict.ERROR,
                4,
                event("intake", 10, "error", "HTTP 503", "trace-1", true, false, "m-4"),
                event("intake", 20, "error", "HTTP 503", "trace-1", true, false, "m-4"),
                event("intake", 40, "warning", "giving up soon", "trace-1", false, false, "m-4"),
                event("intake", 45, "error", "HTTP 504 from stock", "trace-1", true, false, "m-4")),
            none("queue"),
            none("worker"));
    FlowHeadline h = FlowHeadline.of(f);
    assertThat(h.text())
        .isEqualTo(
            "FAILED at intake for 4 min 15 s - 4 attempts - last error: HTTP 504 from stock");
    assertThat(h.attempts()).isEqualTo(4);
    assertThat(h.problem().level()).isEqualTo("error");
  }

  @Test
  void aWarningIsQuotedAsAWarning() {
    Flow f =
        flow(
            "m-5",
            List.of("m-5"),
            HopVerdict.IN_FLIGHT,
            "queue",
            30,
            hop("gateway", HopVerdict.OK, 1, info("gateway", 0, "m-5")),
            hop("intake", HopVerdict.OK, 1, info("intake", 1, "m-5")),
            hop(
                "queue",
                HopVerdict.IN_FLIGHT,
                1,
                event("queue", 2, "Warning", "lag 900 messages", "trace-1", false, false, "m-5")),
            none("worker"));
    assertThat(FlowHeadline.of(f).text())
        .isEqualTo("IN FLIGHT at queue for 28 s - last warning: lag 900 messages");
  }

  @Test
  void reKeyedMessageFoundByItsNewIdNamesItsOwnId() {
    Flow f =
        flow(
            "4500020468",
            List.of("4500020468", "m-6"),
            HopVerdict.STUCK,
            "worker",
            1200,
            hop("gateway", HopVerdict.OK, 1, info("gateway", 0, "m-6")),
            hop("intake", HopVerdict.OK, 1, info("intake", 1, "m-6", "4500020468")),
            hop("queue", HopVerdict.OK, 1, info("queue", 2, "4500020468")),
            hop("worker", HopVerdict.STUCK, 1, info("worker", 3, "4500020468")));
    FlowHeadline h = FlowHeadline.of(f);
    assertThat(h.text()).isEqualTo("STUCK at worker for 19 min - found by 4500020468: message m-6");
    assertThat(h.foundBy())
        .isEqualTo(new FlowHeadline.Found(FlowHeadline.Found.Kind.LINKED_ID, "4500020468"));
    assertThat(h.alsoKnownAs()).isEmpty();
  }

  @Test
  void foundByTraceIdNamesTheMessageAndItsOtherIds() {
    Flow f =
        flow(
            "trace-1",
            List.of("trace-1", "m-7", "E-1", "E-2", "E-3", "E-4"),
            HopVerdict.OK,
            null,
            100,
            hop("gateway", HopVerdict.OK, 1, info("gateway", 0, "m-7")),
            hop("intake", HopVerdict.OK, 1, info("intake", 1, "m-7")),
            hop("queue", HopVerdict.OK, 1, info("queue", 2, "m-7")),
            hop("worker", HopVerdict.OK, 1, info("worker", 3, "m-7")));
    FlowHeadline h = FlowHeadline.of(f);
    assertThat(h.text())
        .isEqualTo(
            "OK - passed all 4 hops in 3 s - found by trace ID trace-1: message m-7"
                + " - also known as E-1, E-2, E-3 and 1 more");
    assertThat(h.alsoKnownAs()).containsExactly("E-1", "E-2", "E-3", "E-4");
  }

  @Test
  void unknownSaysWhichHopCouldNotBeReadAndNeverPretends() {
    HopFlow blind =
        new HopFlow(
            "queue",
            HopVerdict.UNKNOWN,
            0,
            null,
            null,
            null,
            List.of(),
            0,
            false,
            0,
            null,
            List.of(),
            List.of(new BlindSource("logs-queue-*", BlindSource.Reason.NO_PRIVILEGE, "403")));
    Flow f =
        flow(
            "m-8",
            List.of("m-8"),
            HopVerdict.UNKNOWN,
            null,
            3000,
            hop("gateway", HopVerdict.OK, 1, info("gateway", 0, "m-8")),
            hop("intake", HopVerdict.OK, 1, info("intake", 1, "m-8")),
            blind,
            none("worker"));
    FlowHeadline h = FlowHeadline.of(f);
    assertThat(h.text())
        .isEqualTo(
            "UNKNOWN - queue could not be read (logs-queue-*): the message may have passed it"
                + " - last seen at intake");
    assertThat(h.forHowLong()).isNull();
  }

  @Test
  void noEvidenceSaysWhatWasSearched() {
    Flow f =
        flow(
            "m-9",
            List.of("m-9"),
            HopVerdict.NO_EVIDENCE,
            null,
            0,
            none("gateway"),
            none("intake"),
            none("queue"),
            none("worker"));
    assertThat(FlowHeadline.of(f).text())
        .isEqualTo("NO EVIDENCE - no hop has a record of m-9 in the 4 h searched");
  }

  @Test
  void slowSaysHowLongTheHandOverTook() {
    List<HopFlow> hops = new ArrayList<>();
    hops.add(hop("gateway", HopVerdict.OK, 1, info("gateway", 0, "m-10")));
    HopFlow intake = hop("intake", HopVerdict.SLOW, 1, info("intake", 1, "m-10"));
    hops.add(
        new HopFlow(
            "intake",
            HopVerdict.SLOW,
            1,
            intake.firstSeen(),
            intake.lastSeen(),
            185_000L,
            intake.events()));
    hops.add(hop("queue", HopVerdict.OK, 1, info("queue", 186, "m-10")));
    hops.add(hop("worker", HopVerdict.OK, 1, info("worker", 187, "m-10")));
    Flow f =
        flow("m-10", List.of("m-10"), HopVerdict.SLOW, null, 400, hops.toArray(HopFlow[]::new));
    assertThat(FlowHeadline.of(f).text()).isEqualTo("SLOW at intake: handed on after 3 min 5 s");
  }

  @Test
  void longMessagesAreCutAtTheirFirstLine() {
    String longLine = "x".repeat(FlowHeadlineBuilder.MESSAGE_CHARS + 50);
    FlowHeadline.Problem p =
        FlowHeadlineBuilder.problem(
            hop(
                "w",
                HopVerdict.ERROR,
                1,
                event("w", 1, "FATAL", longLine + "\nsecond", "t", false, false, "m")));
    assertThat(p.message()).isEqualTo("x".repeat(FlowHeadlineBuilder.MESSAGE_CHARS) + "…");
  }

  @Test
  void durationsReadInWholeUnits() {
    assertThat(FlowHeadlineBuilder.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
    assertThat(FlowHeadlineBuilder.duration(Duration.ofMillis(12_900))).isEqualTo("12 s");
    assertThat(FlowHeadlineBuilder.duration(Duration.ofSeconds(62))).isEqualTo("1 min 2 s");
    assertThat(FlowHeadlineBuilder.duration(Duration.ofSeconds(40 * 60 + 59))).isEqualTo("40 min");
    assertThat(FlowHeadlineBuilder.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    assertThat(FlowHeadlineBuilder.duration(Duration.ofHours(76))).isEqualTo("3 d 4 h");
  }
}
