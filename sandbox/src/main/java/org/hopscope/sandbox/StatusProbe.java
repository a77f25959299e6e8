package org.hopscope.sandbox;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Gathers a {@link SandboxStatus}: pid files, what answers, versions, document count. */
final class StatusProbe {

  private final SandboxConfig config;
  private final ElasticsearchNode elasticsearch;
  private final PrometheusNode prometheus;
  private final ExporterProcess exporter;
  private final AlertmanagerNode alertmanager;
  private final SecuritySetup security;

  StatusProbe(
      SandboxConfig config,
      ElasticsearchNode elasticsearch,
      PrometheusNode prometheus,
      ExporterProcess exporter,
      AlertmanagerNode alertmanager,
      SecuritySetup security) {
    this.config = config;
    this.elasticsearch = elasticsearch;
    this.prometheus = prometheus;
    this.exporter = exporter;
    this.alertmanager = alertmanager;
    this.security = security;
  }

  /** The status; URLs come from {@code state} when {@code up} wrote one, else from the config. */
  SandboxStatus probe(Optional<SandboxState> state) {
    Optional<Long> esPid = elasticsearch.pidFile().runningPid();
    Optional<Long> promPid = prometheus.pidFile().runningPid();
    Optional<Long> exporterPid = exporter.pidFile().runningPid();
    boolean secure = elasticsearch.securityConfigured();
    SecurityCredentials creds = secure ? security.existing().orElse(null) : null;
    EsEndpoint endpoint =
        state
            .filter(s -> s.security() == secure)
            .map(SandboxState::elasticsearch)
            .orElseGet(() -> EsEndpoint.plain(config.elasticsearchUrl(secure)));
    String promUrl = state.map(SandboxState::prometheusUrl).orElse(config.prometheusUrl());
    String exporterUrl = state.map(SandboxState::exporterUrl).orElse(config.exporterUrl());

    SearchEngine engine = elasticsearch.engine();
    Long documents = null;
    String esVersion = engine.version();
    if (esPid.isPresent()) {
      ClusterFacts facts = new ClusterFacts(endpoint);
      documents = boxed(facts.documentCount());
      esVersion = facts.version().orElse(esVersion);
    }
    Map<String, SandboxStatus.ProcessStatus> processes = new LinkedHashMap<>();
    processes.put(engine.id(), process(esPid));
    processes.put("prometheus", process(promPid));
    processes.put("exporter", process(exporterPid));
    Optional<Long> amPid = alertmanager.pidFile().runningPid();
    boolean amInstalled = amPid.isPresent() || AlertmanagerNode.binary().isPresent();
    if (amInstalled) {
      processes.put("alertmanager", process(amPid));
    }
    return new SandboxStatus(
        config.dir(),
        endpoint.url().toString(),
        promUrl,
        exporterUrl + "/metrics",
        SandboxStatus.versions(engine, esVersion, prometheusVersion(promPid.isPresent(), promUrl)),
        processes,
        documents,
        SandboxStatus.exists(config.manifestFile()),
        config.manifestFile(),
        SandboxStatus.Security.of(creds),
        state.map(SandboxState::profileName).orElse(config.profile()),
        state.map(SandboxState::profile).orElse(null),
        amInstalled
            ? state
                .map(SandboxState::alertmanagerUrl)
                .filter(u -> u != null)
                .orElse(config.alertmanagerUrl())
            : null,
        engine.id());
  }

  private static Long boxed(java.util.OptionalLong v) {
    return v.isPresent() ? v.getAsLong() : null;
  }

  private static SandboxStatus.ProcessStatus process(Optional<Long> pid) {
    return new SandboxStatus.ProcessStatus(pid.isPresent(), pid.orElse(null));
  }

  private static String prometheusVersion(boolean running, String url) {
    if (running) {
      Optional<String> v = buildInfoVersion(url);
      if (v.isPresent()) {
        return v.get();
      }
    }
    return PrometheusBinary.onPath().map(PrometheusBinary::version).orElse(null);
  }

  private static Optional<String> buildInfoVersion(String url) {
    try {
      var client = Ports.localClient();
      var req =
          java.net.http.HttpRequest.newBuilder(URI.create(url + "/api/v1/status/buildinfo"))
              .timeout(java.time.Duration.ofSeconds(5))
              .build();
      var resp = client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() != 200) {
        return Optional.empty();
      }
      String v = Json.mapper().readTree(resp.body()).path("data").path("version").asText("");
      return v.isEmpty() ? Optional.empty() : Optional.of(v);
    } catch (java.io.IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while asking Prometheus for its version", e);
    }
  }
}
