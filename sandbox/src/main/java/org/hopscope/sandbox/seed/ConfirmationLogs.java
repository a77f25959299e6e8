package org.hopscope.sandbox.seed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.hopscope.sandbox.seed.Journey.Attempt;

/**
 * The erp-confirmation batch poller's ECS logs (nested objects). They carry only the ERP document
 * number and the batch ID, never the message ID: reaching them needs the erp-adapter's re-key.
 */
final class ConfirmationLogs {

  private static final DateTimeFormatter BATCH =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

  private ConfirmationLogs() {}

  static void write(Journey j, HostSkews skews, IncidentTimeline timeline, DocumentSink sink) {
    Attempt a = j.visit(OrdersHop.ERP_CONFIRMATION).attempts().get(0);
    long at = skews.observed(OrdersHop.ERP_CONFIRMATION, a.start());
    long batch = timeline.confirmationBatch(a.start() - 119_999);
    JsonOut d = sink.begin(IndexFamily.ERP_CONFIRMATION_LOGS, at);
    d.time("@timestamp", at);
    d.object("log").str("level", "INFO").str("logger", "com.acme.erp.ConfirmationPoller").end();
    d.str("message", "document " + j.erpDocumentNumber() + " posted, status=POSTED");
    d.object("service").str("name", "erp-confirmation").end();
    d.object("labels")
        .str("erp_document_number", j.erpDocumentNumber())
        .str("batch_id", "conf-" + BATCH.format(Instant.ofEpochMilli(batch)))
        .end();
    d.object("event").str("action", "posted").str("outcome", "success").end();
    sink.end();
  }
}
