package org.hopscope.sandbox.junit;

import java.nio.file.Path;
import org.hopscope.sandbox.SandboxConfig;
import org.hopscope.sandbox.SandboxState;
import org.hopscope.sandbox.seed.SeedOptions;

/**
 * A running, seeded sandbox handed to integration tests by {@link SandboxExtension}.
 *
 * @param config where it lives and its ports
 * @param state how to connect (Elasticsearch, Prometheus, exporter)
 * @param seed what was seeded (messages, seed, window, and the recording's end {@code now})
 * @param manifest path of the orders ground-truth manifest written by the seed
 */
public record TestSandbox(
    SandboxConfig config, SandboxState state, SeedOptions seed, Path manifest) {

  /** Path of the payments path's ground-truth manifest, beside {@link #manifest()}. */
  public Path paymentsManifest() {
    return config.paymentsManifestFile();
  }
}
