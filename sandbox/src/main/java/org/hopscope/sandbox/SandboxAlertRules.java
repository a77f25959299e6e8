package org.hopscope.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alerting rules of the sandbox's Prometheus ({@code prometheus/rules.yml}, written next to
 * {@code prometheus.yml}): what the recorded orders incident sets off. Evaluated every 5 s over the
 * backfilled history and the live exporter's continuation of it, so after {@code seed} (and after
 * every {@code up} of a seeded sandbox) the {@link Expect#FIRING} rules fire within their {@code
 * for} plus one evaluation, the {@link Expect#PENDING} one stays pending (its {@code for} is a
 * week) and the {@link Expect#INACTIVE} one never becomes active (no 401s in the story).
 * docs/sandbox.md lists them; tests take their expectations from {@link #RULES}.
 */
public final class SandboxAlertRules {

  /** The rule group's name. */
  public static final String GROUP = "hopscope-sandbox-orders";

  /** What a rule does during the recorded incident and its live continuation. */
  public enum Expect {
    FIRING,
    PENDING,
    INACTIVE
  }

  /**
   * One alerting rule.
   *
   * @param name {@code alert:} name
   * @param expr PromQL
   * @param forDuration how long the expression must hold before the alert fires
   * @param labels labels the rule adds (severity, hop); the expression's own ({@code service},
   *     {@code topic}, ...) come on top
   * @param summary the {@code summary} annotation
   * @param playbook the playbook ID its {@code runbook_url} opens
   * @param hop the hop its {@code runbook_url} names
   * @param expect what it does in the sandbox
   */
  public record Rule(
      String name,
      String expr,
      Duration forDuration,
      Map<String, String> labels,
      String summary,
      String playbook,
      String hop,
      Expect expect) {

    public Rule {
      labels = Map.copyOf(new TreeMap<>(labels));
    }

    /** The {@code runbook_url} annotation: a Hopscope playbook link (docs/alert-links.md). */
    public String runbookUrl() {
      return "hopscope://playbook/" + playbook + "?path=orders&hop=" + hop;
    }
  }

  /** Every rule, in file order. */
  public static final List<Rule> RULES =
      List.of(
          new Rule(
              "OrdersFulfilmentParking",
              "sum by (service) (rate(messages_processed_total{outcome=\"parked\"}[5m])) > 0.01",
              Duration.ofSeconds(10),
              Map.of("severity", "page", "hop", "fulfilment-service"),
              "fulfilment-service parks messages: no free ERP connection",
              "consumer-lag",
              "fulfilment-service",
              Expect.FIRING),
          new Rule(
              "OrdersErpLatencyHigh",
              "histogram_quantile(0.9, sum by (le, service)"
                  + " (rate(erp_call_duration_seconds_bucket[5m]))) > 5",
              Duration.ofSeconds(10),
              Map.of("severity", "page", "hop", "erp-adapter"),
              "ERP call latency p90 above 5 s",
              "erp-timeouts",
              "erp-adapter",
              Expect.FIRING),
          new Rule(
              "OrdersConsumerLagGrowing",
              "sum by (group, topic) (deriv(kafka_consumergroup_lag[15m])) > 0.005",
              Duration.ofSeconds(10),
              Map.of("severity", "warning", "hop", "fulfilment-service"),
              "orders.v1 consumer lag is growing",
              "consumer-lag",
              "fulfilment-service",
              Expect.FIRING),
          new Rule(
              "OrdersDeadLettersGrowing",
              "sum by (service, topic) (increase(dlq_messages_total[10m])) > 1",
              Duration.ofSeconds(10),
              Map.of("severity", "warning", "hop", "fulfilment-service"),
              "messages are dead-lettered to orders.v1.DLQ",
              "dead-letters",
              "fulfilment-service",
              Expect.FIRING),
          new Rule(
              "OrdersErpTimeoutsForAWeek",
              "sum by (service) (rate(erp_calls_total{outcome=\"timeout\"}[5m])) > 0.05",
              Duration.ofDays(7),
              Map.of("severity", "ticket", "hop", "erp-adapter"),
              "ERP calls have been timing out for a week",
              "erp-timeouts",
              "erp-adapter",
              Expect.PENDING),
          new Rule(
              "OrdersGatewayAuthFailures",
              "sum by (service) (rate(http_requests_total{service=\"api-gateway\",status=\"401\"}"
                  + "[5m])) > 0.1",
              Duration.ofSeconds(10),
              Map.of("severity", "page", "hop", "api-gateway"),
              "api-gateway rejects requests: 401",
              "gateway-auth",
              "api-gateway",
              Expect.INACTIVE));

  private SandboxAlertRules() {}

  /** The rules with {@code expect}, in file order. */
  public static List<Rule> expected(Expect expect) {
    return RULES.stream().filter(r -> r.expect() == expect).toList();
  }

  /** The rules file's YAML text. */
  static String yaml() {
    StringBuilder out =
        new StringBuilder(
            "# written by hopscope sandbox up; rewritten at every start (docs/sandbox.md)\n");
    out.append("groups:\n  - name: ").append(GROUP).append("\n    interval: 5s\n    rules:\n");
    for (Rule r : RULES) {
      out.append("      - alert: ").append(r.name()).append('\n');
      out.append("        expr: ").append(quoted(r.expr())).append('\n');
      out.append("        for: ").append(r.forDuration().toSeconds()).append("s\n");
      out.append("        labels:\n");
      r.labels()
          .forEach(
              (k, v) ->
                  out.append("          ").append(k).append(": ").append(quoted(v)).append('\n'));
      out.append("        annotations:\n");
      out.append("          summary: ").append(quoted(r.summary())).append('\n');
      out.append("          runbook_url: ").append(quoted(r.runbookUrl())).append('\n');
    }
    return out.toString();
  }

  /** Writes the rules file to {@code file}. */
  static void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml());
    } catch (IOException e) {
      throw new SandboxException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
