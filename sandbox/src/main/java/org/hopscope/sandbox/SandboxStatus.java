package org.hopscope.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code status} reports; also its JSON form ({@code status --json}).
 *
 * @param dir the state folder
 * @param elasticsearch the search engine's URL (Elasticsearch or OpenSearch, see {@code engine})
 * @param prometheus Prometheus URL
 * @param exporter the exporter's metrics URL
 * @param versions the engine's ({@code elasticsearch} or {@code opensearch}), {@code prometheus}
 *     (null when not installed), {@code hopscope}
 * @param processes per process (the engine's, {@code elasticsearch} or {@code opensearch}; {@code
 *     prometheus}, {@code exporter}, and {@code alertmanager} when installed)
 * @param documents documents in the search engine (non-system indices), null when it does not
 *     answer
 * @param seeded whether the seed's manifest exists
 * @param manifest path of the manifest (whether or not it exists)
 * @param security security facts, {@code enabled} false in plain mode
 * @param profile the name of this sandbox's connection profile (the one {@code up} wrote, else the
 *     one it would write)
 * @param profileFile the profile's file when {@code up} wrote it (or found it up to date), else
 *     null
 * @param alertmanager Alertmanager URL, null when it is not installed (then {@code processes} has
 *     no {@code alertmanager} either)
 * @param engine the search engine: {@code elasticsearch} or {@code opensearch}
 */
public record SandboxStatus(
    Path dir,
    String elasticsearch,
    String prometheus,
    String exporter,
    Map<String, String> versions,
    Map<String, ProcessStatus> processes,
    Long documents,
    boolean seeded,
    Path manifest,
    Security security,
    String profile,
    Path profileFile,
    String alertmanager,
    String engine) {

  /** Whether one process runs, and its pid (null when stopped). */
  public record ProcessStatus(boolean running, Long pid) {}

  /**
   * Security facts; all but {@code enabled} are null in plain mode.
   *
   * @param enabled whether HTTPS and authentication are on
   * @param caCertificate the CA to trust
   * @param user superuser name
   * @param password its password
   * @param readerUser read-only user, null if none
   * @param readerPassword its password
   * @param serviceToken bearer token
   */
  public record Security(
      boolean enabled,
      Path caCertificate,
      String user,
      String password,
      String readerUser,
      String readerPassword,
      String serviceToken) {

    static Security of(SecurityCredentials c) {
      return c == null
          ? new Security(false, null, null, null, null, null, null)
          : new Security(
              true,
              c.caCertificate(),
              c.user(),
              c.password(),
              c.readerUser(),
              c.readerPassword(),
              c.serviceToken());
    }
  }

  /** True when all its processes run (Alertmanager counts only when installed). */
  public boolean allRunning() {
    return processes.values().stream().allMatch(ProcessStatus::running);
  }

  /** The JSON form. */
  public String toJson() {
    try {
      return Json.mapper().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The human form: one line per process, then data and security facts. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("Hopscope sandbox ").append(versions.get("hopscope")).append(" in ").append(dir);
    sb.append('\n');
    SearchEngine se = SearchEngine.ofState(engine);
    line(sb, se.displayName() + " " + versions.get(se.id()), se.id(), elasticsearch);
    String promVersion = versions.get("prometheus");
    line(
        sb,
        "Prometheus " + (promVersion == null ? "(not installed)" : promVersion),
        "prometheus",
        prometheus);
    line(sb, "Exporter", "exporter", exporter);
    if (alertmanager != null) {
      line(sb, "Alertmanager", "alertmanager", alertmanager);
    } else {
      sb.append(
          String.format(
              "  %-28s not installed (`sudo apt-get install %s`; alerts then come from"
                  + " Prometheus only)%n",
              "Alertmanager", AlertmanagerNode.PACKAGE));
    }
    sb.append(
        String.format(
            "  %-28s %s%n",
            "Documents",
            documents == null ? "unknown (" + se.displayName() + " not answering)" : documents));
    sb.append(
        String.format(
            "  %-28s %s (%s%s)%n",
            "Seeded",
            seeded ? "yes" : "no",
            manifest,
            seeded ? "" : " not found; run `hopscope sandbox seed`"));
    sb.append(
        String.format(
            "  %-28s %s%n",
            "Profile",
            profileFile == null
                ? profile + " (not written; `hopscope sandbox up` writes it)"
                : profile + " (" + profileFile + "; hopscope flow --profile " + profile + " ...)"));
    if (security.enabled()) {
      sb.append(
          String.format(
              "  %-28s on: CA %s, user %s / %s, read-only user %s / %s, bearer token %s%n",
              "Security",
              security.caCertificate(),
              security.user(),
              security.password(),
              security.readerUser(),
              security.readerPassword(),
              security.serviceToken()));
    } else {
      sb.append(String.format("  %-28s off (%s)%n", "Security", se.plainNote()));
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, String name, String key, String url) {
    ProcessStatus p = processes.get(key);
    sb.append(
        String.format(
            "  %-28s %-8s %-12s %s%n",
            name, p.running() ? "running" : "stopped", p.running() ? "pid " + p.pid() : "", url));
  }

  static Map<String, String> versions(SearchEngine engine, String version, String prometheus) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(engine.id(), version);
    v.put("prometheus", prometheus);
    v.put("hopscope", Versions.hopscope());
    return v;
  }

  static boolean exists(Path manifest) {
    return Files.isRegularFile(manifest);
  }
}
