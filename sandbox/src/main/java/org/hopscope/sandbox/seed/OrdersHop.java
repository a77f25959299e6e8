package org.hopscope.sandbox.seed;

/** The six hops of the sandbox's {@code orders} integration path, in path order. */
public enum OrdersHop {
  API_GATEWAY("api-gateway"),
  ORDER_SERVICE("order-service"),
  ORDERS_TOPIC("orders.v1"),
  FULFILMENT("fulfilment-service"),
  ERP_ADAPTER("erp-adapter"),
  ERP_CONFIRMATION("erp-confirmation");

  private final String hopName;

  OrdersHop(String hopName) {
    this.hopName = hopName;
  }

  /** The hop's name as the path definition and the manifest spell it. */
  public String hopName() {
    return hopName;
  }

  public OrdersHop next() {
    return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
  }
}
