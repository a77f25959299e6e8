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
              + " port is this + 1000 (default: ${DEFAULT-VALUE}).")
  int elasticsearchPort = SandboxConfig.DEFAULT_ELASTICSEARCH_PORT;

  @Option(
      names = "--prometheus-port",
      paramLabel = "PORT",
      description = "Prometheus HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int prometheusPort = SandboxConfig.DEFAULT_PROMETHEUS_PORT;

  @Option(
      names = "--exporter-port",
      paramLabel = "PORT",
      description = "Live metrics exporter port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int exporterPort = SandboxConfig.DEFAULT_EXPORTER_PORT;

  @Option(
      names = "--alertmanager-port",
      paramLabel = "PORT",
      description = "Alertmanager HTTP port on 127.0.0.1 (default: the Prometheus port + 3).")
  int alertmanagerPort;

  public SandboxConfig config() {
    return new SandboxConfig(
            dir != null ? dir : SandboxConfig.defaultDir(),
            "127.0.0.1",
            elasticsearchPort,
            prometheusPort,
            exporterPort)
        .withAlertmanagerPort(alertmanagerPort);
  }
}
