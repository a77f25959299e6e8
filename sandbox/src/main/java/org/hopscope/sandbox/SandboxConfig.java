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
 * @param configDir Hopscope's configuration folder, where {@code up} writes this sandbox's
 *     connection profile ({@link SandboxProfile}); tests point it into their own folder
 * @param profile the name of that profile: given ({@code up --profile NAME}), else {@value
 *     SandboxProfile#NAME} for the default state folder and {@code sandbox-<folder name>} for any
 *     other ({@link #defaultProfile}), so a second sandbox never rewrites the default's profile
 * @param alertmanagerPort HTTP port of Alertmanager; 0 means {@link #defaultAlertmanagerPort}
 *     (Prometheus' port + 3)
 */
public record SandboxConfig(
    Path dir,
    String host,
    int elasticsearchPort,
    int prometheusPort,
    int exporterPort,
    Path configDir,
    String profile,
    int alertmanagerPort) {

  public static final int DEFAULT_ELASTICSEARCH_PORT = 19200;
  public static final int DEFAULT_PROMETHEUS_PORT = 19090;
  public static final int DEFAULT_EXPORTER_PORT = 19091;
  public static final int DEFAULT_ALERTMANAGER_PORT = 19093;

  public SandboxConfig {
    dir = dir.toAbsolutePath().normalize();
    configDir = configDir.toAbsolutePath().normalize();
    profile = profile == null ? defaultProfile(dir) : SandboxProfile.requireName(profile);
    alertmanagerPort =
        alertmanagerPort == 0 ? defaultAlertmanagerPort(prometheusPort) : alertmanagerPort;
  }

  /** A sandbox whose Alertmanager listens on {@link #defaultAlertmanagerPort}. */
  public SandboxConfig(
      Path dir,
      String host,
      int elasticsearchPort,
      int prometheusPort,
      int exporterPort,
      Path configDir,
      String profile) {
    this(dir, host, elasticsearchPort, prometheusPort, exporterPort, configDir, profile, 0);
  }

  /**
   * Alertmanager's port when none is given: Prometheus' port + 3 ({@value
   * #DEFAULT_ALERTMANAGER_PORT} beside the default Prometheus), so sandboxes on other ports never
   * share one.
   */
  public static int defaultAlertmanagerPort(int prometheusPort) {
    return prometheusPort + 3;
  }

  /** This config with Alertmanager on {@code port} (0: the default). */
  public SandboxConfig withAlertmanagerPort(int port) {
    return new SandboxConfig(
        dir, host, elasticsearchPort, prometheusPort, exporterPort, configDir, profile, port);
  }

  /** A sandbox whose profile, named by {@link #defaultProfile}, goes to {@code configDir}. */
  public SandboxConfig(
      Path dir,
      String host,
      int elasticsearchPort,
      int prometheusPort,
      int exporterPort,
      Path configDir) {
    this(dir, host, elasticsearchPort, prometheusPort, exporterPort, configDir, null);
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
        SandboxProfile.configDir(System.getenv(), System.getProperties()),
        null);
  }

  /**
   * The profile name of the sandbox in {@code dir}: {@value SandboxProfile#NAME} for {@link
   * #defaultDir()}, else {@code sandbox-} and the folder's name, each run of characters a profile
   * name cannot hold replaced by {@code -} (e.g. {@code --dir "/tmp/sb 2"} gives {@code
   * sandbox-sb-2}).
   */
  public static String defaultProfile(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (abs.equals(defaultDir().toAbsolutePath().normalize())) {
      return SandboxProfile.NAME;
    }
    Path name = abs.getFileName();
    String safe =
        name == null
            ? ""
            : name.toString().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    return SandboxProfile.NAME + "-" + (safe.isEmpty() ? "root" : safe);
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

  public String alertmanagerUrl() {
    return "http://" + host + ":" + alertmanagerPort;
  }

  public String exporterUrl() {
    return "http://" + host + ":" + exporterPort;
  }

  public Path stateFile() {
    return stateFileIn(dir);
  }

  /** The state file of state folder {@code dir}. */
  static Path stateFileIn(Path dir) {
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
