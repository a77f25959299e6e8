package org.hopscope.sandbox;

import java.nio.file.Path;
import org.hopscope.sandbox.seed.PaymentsManifest;

/**
 * Where the sandbox keeps its state and which loopback ports it listens on.
 *
 * @param dir state folder: Elasticsearch install and data, Prometheus config and TSDB, pid files,
 *     {@code sandbox.json} (connection facts), {@code manifest.json} and {@code
 *     payments-manifest.json} (the seed's ground truth of each path)
 * @param host the loopback address every server binds to
 * @param elasticsearchPort HTTP port of Elasticsearch
 * @param prometheusPort HTTP port of Prometheus
 * @param exporterPort HTTP port of the live exporter that Prometheus scrapes
 * @param configDir Hopscope's configuration folder, where {@code up} writes the {@code sandbox}
 *     connection profile ({@link SandboxProfile}); tests point it into their own folder
 */
public record SandboxConfig(
    Path dir,
    String host,
    int elasticsearchPort,
    int prometheusPort,
    int exporterPort,
    Path configDir) {

  public static final int DEFAULT_ELASTICSEARCH_PORT = 19200;
  public static final int DEFAULT_PROMETHEUS_PORT = 19090;
  public static final int DEFAULT_EXPORTER_PORT = 19091;

  public SandboxConfig {
    dir = dir.toAbsolutePath().normalize();
    configDir = configDir.toAbsolutePath().normalize();
  }

  /** A sandbox whose profile goes to the user's configuration folder ({@link SandboxProfile}). */
  public SandboxConfig(
      Path dir, String host, int elasticsearchPort, int prometheusPort, int exporterPort) {
    this(
        dir,
        host,
        elasticsearchPort,
        prometheusPort,
        exporterPort,
        SandboxProfile.configDir(System.getenv(), System.getProperties()));
  }

  /** The user's sandbox: {@code $XDG_DATA_HOME/hopscope/sandbox} (or ~/.local/share/...). */
  public static Path defaultDir() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("hopscope").resolve("sandbox");
  }

  public String elasticsearchUrl(boolean https) {
    return (https ? "https" : "http") + "://" + host + ":" + elasticsearchPort;
  }

  public String prometheusUrl() {
    return "http://" + host + ":" + prometheusPort;
  }

  public String exporterUrl() {
    return "http://" + host + ":" + exporterPort;
  }

  public Path stateFile() {
    return dir.resolve("sandbox.json");
  }

  public Path manifestFile() {
    return dir.resolve("manifest.json");
  }

  /** The payments path's ground truth, written by the seed beside {@link #manifestFile()}. */
  public Path paymentsManifestFile() {
    return dir.resolve(PaymentsManifest.FILE_NAME);
  }
}
