package org.hopscope.sandbox.seed;

import java.io.PrintStream;
import java.nio.file.Path;
import org.hopscope.sandbox.SandboxConfig;

/** Writes the recorded incident into the running sandbox and its ground truth manifest. */
public final class Seeder {

  public Seeder(SandboxConfig config, PrintStream progress) {}

  /** Seeds Elasticsearch and Prometheus; returns the path of the manifest written. */
  public Path seed(SeedOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
