package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.Condition;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.IdLink;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimestampFormat;

/**
 * A hand-made path with a split and a batch, for the stuck analysis' logic tests: api (payment ID;
 * 502 fails, 422 fails for good) -> service (payment ID; splits it into postings) -> ledger
 * (posting) -> batcher (posting; puts it into a batch) -> clearing (batch alone; a rejected batch
 * fails for good). Times are seconds since the epoch.
 */
final class SettlementPath {

  static final String API = "api-logs";
  static final String SERVICE = "svc-logs";
  static final String LEDGER = "ledger-logs";
  static final String BATCHER = "batcher-logs";
  static final String CLEARING = "clearing-logs";

  private final InMemoryEventSource es;

  SettlementPath(InMemoryEventSource es) {
    this.es = es;
  }

  /** The path; null cardinalities are left for the analysis to detect. */
  static PathDef path(IdLink.Cardinality split, IdLink.Cardinality batch, String... extraLedger) {
    List<EventSourceDef> ledger = new ArrayList<>(List.of(source(LEDGER, "posting", List.of())));
    for (String index : extraLedger) {
      ledger.add(source(index, "posting", List.of()));
    }
    return new PathDef(
        "settlement",
        "",
        List.of(
            hop(
                "api",
                List.of(
                    source(
                        API,
                        "pid",
                        List.of(
                            new Condition(f("status"), Condition.Op.IN, List.of("502")),
                            new Condition(f("status"), Condition.Op.IN, List.of("422"), true)))),
                Duration.ofSeconds(10)),
            hop("service", List.of(source(SERVICE, "pid", List.of())), Duration.ofSeconds(30)),
            hop("ledger", ledger, Duration.ofMinutes(2)),
            hop("batcher", List.of(source(BATCHER, "posting", List.of())), Duration.ofMinutes(15)),
            hop(
                "clearing",
                List.of(
                    source(
                        CLEARING,
                        "batch",
                        List.of(
                            new Condition(
                                f("action"), Condition.Op.IN, List.of("rejected"), true)))),
                null)),
        List.of(
            new IdLink("service", f("postingId"), "ledger", f("posting"), split),
            new IdLink("batcher", f("batch"), "clearing", f("batch"), batch)),
        null);
  }

  private static FieldPath f(String text) {
    return FieldPath.parse(text);
  }

  private static Hop hop(String name, List<EventSourceDef> sources, Duration sla) {
    return new Hop(name, "", name, sources, sla, List.of());
  }

  private static EventSourceDef source(String index, String key, List<Condition> failure) {
    return new EventSourceDef(
        index,
        EventSourceDef.Kind.LOG,
        new FieldMap(
            f("ts"),
            TimestampFormat.EPOCH_MILLIS,
            List.of(f(key)),
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

  static Instant at(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  private void add(String index, Object... keyValues) {
    es.add(index, index + "-" + es.docs.size(), Docs.map(keyValues));
  }

  SettlementPath api(String payment, long seconds, int status) {
    add(API, "pid", payment, "ts", seconds * 1000, "status", status);
    return this;
  }

  /** "received", then one "posting created" line per posting, at the same time. */
  SettlementPath service(String payment, long seconds, String... postings) {
    add(SERVICE, "pid", payment, "ts", seconds * 1000);
    for (String posting : postings) {
      add(SERVICE, "pid", payment, "ts", seconds * 1000, "postingId", posting);
    }
    return this;
  }

  SettlementPath ledger(String posting, long seconds) {
    add(LEDGER, "posting", posting, "ts", seconds * 1000);
    return this;
  }

  SettlementPath batcher(String posting, String batch, long seconds) {
    add(BATCHER, "posting", posting, "batch", batch, "ts", seconds * 1000);
    return this;
  }

  /** The batch's "submitted" line: the batch alone, no posting. */
  SettlementPath submitted(String batch, long seconds) {
    add(BATCHER, "batch", batch, "ts", seconds * 1000);
    return this;
  }

  SettlementPath clearing(String batch, long seconds, boolean rejected) {
    add(CLEARING, "batch", batch, "ts", seconds * 1000, "action", rejected ? "rejected" : "ack");
    return this;
  }
}
