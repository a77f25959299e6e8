package org.hopscope.sandbox.seed;

import java.util.List;
import org.hopscope.sandbox.seed.Journey.Attempt;
import org.hopscope.sandbox.seed.Journey.Outcome;

/**
 * The fulfilment-service consumer's ECS logs, written with nested objects: "consumed" per delivery,
 * one line at the end of every attempt (processed, retry, parked, rejected, DLQ), and the chatty
 * message's 100,000 debug lines.
 */
final class FulfilmentLogs {

  /** Debug lines the chatty message logs while it is processed. */
  static final int CHATTY_EVENTS = 100_000;

  private FulfilmentLogs() {}

  static void write(Journey j, HostSkews skews, DocumentSink sink) {
    List<Attempt> attempts = j.visit(OrdersHop.FULFILMENT).attempts();
    int processing = 0;
    for (Attempt a : attempts) {
      long start = skews.observed(OrdersHop.FULFILMENT, a.start());
      long end =
          a.outcome() == Outcome.PENDING ? -1 : skews.observed(OrdersHop.FULFILMENT, a.end());
      boolean duplicate = AttemptDetail.DUPLICATE_DELIVERY.equals(a.detail());
      int attempt = duplicate ? 1 : ++processing;
      if (attempt == 1) {
        line(sink, j, start, attempt, "INFO", "consumed", "consumed", "success");
        sink.end();
      }
      if (j.messageClass() == MessageClass.CHATTY && attempt == 1 && !duplicate) {
        chatter(sink, j, start, a.durationMillis());
      }
      if (end < 0) {
        continue;
      }
      if (duplicate) {
        line(sink, j, end, attempt, "WARN", a.detail(), "duplicate-skipped", "success");
      } else if (a.outcome() == Outcome.SUCCESS) {
        line(sink, j, end, attempt, "INFO", "processed", "processed", "success");
      } else if (AttemptDetail.POOL_EXHAUSTED.equals(a.detail())) {
        line(sink, j, end, attempt, "ERROR", a.detail(), "parked", "failure")
            .object("error")
            .str("type", "org.apache.commons.pool2.PoolExhaustedException")
            .str("message", "Timeout waiting for idle object")
            .end();
      } else if (a.outcome() == Outcome.DEAD_LETTERED) {
        JsonOut d = line(sink, j, end, attempt, "ERROR", a.detail(), "dead-lettered", "failure");
        d.object("error")
            .str("type", "com.acme.erp.ErpTimeoutException")
            .str("message", AttemptDetail.ERP_TIMEOUT)
            .end();
      } else if (a.outcome() == Outcome.RETRYABLE_FAILURE) {
        long backoff = JourneyGenerator.BACKOFF_MILLIS[attempt - 1] / 1_000;
        String text =
            a.detail()
                + ", retry "
                + (attempt + 1)
                + "/"
                + JourneyGenerator.MAX_ATTEMPTS
                + " in "
                + backoff
                + "s";
        line(sink, j, end, attempt, "WARN", text, "erp-call-retry", "failure")
            .object("error")
            .str("type", "java.net.SocketTimeoutException")
            .str("message", "Read timed out")
            .end();
      } else {
        line(
                sink,
                j,
                end,
                attempt,
                "ERROR",
                "ERP rejected CreateSalesOrder (non-retryable): " + a.detail(),
                "erp-rejected",
                "failure")
            .object("error")
            .str("type", "com.acme.erp.SoapFaultException")
            .str("message", a.detail())
            .end();
      }
      sink.end();
    }
  }

  /** Starts a log line; the caller may add fields and must call {@code sink.end()}. */
  private static JsonOut line(
      DocumentSink sink,
      Journey j,
      long at,
      int attempt,
      String level,
      String message,
      String action,
      String outcome) {
    JsonOut d = sink.begin(IndexFamily.FULFILMENT_LOGS, at);
    d.time("@timestamp", at);
    d.object("log").str("level", level).str("logger", "com.acme.fulfilment.OrderConsumer").end();
    d.str("message", message);
    d.object("service").str("name", "fulfilment-service").end();
    d.object("trace").str("id", j.backTraceId()).end();
    d.object("labels")
        .str("message_id", j.messageId())
        .str("attempt", Integer.toString(attempt))
        .str("topic", "orders.v1")
        .str("partition", Integer.toString(j.partition()))
        .str("offset", Long.toString(j.offset()));
    if ("dead-lettered".equals(action)) {
      d.str("dlq_topic", "orders.v1.DLQ");
    }
    d.end();
    d.object("event").str("action", action).str("outcome", outcome).end();
    return d;
  }

  private static void chatter(DocumentSink sink, Journey j, long start, long millis) {
    long span = Math.max(1, millis - 20);
    for (int i = 1; i <= CHATTY_EVENTS; i++) {
      long at = start + 1 + span * i / (CHATTY_EVENTS + 1);
      line(
          sink,
          j,
          at,
          1,
          "DEBUG",
          "validated line item " + i + " of " + CHATTY_EVENTS,
          "line-item-validated",
          "success");
      sink.end();
    }
  }
}
