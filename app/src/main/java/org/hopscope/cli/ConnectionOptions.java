package org.hopscope.cli;

import org.hopscope.config.ConnectionFlags;
import picocli.CommandLine.Option;

/** Where the backends and the path definitions are: a profile, overridable by flags. */
public final class ConnectionOptions {

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Connection profile (e.g. 'sandbox'); default $HOPSCOPE_PROFILE.")
  String profile;

  @Option(names = "--es", paramLabel = "URL", description = "Elasticsearch URL (overrides).")
  String elasticsearch;

  @Option(names = "--prometheus", paramLabel = "URL", description = "Prometheus URL (overrides).")
  String prometheus;

  @Option(
      names = "--paths-dir",
      paramLabel = "DIR",
      description = "Directory of path definitions (default: queries/).")
  String pathsDir;

  ConnectionFlags flags() {
    return new ConnectionFlags(profile, elasticsearch, prometheus, pathsDir);
  }
}
