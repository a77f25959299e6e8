package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hopscope.model.Condition;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource.KeyCursor;
import org.hopscope.source.KeyBucket;
import org.junit.jupiter.api.Test;

class StuckAnalyzerTest {

  private static final String FULLWIDTH = "m-\uFF01";
  private static final String EMOJI = "m-\uD83D\uDE00";

  private final InMemoryEventSource es = new InMemoryEventSource();
  private final List<StuckMessage> streamed = new ArrayList<>();

  private static EventSourceDef source(String index, String key, List<Condition> failure) {
    return new EventSourceDef(
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
  }

  /** Hop "in" has two sources naming the message ID differently; "out" is terminal. */
  private static PathDef twoHops() {
    Condition error = new Condition(FieldPath.parse("level"), Condition.Op.IN, List.of("ERROR"));
    return new PathDef(
        "p",
        "",
        List.of(
            new Hop(
                "in",
                "",
                "in",
                List.of(
                    source("a-logs", "msg", List.of(error)),
                    source("a-spans", "labels.mid", List.of())),
                Duration.ofSeconds(10),
                List.of()),
            new Hop(
                "out", "", "out", List.of(source("b-logs", "msg", List.of())), null, List.of())),
        List.of(),
        null);
  }

  private void doc(String index, String field, String id, long millis, String level) {
    es.add(
        index,
        index + "-" + es.docs.size(),
        level == null
            ? Docs.map(field, id, "ts", millis)
            : Docs.map(field, id, "ts", millis, "level", level));
  }

  private StuckReport analyze(PathDef path, long fromMillis, long asOfMillis, int pageSize) {
    return analyze(path, fromMillis, asOfMillis, pageSize, Runnable::run);
  }

  private StuckReport analyze(
      PathDef path, long fromMillis, long asOfMillis, int pageSize, Executor prefetch) {
    return new StuckAnalyzer(es, new StuckOptions(pageSize, Duration.ofSeconds(30), 10, prefetch))
        .analyze(
            path,
            new TimeWindow(Instant.ofEpochMilli(fromMillis), Instant.ofEpochMilli(asOfMillis)),
            Instant.ofEpochMilli(asOfMillis),
            streamed::add,
            Cancellation.none());
  }

  @Test
  void mergesSourcesWithDifferentKeyFieldsInUtf8OrderPageByPage() {
    PathDef path = twoHops();
    // EMOJI: seen under labels.mid at "in", then at "out": left, on time
    doc("a-spans", "labels.mid", EMOJI, 100_000, null);
    doc("b-logs", "msg", EMOJI, 105_000, null);
    // FULLWIDTH: under msg at "in" and under labels.mid later: one message; never at "out": stuck
    doc("a-logs", "msg", FULLWIDTH, 100_000, null);
    doc("a-spans", "labels.mid", FULLWIDTH, 101_000, null);
    // m-a: failed at "in"
    doc("a-logs", "msg", "m-a", 102_000, "ERROR");
    // m-b: slow hand-over (11 s)
    doc("a-logs", "msg", "m-b", 103_000, null);
    doc("b-logs", "msg", "m-b", 114_000, null);
    // m-c: entered "in" before the window: not counted there, but counted at "out"
    doc("a-logs", "msg", "m-c", 80_000, null);
    doc("b-logs", "msg", "m-c", 100_500, null);
    // m-d: in flight (within SLA at asOf)
    doc("a-logs", "msg", "m-d", 195_000, null);

    StuckReport r = analyze(path, 90_000, 200_000, 1);

    assertThat(r.hops())
        .containsExactly(
            new HopCounts("in", 5, 2, 1, 1, 0, 1), new HopCounts("out", 3, 3, 0, 0, 0, 0));
    assertThat(r.totals()).isEqualTo(new StuckReport.Totals(1, 1, 0, 1));
    assertThat(streamed)
        .containsExactly(
            new StuckMessage("m-a", "in", HopVerdict.ERROR, Instant.ofEpochMilli(102_000)),
            new StuckMessage(FULLWIDTH, "in", HopVerdict.STUCK, Instant.ofEpochMilli(101_000)));
    assertThat(es.maxPageSeen).isEqualTo(1);
    assertThat(es.scans.get()).isEqualTo(6); // 3 scans: look-back and window
    assertThat(es.finds.get()).isZero();
  }

  @Test
  void pagesFetchedAheadOnAPoolGiveTheSameReport() throws InterruptedException {
    PathDef path = twoHops();
    for (int i = 0; i < 50; i++) {
      doc("a-logs", "msg", "m-" + i, 100_000 + i, i % 7 == 0 ? "ERROR" : null);
      if (i % 3 != 0) {
        doc("b-logs", "msg", "m-" + i, 104_000 + i, null);
      }
    }
    StuckReport inline = analyze(path, 90_000, 200_000, 4);
    List<StuckMessage> inlineStreamed = List.copyOf(streamed);
    streamed.clear();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      StuckReport ahead = analyze(path, 90_000, 200_000, 4, pool);
      assertThat(ahead).isEqualTo(inline);
      assertThat(streamed).isEqualTo(inlineStreamed);
      assertThat(inline.hops().get(0).entered()).isEqualTo(50);
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aScanOutOfUtf8OrderIsRefused() {
    KeyBucket emoji = new KeyBucket(EMOJI, Instant.EPOCH, Instant.EPOCH, 1, 0, 0);
    KeyBucket fullwidth = new KeyBucket(FULLWIDTH, Instant.EPOCH, Instant.EPOCH, 1, 0, 0);
    KeyCursor utf16Order =
        new KeyCursor() {
          boolean done;

          @Override
          public List<KeyBucket> next() {
            List<KeyBucket> page = done ? List.of() : List.of(emoji, fullwidth);
            done = true;
            return page;
          }

          @Override
          public void close() {}
        };
    try (KeyMerge merge =
        new KeyMerge(List.of(utf16Order), List.of("hop #0 [x-*] by id"), Runnable::run)) {
      assertThat(merge.next().key()).isEqualTo(EMOJI);
      assertThatThrownBy(merge::next)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "the scan of hop #0 [x-*] by id returned key '"
                  + FULLWIDTH
                  + "' after '"
                  + EMOJI
                  + "': keys must ascend in UTF-8 byte order");
    }
  }

  @Test
  void aRetriedCallBeforeTheReKeyIsMeasuredFromTheFirstCall() {
    PathDef path = OrdersPath.path();
    Docs d = new Docs(es);
    long tenMinutes = 600_000;
    // ord-1: timed-out call at 4 s, successful call at 64 s; confirmed 10 min 30 s after the first
    // call
    d.journey("ord-1", "4500000001", 0);
    es.docs.removeIf(doc -> doc.index().startsWith("jaeger") || doc.index().startsWith("logs-erp"));
    d.erp("ord-1", "back-ord-1", 4_000, null, 0);
    d.erp("ord-1", "back-ord-1", 64_000, "4500000001", 200);
    d.confirmation("4500000001", 4_000 + tenMinutes + 30_000);
    // ord-2: re-keyed but never confirmed, 20 minutes before asOf
    d.journey("ord-2", "4500000002", 1_000);
    es.docs.removeIf(
        doc ->
            doc.index().startsWith("logs-erp") && doc.source().toString().contains("4500000002"));
    StuckReport r =
        new StuckAnalyzer(es, StuckOptions.defaults())
            .analyze(
                path,
                new TimeWindow(Docs.T0, Docs.at(1_200_000)),
                Docs.at(1_300_000),
                streamed::add,
                Cancellation.none());
    HopCounts erp = r.hops().get(4);
    assertThat(erp).isEqualTo(new HopCounts("erp-adapter", 2, 1, 1, 0, 0, 1));
    assertThat(r.hops().get(5)).isEqualTo(new HopCounts("erp-confirmation", 1, 1, 0, 0, 0, 0));
    assertThat(streamed)
        .containsExactly(
            new StuckMessage("ord-2", "erp-adapter", HopVerdict.STUCK, Docs.at(5_000)));
  }

  @Test
  void aCancelledAnalysisStops() {
    Cancellation cancel = new Cancellation();
    cancel.cancel();
    doc("a-logs", "msg", "m-a", 100_000, null);
    assertThatThrownBy(
            () ->
                new StuckAnalyzer(es, StuckOptions.defaults())
                    .analyze(
                        twoHops(),
                        new TimeWindow(Instant.EPOCH, Instant.ofEpochMilli(200_000)),
                        Instant.ofEpochMilli(200_000),
                        streamed::add,
                        cancel))
        .isInstanceOf(Cancellation.CancelledException.class);
  }
}
