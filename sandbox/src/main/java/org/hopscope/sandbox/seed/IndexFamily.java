package org.hopscope.sandbox.seed;

import java.time.LocalDate;

/**
 * The daily index families the seed writes, each in its own team's format: seven of the {@code
 * orders} path, then five of the {@code payments} path. Index names carry the UTC day of the
 * document's (observed) timestamp.
 */
public enum IndexFamily {
  /** ECS access log of the gateway; message ID in {@code x_correlation_id}. */
  GATEWAY_ACCESS(OrdersHop.API_GATEWAY, "gateway-access-", '.', "x_correlation_id"),
  /** Elastic-APM-like transaction and span documents; message ID in {@code labels.message_id}. */
  ORDER_SERVICE_APM(OrdersHop.ORDER_SERVICE, "apm-order-service-", '.', "labels.message_id"),
  /** ecs-logging lines with dotted top-level keys; message ID in {@code labels.message_id}. */
  ORDER_SERVICE_LOGS(OrdersHop.ORDER_SERVICE, "logs-order-service-", '.', "labels.message_id"),
  /** OpenTelemetry-native producer and consumer spans of the topic. */
  ORDERS_TOPIC_SPANS(
      OrdersHop.ORDERS_TOPIC, "otel-traces-orders-", '.', "attributes.messaging.message.id"),
  /** ECS logs with nested objects; message ID in {@code labels.message_id}. */
  FULFILMENT_LOGS(OrdersHop.FULFILMENT, "logs-fulfilment-", '.', "labels.message_id"),
  /** Jaeger span storage; message ID in the nested tag {@code tags[key=message.id].value}. */
  ERP_ADAPTER_SPANS(OrdersHop.ERP_ADAPTER, "jaeger-span-", '-', "tags.value (key message.id)"),
  /** ECS logs carrying only the ERP document number ({@code labels.erp_document_number}). */
  ERP_CONFIRMATION_LOGS(
      OrdersHop.ERP_CONFIRMATION, "logs-erp-confirmation-", '.', "labels.erp_document_number"),
  /** payments-api ECS access log; payment ID in {@code payment.id}. */
  PAYMENTS_ACCESS(PaymentsHop.PAYMENTS_API, "payments-access-", "payment.id"),
  /** payment-service plain JSON logs, {@code ts} in epoch milliseconds; ID in {@code paymentId}. */
  PAYMENT_SERVICE_LOGS(PaymentsHop.PAYMENT_SERVICE, "payment-service-", "paymentId"),
  /** The ledger's ECS logs, per posting ({@code posting.id}); no payment ID. */
  LEDGER_POSTINGS(PaymentsHop.LEDGER, "ledger-postings-", "posting.id"),
  /** The settlement batcher's ECS logs: {@code posting.id} and {@code batch.id}. */
  SETTLEMENT_BATCHER_LOGS(PaymentsHop.SETTLEMENT_BATCHER, "settlement-batcher-", "posting.id"),
  /** The clearing gateway's ECS logs, per batch ({@code batch.id}) only. */
  CLEARING_LOGS(PaymentsHop.CLEARING, "clearing-", "batch.id");

  private final OrdersHop hop;
  private final PaymentsHop paymentsHop;
  private final String prefix;
  private final char dateSeparator;
  private final String idField;

  IndexFamily(OrdersHop hop, String prefix, char dateSeparator, String idField) {
    this.hop = hop;
    this.paymentsHop = null;
    this.prefix = prefix;
    this.dateSeparator = dateSeparator;
    this.idField = idField;
  }

  IndexFamily(PaymentsHop hop, String prefix, String idField) {
    this.hop = null;
    this.paymentsHop = hop;
    this.prefix = prefix;
    this.dateSeparator = '.';
    this.idField = idField;
  }

  /** The orders hop whose documents live in this family, null for a payments family. */
  public OrdersHop hop() {
    return hop;
  }

  /** The payments hop whose documents live in this family, null for an orders family. */
  public PaymentsHop paymentsHop() {
    return paymentsHop;
  }

  /** The index pattern covering every day of the family, e.g. {@code gateway-access-*}. */
  public String pattern() {
    return prefix + "*";
  }

  /** The field (as documented) that carries the message ID, or the ERP document number. */
  public String idField() {
    return idField;
  }

  /** Name of the index template the seed installs for this family. */
  String templateName() {
    return "hopscope-seed-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The index holding documents of the UTC day {@code epochDay}. */
  public String indexName(long epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return String.format(
        "%s%04d%c%02d%c%02d",
        prefix, d.getYear(), dateSeparator, d.getMonthValue(), dateSeparator, d.getDayOfMonth());
  }
}
