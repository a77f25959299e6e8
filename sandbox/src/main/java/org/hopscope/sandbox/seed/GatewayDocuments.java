package org.hopscope.sandbox.seed;

import org.hopscope.sandbox.seed.Journey.Attempt;
import org.hopscope.sandbox.seed.Journey.Outcome;

/** The api-gateway's ECS access log: one line per request, correlation header as custom field. */
final class GatewayDocuments {

  private static final String[] USER_AGENTS = {
    "shop-web/4.12.0 (+https://shop.example)",
    "shop-app-android/7.3.1 okhttp/4.12.0",
    "partner-edi-bridge/2.0"
  };

  private GatewayDocuments() {}

  static void write(Journey j, HostSkews skews, DocumentSink sink) {
    Attempt a = j.visit(OrdersHop.API_GATEWAY).attempts().get(0);
    boolean ok = a.outcome() == Outcome.SUCCESS;
    int status = ok ? 202 : 401;
    long at = skews.observed(OrdersHop.API_GATEWAY, a.start());
    JsonOut d = sink.begin(IndexFamily.GATEWAY_ACCESS, at);
    d.time("@timestamp", at);
    d.object("service").str("name", "api-gateway").end();
    d.str("x_correlation_id", j.messageId());
    d.object("trace").str("id", j.frontTraceId()).end();
    d.object("http")
        .object("request")
        .str("method", "POST")
        .end()
        .object("response")
        .num("status_code", status)
        .end()
        .end();
    d.object("url").str("path", "/orders").end();
    d.object("event")
        .str("dataset", "api-gateway.access")
        .num("duration", a.durationMillis() * 1_000_000L)
        .str("outcome", ok ? "success" : "failure")
        .end();
    d.object("log").str("level", ok ? "info" : "warn").end();
    d.object("user_agent")
        .str(
            "original", USER_AGENTS[Math.floorMod(j.frontTraceId().hashCode(), USER_AGENTS.length)])
        .end();
    d.str(
        "message",
        "POST /orders " + status + " " + a.durationMillis() + "ms" + (ok ? "" : " " + a.detail()));
    sink.end();
  }
}
