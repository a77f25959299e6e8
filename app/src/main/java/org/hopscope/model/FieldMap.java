package org.hopscope.model;

import java.util.List;

/**
 * How one event source of a hop names its fields. Every path is per hop, from the path definition,
 * never hard-coded. Optional fields are null when the source has none.
 *
 * @param timestamp event time (required)
 * @param timestampFormat how {@code timestamp} is stored
 * @param messageIds fields that carry the business message ID (at least one, several allowed; a hop
 *     that carries only a re-keyed ID lists that field)
 * @param traceId trace ID, or null
 * @param spanId span ID, or null
 * @param level log level or severity, or null
 * @param message human-readable text, or null
 * @param service emitting service name, or null
 * @param attempt delivery/retry attempt number, or null
 * @param failure an event is a failure when ANY of these holds (empty: never); those marked {@link
 *     Condition#terminal()} end the message
 * @param deadLetter an event marks dead-lettering when ANY of these holds (empty: never)
 * @param attemptStart an event starts a new attempt (delivery, retry, call) when ANY of these
 *     holds; empty: every span of a span source is an attempt, and a log source counts one attempt.
 *     A hop's attempts are the most any of its sources counts.
 * @param name a span's name, the first of these fields the document has (empty: none); shown where
 *     a log shows its message
 * @param duration a span's length, the first of these fields the document has (empty: none)
 * @param durationUnit the unit {@code duration} is stored in
 * @param outcome a span's outcome or status (e.g. {@code event.outcome}, {@code status.code}), or
 *     null
 */
public record FieldMap(
    FieldPath timestamp,
    TimestampFormat timestampFormat,
    List<FieldPath> messageIds,
    FieldPath traceId,
    FieldPath spanId,
    FieldPath level,
    FieldPath message,
    FieldPath service,
    FieldPath attempt,
    List<Condition> failure,
    List<Condition> deadLetter,
    List<Condition> attemptStart,
    List<FieldPath> name,
    List<FieldPath> duration,
    DurationUnit durationUnit,
    FieldPath outcome) {

  /** A field map without span fields (name, duration, outcome). */
  public FieldMap(
      FieldPath timestamp,
      TimestampFormat timestampFormat,
      List<FieldPath> messageIds,
      FieldPath traceId,
      FieldPath spanId,
      FieldPath level,
      FieldPath message,
      FieldPath service,
      FieldPath attempt,
      List<Condition> failure,
      List<Condition> deadLetter,
      List<Condition> attemptStart) {
    this(
        timestamp,
        timestampFormat,
        messageIds,
        traceId,
        spanId,
        level,
        message,
        service,
        attempt,
        failure,
        deadLetter,
        attemptStart,
        List.of(),
        List.of(),
        DurationUnit.MILLIS,
        null);
  }

  public FieldMap {
    name = List.copyOf(name);
    duration = List.copyOf(duration);
    durationUnit = durationUnit == null ? DurationUnit.MILLIS : durationUnit;
    attemptStart = List.copyOf(attemptStart);
    messageIds = List.copyOf(messageIds);
    failure = List.copyOf(failure);
    deadLetter = List.copyOf(deadLetter);
    if (messageIds.isEmpty()) {
      throw new IllegalArgumentException("a field map needs at least one message-ID field");
    }
  }

  /** The failure conditions that end the message whatever follows. */
  public List<Condition> terminal() {
    return failure.stream().filter(Condition::terminal).toList();
  }
}
