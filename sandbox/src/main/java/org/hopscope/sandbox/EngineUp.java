package org.hopscope.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The search engine's part of {@link Sandbox#up}: a node that already runs must match the asked-for
 * mode (plain or security) and port, and is waited for; otherwise the distribution is installed,
 * credentials made or reused in security mode, {@code ENGINE.yml} written and the node started. A
 * node whose data is gone takes the seed's manifests with it.
 */
final class EngineUp {

  private final SandboxConfig config;
  private final PrintStream out;
  private final SearchEngine engine;
  private final ElasticsearchNode elasticsearch;
  private final SecuritySetup security;

  /**
   * The engine part of {@code up} for {@code elasticsearch}, printing progress lines to {@code
   * out}.
   */
  EngineUp(
      SandboxConfig config,
      PrintStream out,
      ElasticsearchNode elasticsearch,
      SecuritySetup security) {
    this.config = config;
    this.out = out;
    this.engine = elasticsearch.engine();
    this.elasticsearch = elasticsearch;
    this.security = security;
  }

  /**
   * Waits for the running node ({@code running}) or installs, configures and starts it; returns its
   * credentials in security mode ({@code secure}), else null.
   */
  SecurityCredentials up(boolean running, boolean secure) {
    if (running) {
      SecurityCredentials creds = secure ? existingCredentials() : null;
      Sandbox.awaitAlreadyRunning(
          out,
          engine.displayName(),
          elasticsearch.pidFile(),
          () -> {
            elasticsearch.awaitHealthy(endpoint(creds));
            return true;
          });
      return creds;
    }
    boolean dataGone = !Files.isDirectory(elasticsearch.base().resolve("data"));
    elasticsearch.install(ElasticsearchDistribution.locate(engine));
    if (dataGone) {
      forgetSeed();
    }
    SecurityCredentials creds = secure ? security.ensure() : null;
    elasticsearch.writeConfig(secure ? SecuritySetup.settings() : engine.plainSettings());
    elasticsearch.start(endpoint(creds), out);
    return creds;
  }

  /** The engine's data is gone (purged, deleted): so is the seed its manifests describe. */
  private void forgetSeed() {
    for (Path manifest : List.of(config.manifestFile(), config.paymentsManifestFile())) {
      try {
        if (Files.deleteIfExists(manifest)) {
          out.println(
              engine.displayName()
                  + "'s data is gone, so "
                  + manifest
                  + " no longer held: removed it.");
        }
      } catch (IOException e) {
        throw new SandboxException("cannot remove the stale manifest " + manifest + ": " + e, e);
      }
    }
  }

  private SecurityCredentials existingCredentials() {
    return security
        .existing()
        .orElseThrow(
            () ->
                new SandboxException(
                    "Elasticsearch runs in security mode but its credentials are gone or were"
                        + " made by an older version without the read-only user ("
                        + security.credentialsFile()
                        + "); run `hopscope sandbox down`, then `up --security` again."));
  }

  /** Fails unless the running node is in the mode ({@code secure}) and on the port asked for. */
  void requireSameElasticsearch(boolean secure) {
    boolean runningSecure = elasticsearch.securityConfigured();
    if (runningSecure != secure) {
      throw new SandboxException(
          engine.displayName()
              + " in "
              + config.dir()
              + " is already running in "
              + (runningSecure ? "security mode (HTTPS)" : "plain mode (HTTP)")
              + ", but `up"
              + (secure ? " --security" : "")
              + "` asks for "
              + (secure ? "security mode" : "plain mode")
              + ". Run `hopscope sandbox down` first, then `hopscope sandbox up"
              + (secure ? " --security" : "")
              + "`.");
    }
    long port = elasticsearch.configuredPort().orElse(config.elasticsearchPort());
    if (port != config.elasticsearchPort()) {
      throw new SandboxException(
          engine.displayName()
              + " in "
              + config.dir()
              + " is already running on port "
              + port
              + ", not "
              + config.elasticsearchPort()
              + ". Pass --es-port "
              + port
              + ", or run `hopscope sandbox down` first.");
    }
  }

  private EsEndpoint endpoint(SecurityCredentials creds) {
    return creds == null
        ? EsEndpoint.plain(config.elasticsearchUrl(false))
        : new EsEndpoint(
            java.net.URI.create(config.elasticsearchUrl(true)),
            creds.caCertificate(),
            creds.user(),
            creds.password());
  }
}
