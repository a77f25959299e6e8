package org.hopscope.sandbox;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hopscope sandbox up [--security]}: starts Elasticsearch, Prometheus and the exporter. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the sandbox's Elasticsearch, Prometheus and live metrics exporter on 127.0.0.1.",
      "Idempotent: whatever already runs is left alone.",
    })
public final class UpCommand implements Runnable {

  @Mixin SandboxOptions options;

  @Option(
      names = "--security",
      description = "Elasticsearch with HTTPS (own CA), a file-realm user and a service token.")
  boolean security;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    new Sandbox(options.config(), WriterOutputStream.printStream(spec.commandLine().getOut()))
        .up(security);
  }
}
