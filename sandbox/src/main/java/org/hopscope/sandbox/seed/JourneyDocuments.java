package org.hopscope.sandbox.seed;

/** Writes all documents of one journey, hop by hop, each hop in its own team's format. */
final class JourneyDocuments {

  private final HostSkews skews;
  private final IncidentTimeline timeline;

  JourneyDocuments(HostSkews skews, IncidentTimeline timeline) {
    this.skews = skews;
    this.timeline = timeline;
  }

  void write(Journey j, DocumentSink sink) {
    GatewayDocuments.write(j, skews, sink);
    if (j.visit(OrdersHop.ORDER_SERVICE) == null) {
      return;
    }
    OrderServiceDocuments.write(j, skews, sink);
    TopicSpans.write(j, skews, sink);
    if (j.visit(OrdersHop.FULFILMENT) != null) {
      FulfilmentLogs.write(j, skews, sink);
    }
    if (j.visit(OrdersHop.ERP_ADAPTER) != null) {
      ErpAdapterSpans.write(j, skews, sink);
    }
    if (j.visit(OrdersHop.ERP_CONFIRMATION) != null) {
      ConfirmationLogs.write(j, skews, timeline, sink);
    }
  }
}
