package org.hopscope.sandbox;

import java.nio.file.Path;

/** The sandbox's Prometheus process: own config and TSDB folder, scrapes the live exporter. */
public final class PrometheusNode {

  private final SandboxConfig config;

  public PrometheusNode(SandboxConfig config) {
    this.config = config;
  }

  /**
   * Replaces the recorded history: stops Prometheus if running, empties its TSDB folder, moves the
   * TSDB blocks found in {@code blocksDir} (as written by {@code promtool tsdb create-blocks-from
   * openmetrics}) into it, and starts Prometheus again, waiting until it is ready. Afterwards
   * queries over the recorded window answer at once.
   */
  public void replaceHistory(Path blocksDir) {
    throw new SandboxException("not implemented yet: " + config + blocksDir);
  }
}
