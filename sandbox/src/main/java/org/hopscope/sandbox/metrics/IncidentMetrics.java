package org.hopscope.sandbox.metrics;

import static org.hopscope.sandbox.metrics.StepFamily.Kind.COUNTER;
import static org.hopscope.sandbox.metrics.StepFamily.Kind.GAUGE;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hopscope.sandbox.SandboxException;
import org.hopscope.sandbox.seed.Journey;
import org.hopscope.sandbox.seed.Journey.Attempt;
import org.hopscope.sandbox.seed.Journey.Outcome;
import org.hopscope.sandbox.seed.Journey.Visit;
import org.hopscope.sandbox.seed.OrdersHop;

/**
 * Turns the generated journeys into the Prometheus metrics of the same story: per-hop request
 * rates, errors, latency histograms, Kafka consumer lag, DLQ counter, ERP call durations, sampled
 * every {@code step} over {@code [fromMillis, toMillis]}.
 *
 * <p>Every recorded series carries {@code job="orders-sandbox", instance="sandbox"} (what
 * Prometheus attaches to the live exporter's series), so history and live data are the same series.
 * Events before {@code fromMillis} count into the first sample, events after {@code toMillis} are
 * ignored. Memory is one {@code long} per series and step, independent of the number of journeys;
 * {@link #accept} is O(attempts). Not thread-safe: feed it from one thread.
 *
 * <p>What counts when: HTTP requests and ERP calls when the attempt starts (attempts still {@code
 * PENDING} have no status and are not counted); durations when the attempt ends (not at all if it
 * ends after {@code toMillis}); fulfilment outcomes and DLQ messages when the attempt ends, parked
 * messages when they park; ERP confirmations when the poller's attempt ends. Statuses: success 202
 * (200 at the ERP adapter), retryable failure 504 at the ERP adapter (503 elsewhere), failure 401
 * at the gateway (500 elsewhere). A fulfilment attempt is parked (ERP pool exhausted) when it is
 * retryable or pending and the message never reached the ERP adapter, or its detail mentions the
 * pool; {@code erp_pool_pending_requests} counts the parked attempts not yet ended.
 */
public final class IncidentMetrics implements Consumer<Journey> {

  /** Prometheus job name of the sandbox's scrape config. */
  public static final String JOB = "orders-sandbox";

  /** The fixed {@code instance} label the sandbox's Prometheus relabels the exporter to. */
  public static final String INSTANCE = "sandbox";

  private static final String FULFILMENT = OrdersHop.FULFILMENT.hopName();
  private static final String ERP_ADAPTER = OrdersHop.ERP_ADAPTER.hopName();
  private static final String TOPIC = OrdersHop.ORDERS_TOPIC.hopName();
  private static final String ERP_OPERATION = "CreateSalesOrder";
  private static final int PARTITIONS = 6;

  private final StepGrid grid;
  private final StepFamily httpRequests;
  private final StepHistogram httpDuration;
  private final StepFamily consumerLag;
  private final StepFamily topicMessagesIn;
  private final StepFamily messagesProcessed;
  private final StepFamily dlqMessages;
  private final StepFamily erpCalls;
  private final StepHistogram erpCallDuration;
  private final StepFamily erpPoolPending;
  private final StepFamily erpConfirmations;

  /**
   * @param fromMillis first sample instant, epoch millis
   * @param toMillis last sample instant (the recording's "now"), epoch millis
   * @param step distance between samples (15 s in the sandbox)
   * @throws IllegalArgumentException if {@code toMillis < fromMillis} or the step is not positive
   */
  public IncidentMetrics(long fromMillis, long toMillis, Duration step) {
    grid = new StepGrid(fromMillis, toMillis, step.toMillis());
    httpRequests =
        new StepFamily(
            "http_requests",
            COUNTER,
            "HTTP requests received, by service, method, route and response status.",
            grid,
            "service",
            "method",
            "route",
            "status");
    httpDuration =
        new StepHistogram(
            "http_request_duration_seconds",
            "HTTP request duration in seconds, by service.",
            grid,
            "service");
    consumerLag =
        new StepFamily(
            "kafka_consumergroup_lag",
            GAUGE,
            "Messages published to the partition but not yet consumed by the group.",
            grid,
            "group",
            "topic",
            "partition");
    topicMessagesIn =
        new StepFamily(
            "kafka_topic_messages_in", COUNTER, "Messages published to the topic.", grid, "topic");
    messagesProcessed =
        new StepFamily(
            "messages_processed",
            COUNTER,
            "Consumed messages by processing outcome (success, retry, dead_lettered, failed, parked).",
            grid,
            "service",
            "outcome");
    dlqMessages =
        new StepFamily(
            "dlq_messages",
            COUNTER,
            "Messages sent to the dead-letter topic.",
            grid,
            "service",
            "topic");
    erpCalls =
        new StepFamily(
            "erp_calls",
            COUNTER,
            "Calls to the ERP by operation and outcome (success, timeout, fault).",
            grid,
            "service",
            "operation",
            "outcome");
    erpCallDuration =
        new StepHistogram(
            "erp_call_duration_seconds",
            "ERP call duration in seconds, by operation.",
            grid,
            "service",
            "operation");
    erpPoolPending =
        new StepFamily(
            "erp_pool_pending_requests",
            GAUGE,
            "Requests waiting for a free ERP connection (messages parked at the consumer).",
            grid,
            "service");
    erpConfirmations =
        new StepFamily(
            "erp_confirmations",
            COUNTER,
            "ERP document confirmations picked up by the batch poller.",
            grid,
            "service");
    declareSeries();
  }

  /** The series that exist from the start, so that PromQL sees zeros rather than nothing. */
  private void declareSeries() {
    String gateway = OrdersHop.API_GATEWAY.hopName();
    String orderService = OrdersHop.ORDER_SERVICE.hopName();
    httpRequests.series(gateway, "POST", "/orders", "202");
    httpRequests.series(gateway, "POST", "/orders", "401");
    httpRequests.series(orderService, "POST", "/orders", "202");
    for (String status : List.of("200", "504", "500")) {
      httpRequests.series(ERP_ADAPTER, "POST", "/sap/CreateSalesOrder", status);
    }
    for (String service : List.of(gateway, orderService, ERP_ADAPTER)) {
      httpDuration.declare(service);
    }
    for (int p = 0; p < PARTITIONS; p++) {
      consumerLag.series(FULFILMENT, TOPIC, Integer.toString(p));
    }
    topicMessagesIn.series(TOPIC);
    for (String outcome : List.of("success", "retry", "dead_lettered", "failed", "parked")) {
      messagesProcessed.series(FULFILMENT, outcome);
    }
    dlqMessages.series(FULFILMENT, TOPIC + ".DLQ");
    for (String outcome : List.of("success", "timeout", "fault")) {
      erpCalls.series(ERP_ADAPTER, ERP_OPERATION, outcome);
    }
    erpCallDuration.declare(ERP_ADAPTER, ERP_OPERATION);
    erpPoolPending.series(ERP_ADAPTER);
    erpConfirmations.series(OrdersHop.ERP_CONFIRMATION.hopName());
  }

  @Override
  public void accept(Journey journey) {
    boolean reachesErp = journey.visits().stream().anyMatch(v -> v.hop() == OrdersHop.ERP_ADAPTER);
    for (Visit visit : journey.visits()) {
      for (Attempt attempt : visit.attempts()) {
        switch (visit.hop()) {
          case API_GATEWAY, ORDER_SERVICE -> httpAttempt(visit.hop(), attempt);
          case ORDERS_TOPIC -> topicAttempt(journey.partition(), attempt);
          case FULFILMENT -> fulfilmentAttempt(attempt, reachesErp);
          case ERP_ADAPTER -> {
            httpAttempt(visit.hop(), attempt);
            erpAttempt(attempt);
          }
          case ERP_CONFIRMATION -> confirmationAttempt(attempt);
        }
      }
    }
  }

  private void httpAttempt(OrdersHop hop, Attempt attempt) {
    String status = httpStatus(hop, attempt.outcome());
    if (status == null) {
      return;
    }
    String route = hop == OrdersHop.ERP_ADAPTER ? "/sap/CreateSalesOrder" : "/orders";
    long[] series = httpRequests.series(hop.hopName(), "POST", route, status);
    httpRequests.add(series, attempt.start(), 1);
    httpDuration.observe(end(attempt), attempt.durationMillis(), hop.hopName());
  }

  /** The response status of an HTTP attempt, or null while it is still pending. */
  static String httpStatus(OrdersHop hop, Outcome outcome) {
    return switch (outcome) {
      case SUCCESS -> hop == OrdersHop.ERP_ADAPTER ? "200" : "202";
      case FAILURE -> hop == OrdersHop.API_GATEWAY ? "401" : "500";
      case RETRYABLE_FAILURE -> hop == OrdersHop.ERP_ADAPTER ? "504" : "503";
      case DEAD_LETTERED -> "500";
      case PENDING -> null;
    };
  }

  private void topicAttempt(int partition, Attempt attempt) {
    topicMessagesIn.add(topicMessagesIn.series(TOPIC), attempt.start(), 1);
    long[] lag = consumerLag.series(FULFILMENT, TOPIC, Integer.toString(partition));
    consumerLag.addInterval(lag, attempt.start(), end(attempt));
  }

  /**
   * A fulfilment attempt that could not get an ERP connection is parked: it is retryable or still
   * pending and the message never reached the ERP adapter (or its detail says the pool was
   * exhausted). It waits in the pool from its start until its end (or the end of the recording).
   */
  private void fulfilmentAttempt(Attempt attempt, boolean reachesErp) {
    Outcome outcome = attempt.outcome();
    boolean waiting = outcome == Outcome.RETRYABLE_FAILURE || outcome == Outcome.PENDING;
    if (waiting && (!reachesErp || attempt.detail().toLowerCase().contains("pool"))) {
      messagesProcessed.add(messagesProcessed.series(FULFILMENT, "parked"), attempt.start(), 1);
      erpPoolPending.addInterval(erpPoolPending.series(ERP_ADAPTER), attempt.start(), end(attempt));
      return;
    }
    String label =
        switch (outcome) {
          case SUCCESS -> "success";
          case RETRYABLE_FAILURE -> "retry";
          case DEAD_LETTERED -> "dead_lettered";
          case FAILURE -> "failed";
          case PENDING -> null;
        };
    if (label == null) {
      return;
    }
    messagesProcessed.add(messagesProcessed.series(FULFILMENT, label), end(attempt), 1);
    if (outcome == Outcome.DEAD_LETTERED) {
      dlqMessages.add(dlqMessages.series(FULFILMENT, TOPIC + ".DLQ"), end(attempt), 1);
    }
  }

  private void erpAttempt(Attempt attempt) {
    String outcome =
        switch (attempt.outcome()) {
          case SUCCESS -> "success";
          case RETRYABLE_FAILURE -> "timeout";
          case FAILURE, DEAD_LETTERED -> "fault";
          case PENDING -> null;
        };
    if (outcome == null) {
      return;
    }
    erpCalls.add(erpCalls.series(ERP_ADAPTER, ERP_OPERATION, outcome), attempt.start(), 1);
    erpCallDuration.observe(end(attempt), attempt.durationMillis(), ERP_ADAPTER, ERP_OPERATION);
  }

  private void confirmationAttempt(Attempt attempt) {
    if (attempt.outcome() == Outcome.SUCCESS) {
      String service = OrdersHop.ERP_CONFIRMATION.hopName();
      erpConfirmations.add(erpConfirmations.series(service), end(attempt), 1);
    }
  }

  /** When the attempt ended, or -1 if it had not ended when the recording stopped. */
  private static long end(Attempt attempt) {
    return attempt.durationMillis() < 0 ? -1 : attempt.start() + attempt.durationMillis();
  }

  /** Writes the whole recorded history as OpenMetrics text (timestamps in seconds) for promtool. */
  public void writeOpenMetrics(Path file) {
    try {
      Map<String, String> target = new LinkedHashMap<>();
      target.put("job", JOB);
      target.put("instance", INSTANCE);
      new OpenMetricsWriter(grid, target).write(file, families());
    } catch (IOException e) {
      throw new SandboxException(
          "Cannot write the recorded metrics to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes what the live exporter needs to continue the story from {@code toMillis} on (counter
   * values, current lag, incident state) to {@code file} (JSON, see {@link LiveState}), atomically.
   */
  public void writeLiveState(Path file) {
    liveState().write(file);
  }

  /** The state at the end of the recording, as {@link #writeLiveState} writes it. */
  public LiveState liveState() {
    return new LiveState(
        grid.toMillis(), families().stream().map(RecordedFamily::liveFamily).toList());
  }

  /** The recorded family called {@code name} (tests, checks). */
  RecordedFamily family(String name) {
    return families().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no family " + name));
  }

  List<RecordedFamily> families() {
    return List.of(
        httpRequests,
        httpDuration,
        consumerLag,
        topicMessagesIn,
        messagesProcessed,
        dlqMessages,
        erpCalls,
        erpCallDuration,
        erpPoolPending,
        erpConfirmations);
  }
}
