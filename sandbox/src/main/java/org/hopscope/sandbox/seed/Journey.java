package org.hopscope.sandbox.seed;

import java.util.List;

/**
 * One message's life across the {@code orders} path as the generator decided it: the single source
 * from which both the Elasticsearch documents and the Prometheus metrics are derived, so the two
 * always tell the same story.
 *
 * <p>All times are true epoch milliseconds; host clock skew is applied only when documents are
 * written.
 *
 * @param messageId the business message ID, carried from the gateway to the ERP adapter
 * @param messageClass ground-truth class
 * @param classHop the hop the class refers to (stuck/failed/dead-lettered/slow/in-flight at, the
 *     first hop with several attempts for RETRIED, fulfilment-service for CHATTY), or null for
 *     HEALTHY
 * @param frontTraceId trace ID of hops 1-3 (publish side); the consumer side starts a new trace
 * @param backTraceId trace ID of hops 3 (receive) to 6, never equal to {@code frontTraceId}
 * @param partition Kafka partition of {@code orders.v1} (0-5)
 * @param offset Kafka offset within that partition
 * @param erpDocumentNumber ERP document number the adapter re-keys to, or null if never reached
 * @param visits the hops the message reached, in path order (a prefix of the path)
 */
public record Journey(
    String messageId,
    MessageClass messageClass,
    OrdersHop classHop,
    String frontTraceId,
    String backTraceId,
    int partition,
    long offset,
    String erpDocumentNumber,
    List<Visit> visits) {

  /** The visit at {@code hop}, or null if the message never reached it. */
  public Visit visit(OrdersHop hop) {
    for (Visit v : visits) {
      if (v.hop() == hop) {
        return v;
      }
    }
    return null;
  }

  /** The furthest hop the message reached (every journey has at least the gateway visit). */
  public OrdersHop lastHop() {
    return visits.get(visits.size() - 1).hop();
  }

  /** What happened at one hop: one or more attempts (retries, duplicate deliveries). */
  public record Visit(OrdersHop hop, List<Attempt> attempts) {
    public long firstStart() {
      return attempts.get(0).start();
    }
  }

  /**
   * One attempt at a hop.
   *
   * @param start epoch millis the hop started working on the message
   * @param durationMillis how long the attempt took; for the topic hop the time from publish to
   *     consume; -1 when the attempt had not finished when the recording ended
   * @param outcome what the attempt came to
   * @param detail free text for the log line (e.g. the ERP fault text), may be empty
   */
  public record Attempt(long start, long durationMillis, Outcome outcome, String detail) {
    /** Epoch millis the attempt ended, or -1 while it is {@link Outcome#PENDING}. */
    public long end() {
      return durationMillis < 0 ? -1 : start + durationMillis;
    }
  }

  /** How one attempt ended. */
  public enum Outcome {
    SUCCESS,
    /** Error the hop will retry (ERP timeout, pool exhausted). */
    RETRYABLE_FAILURE,
    /** Error the hop gives up on (401, ERP business fault). */
    FAILURE,
    /** Handed to the dead-letter topic. */
    DEAD_LETTERED,
    /** Not finished when the recording ended. */
    PENDING
  }
}
