package org.hopscope.sandbox.metrics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.hopscope.sandbox.seed.Journey;

/**
 * Turns the generated journeys into the Prometheus metrics of the same story: per-hop request
 * rates, errors, latency histograms, Kafka consumer lag, DLQ counter, ERP call durations, sampled
 * every {@code step} over {@code [fromMillis, toMillis]}.
 */
public final class IncidentMetrics implements Consumer<Journey> {

  public IncidentMetrics(long fromMillis, long toMillis, Duration step) {}

  @Override
  public void accept(Journey journey) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Writes the whole recorded history as OpenMetrics text (timestamps in seconds) for promtool. */
  public void writeOpenMetrics(Path file) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Writes what the live exporter needs to continue the story from {@code toMillis} on (counter
   * values, current lag, incident state) to {@code file} (JSON).
   */
  public void writeLiveState(Path file) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
