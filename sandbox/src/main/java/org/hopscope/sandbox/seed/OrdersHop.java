package org.hopscope.sandbox.seed;

import java.time.Duration;

/** The six hops of the sandbox's {@code orders} integration path, in path order. */
public enum OrdersHop {
  API_GATEWAY("api-gateway", Duration.ofSeconds(5)),
  ORDER_SERVICE("order-service", Duration.ofSeconds(10)),
  ORDERS_TOPIC("orders.v1", Duration.ofMinutes(5)),
  FULFILMENT("fulfilment-service", Duration.ofMinutes(2)),
  ERP_ADAPTER("erp-adapter", Duration.ofMinutes(10)),
  ERP_CONFIRMATION("erp-confirmation", null);

  private final String hopName;
  private final Duration sla;

  OrdersHop(String hopName, Duration sla) {
    this.hopName = hopName;
    this.sla = sla;
  }

  /**
   * The hop's hand-over SLA: the longest time allowed from the message's first event at this hop to
   * its first event at the next hop; null for the terminal hop.
   */
  public Duration sla() {
    return sla;
  }

  /** Whether this is the last hop of the path (it hands over to nobody). */
  public boolean terminal() {
    return next() == null;
  }

  /** The hop's name as the path definition and the manifest spell it. */
  public String hopName() {
    return hopName;
  }

  /** The next hop on the path, or null for the terminal hop. */
  public OrdersHop next() {
    return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
  }
}
