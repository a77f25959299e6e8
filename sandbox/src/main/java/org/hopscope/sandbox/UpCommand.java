package org.hopscope.sandbox;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hopscope sandbox up [--engine elasticsearch|opensearch] [--security] [--profile NAME]}:
 * starts the search engine, Prometheus and the exporter, and writes this sandbox's connection
 * profile.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the sandbox's search engine (Elasticsearch, or OpenSearch with --engine opensearch),"
          + " Prometheus (with alerting rules), live metrics exporter and, when installed"
          + " (prometheus-alertmanager), Alertmanager on 127.0.0.1.",
      "Idempotent: whatever already runs is left alone.",
      "Writes this sandbox's own connection profile (--profile) and says which.",
    })
public final class UpCommand implements Runnable {

  @Mixin SandboxOptions options;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description = {
        "elasticsearch (Elasticsearch 8.x) or opensearch (OpenSearch 2.x, plain HTTP without"
            + " users: its distribution has no security plugin). Default:"
            + " the engine the state folder already holds, else elasticsearch. A folder holds one"
            + " engine: asking for the other one is an error saying what to do."
      })
  String engine;

  @Option(
      names = "--security",
      description =
          "Elasticsearch with HTTPS (own CA), a file-realm superuser, a read-only user (the"
              + " profile's) and a service token.")
  boolean security;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = {
        "Name of the connection profile this sandbox writes (default: 'sandbox' for the default"
            + " --dir, else 'sandbox-<dir name>'). A profile of another sandbox, or one not"
            + " written by a sandbox, is never overwritten."
      })
  String profile;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    SandboxConfig config = options.config();
    SearchEngine chosen = null;
    if (engine != null) {
      try {
        chosen = SearchEngine.parse(engine);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--engine: " + e.getMessage());
      }
    }
    if (profile != null) {
      try {
        config =
            new SandboxConfig(
                config.dir(),
                config.host(),
                config.elasticsearchPort(),
                config.prometheusPort(),
                config.exporterPort(),
                config.configDir(),
                profile,
                config.alertmanagerPort());
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
      }
    }
    new Sandbox(config, WriterOutputStream.printStream(spec.commandLine().getOut()), chosen)
        .up(security);
  }
}
