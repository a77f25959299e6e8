package org.hopscope.sandbox.metrics;

import java.nio.file.Path;

/**
 * Runs {@code promtool tsdb create-blocks-from openmetrics} to turn recorded history into blocks.
 */
public final class PrometheusBackfill {

  private PrometheusBackfill() {}

  /**
   * Creates TSDB blocks from {@code openMetricsFile} into {@code outDir}; returns {@code outDir}.
   */
  public static Path createBlocks(Path openMetricsFile, Path outDir) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
