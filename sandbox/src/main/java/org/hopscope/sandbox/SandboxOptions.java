package org.hopscope.sandbox;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every sandbox command shares: where the state lives and which ports to use. */
public final class SandboxOptions {

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "State folder (default: $XDG_DATA_HOME/hopscope/sandbox).")
  Path dir;

  @Option(
      names = "--es-port",
      paramLabel = "PORT",
      description =
          "Search engine (Elasticsearch or OpenSearch) HTTP port on 127.0.0.1; its transport"
              + " port is this + 1000 (default: the port the state folder's sandbox was started"
              + " with, else "
              + SandboxConfig.DEFAULT_ELASTICSEARCH_PORT
              + ").")
  Integer elasticsearchPort;

  @Option(
      names = "--prometheus-port",
      paramLabel = "PORT",
      description =
          "Prometheus HTTP port on 127.0.0.1 (default: the state folder's, else "
              + SandboxConfig.DEFAULT_PROMETHEUS_PORT
              + ").")
  Integer prometheusPort;

  @Option(
      names = "--exporter-port",
      paramLabel = "PORT",
      description =
          "Live metrics exporter port on 127.0.0.1 (default: the state folder's, else "
              + SandboxConfig.DEFAULT_EXPORTER_PORT
              + ").")
  Integer exporterPort;

  @Option(
      names = "--alertmanager-port",
      paramLabel = "PORT",
      description =
          "Alertmanager HTTP port on 127.0.0.1 (default: the state folder's, else the Prometheus"
              + " port + 3).")
  Integer alertmanagerPort;

  /**
   * The sandbox these options name. A port not given is the one the state folder's sandbox was
   * started with ({@code sandbox.json}), else the default: {@code seed --dir D} of a sandbox
   * started on other ports never restarts its Prometheus on the default port.
   */
  public SandboxConfig config() {
    Path folder = dir != null ? dir : SandboxConfig.defaultDir();
    RecordedPorts recorded = RecordedPorts.of(SandboxConfig.stateFileIn(folder));
    return new SandboxConfig(
            folder,
            "127.0.0.1",
            pick(elasticsearchPort, recorded.search(), SandboxConfig.DEFAULT_ELASTICSEARCH_PORT),
            pick(prometheusPort, recorded.prometheus(), SandboxConfig.DEFAULT_PROMETHEUS_PORT),
            pick(exporterPort, recorded.exporter(), SandboxConfig.DEFAULT_EXPORTER_PORT))
        .withAlertmanagerPort(pick(alertmanagerPort, recorded.alertmanager(), 0));
  }

  private static int pick(Integer given, int recorded, int fallback) {
    if (given != null) {
      return given;
    }
    return recorded > 0 ? recorded : fallback;
  }
}
