package org.hopscope.sandbox.seed;

import org.hopscope.sandbox.seed.Payment.ApiRequest;
import org.hopscope.sandbox.seed.Payment.Part;

/**
 * Writes the {@code payments} path's documents, each hop in its own team's format: the payments-api
 * ECS access log, the payment-service's plain JSON lines with an epoch-millisecond number {@code
 * ts}, the ledger's and the settlement batcher's ECS logs per posting, and the clearing gateway's
 * ECS logs per batch (written once the batch is finished, see {@link #writeBatch}).
 */
final class PaymentsDocuments {

  private final PaymentsSkews skews;

  PaymentsDocuments(PaymentsSkews skews) {
    this.skews = skews;
  }

  void write(Payment p, DocumentSink sink) {
    for (ApiRequest r : p.api()) {
      access(p, r, sink);
    }
    if (p.received() < 0) {
      return;
    }
    long at = skews.observed(PaymentsHop.PAYMENT_SERVICE, p.received());
    service(sink, at, "INFO", p.id(), null)
        .str(
            "msg",
            "payment "
                + p.id()
                + " received, "
                + euros(p.amountCents())
                + ", split into "
                + p.parts().size()
                + (p.parts().size() == 1 ? " posting" : " postings"));
    sink.end();
    for (Part part : p.parts()) {
      at = skews.observed(PaymentsHop.PAYMENT_SERVICE, part.created());
      service(sink, at, "INFO", p.id(), part.postingId())
          .str(
              "msg",
              "posting "
                  + part.postingId()
                  + " created on "
                  + part.account()
                  + ", "
                  + euros(part.amountCents()));
      sink.end();
    }
    for (Part part : p.parts()) {
      ledger(part, sink);
      if (part.added() >= 0) {
        at = skews.observed(PaymentsHop.SETTLEMENT_BATCHER, part.added());
        JsonOut d = batcher(sink, at, part.batch().id(), -1, "added");
        d.object("posting").str("id", part.postingId()).end();
        d.str("message", "posting " + part.postingId() + " added to batch " + part.batch().id());
        sink.end();
      }
    }
  }

  /** The batcher's "closed, submitted" line and clearing's answer, as far as they happened. */
  void writeBatch(PaymentBatches.Finished finished, DocumentSink sink) {
    Payment.Batch b = finished.batch();
    if (b.closed() < 0) {
      return;
    }
    long at = skews.observed(PaymentsHop.SETTLEMENT_BATCHER, b.closed());
    JsonOut d = batcher(sink, at, b.id(), finished.postings(), "submitted");
    d.str(
        "message",
        "batch " + b.id() + " closed with " + finished.postings() + " postings, submitted");
    sink.end();
    if (b.answered() < 0) {
      return;
    }
    at = skews.observed(PaymentsHop.CLEARING, b.answered());
    d = sink.begin(IndexFamily.CLEARING_LOGS, at);
    d.time("@timestamp", at);
    d.object("service").str("name", "clearing-gateway").end();
    d.object("log").str("level", b.rejected() ? "ERROR" : "INFO").end();
    d.object("batch").str("id", b.id()).num("size", finished.postings()).end();
    d.object("event")
        .str("action", b.rejected() ? "rejected" : "acknowledged")
        .str("outcome", b.rejected() ? "failure" : "success")
        .end();
    if (b.rejected()) {
      d.object("error")
          .str("code", "CH-117")
          .str("message", "file checksum mismatch in record 3")
          .end();
      d.str(
          "message",
          "batch " + b.id() + " rejected by the clearing house: CH-117 file checksum mismatch");
    } else {
      d.str(
          "message",
          "batch "
              + b.id()
              + " acknowledged by the clearing house ("
              + finished.postings()
              + " postings)");
    }
    sink.end();
  }

  private void access(Payment p, ApiRequest r, DocumentSink sink) {
    long at = skews.observed(PaymentsHop.PAYMENTS_API, r.start());
    JsonOut d = sink.begin(IndexFamily.PAYMENTS_ACCESS, at);
    d.time("@timestamp", at);
    d.object("service").str("name", "payments-api").end();
    d.object("payment").str("id", p.id()).end();
    d.object("http")
        .object("request")
        .str("id", r.requestId())
        .str("method", "POST")
        .end()
        .object("response")
        .num("status_code", r.status())
        .end()
        .end();
    d.object("url").str("path", "/v2/payments").end();
    d.object("event")
        .str("dataset", "payments-api.access")
        .num("duration", r.durationMillis() * 1_000_000L)
        .str("outcome", r.failed() ? "failure" : "success")
        .end();
    d.object("log").str("level", r.failed() ? "warn" : "info").end();
    d.str(
        "message",
        "POST /v2/payments "
            + r.status()
            + " "
            + r.durationMillis()
            + "ms"
            + switch (r.status()) {
              case Payment.BAD_GATEWAY -> " upstream connect error or disconnect/reset";
              case Payment.UNPROCESSABLE -> " creditor IBAN fails the checksum";
              default -> "";
            });
    sink.end();
  }

  private static JsonOut service(
      DocumentSink sink, long at, String level, String paymentId, String postingId) {
    JsonOut d = sink.begin(IndexFamily.PAYMENT_SERVICE_LOGS, at);
    d.num("ts", at);
    d.str("app", "payment-service");
    d.str("host", "pay-svc-2");
    d.str("level", level);
    d.str("paymentId", paymentId);
    if (postingId != null) {
      d.str("postingId", postingId);
    }
    return d;
  }

  private void ledger(Part part, DocumentSink sink) {
    if (part.ledgerReceived() >= 0) {
      ledgerLine(part, part.ledgerReceived(), "received", sink)
          .str("message", "posting " + part.postingId() + " received");
      sink.end();
    }
    if (part.booked() >= 0) {
      ledgerLine(part, part.booked(), "booked", sink)
          .str("message", "posting " + part.postingId() + " booked on " + part.account());
      sink.end();
    }
    if (part.lockWait() >= 0) {
      ledgerLine(part, part.lockWait(), "lock-wait", sink)
          .str(
              "message",
              "posting "
                  + part.postingId()
                  + " still waiting for the lock on "
                  + part.account()
                  + " after 50 s (held by settlement job 7731)");
      sink.end();
    }
  }

  /** A ledger line up to its message; WARN for a lock wait. */
  private JsonOut ledgerLine(Part part, long t, String action, DocumentSink sink) {
    long at = skews.observed(PaymentsHop.LEDGER, t);
    JsonOut d = sink.begin(IndexFamily.LEDGER_POSTINGS, at);
    d.time("@timestamp", at);
    d.object("service").str("name", "ledger").end();
    d.object("log").str("level", action.equals("lock-wait") ? "WARN" : "INFO").end();
    d.object("posting")
        .str("id", part.postingId())
        .str("account", part.account())
        .num("amount_cents", part.amountCents())
        .end();
    d.object("event").str("action", action).end();
    return d;
  }

  /** A batcher line; {@code size} only on the "submitted" line (else -1). */
  private static JsonOut batcher(
      DocumentSink sink, long at, String batchId, int size, String action) {
    JsonOut d = sink.begin(IndexFamily.SETTLEMENT_BATCHER_LOGS, at);
    d.time("@timestamp", at);
    d.object("service").str("name", "settlement-batcher").end();
    d.object("log").str("level", "INFO").end();
    d.object("event").str("action", action).end();
    d.object("batch").str("id", batchId);
    if (size >= 0) {
      d.num("size", size);
    }
    d.end();
    return d;
  }

  private static String euros(long cents) {
    return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100 + " EUR";
  }
}
