package org.hopscope.sandbox.junit;

import java.nio.file.Path;
import org.hopscope.sandbox.SandboxConfig;
import org.hopscope.sandbox.SandboxState;
import org.hopscope.sandbox.SearchEngine;
import org.hopscope.sandbox.seed.SeedOptions;
import org.junit.jupiter.api.Assumptions;

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

  /** The search engine it runs ({@code hopscope.sandbox.test.engine}). */
  public SearchEngine engine() {
    return state.searchEngine();
  }

  /**
   * Skips the calling test unless the sandbox runs Elasticsearch, naming {@code feature}, what the
   * test needs that the OpenSearch sandbox lacks (e.g. "security users and privileges: the
   * OpenSearch integ-test distribution has no security plugin").
   */
  public void assumeElasticsearch(String feature) {
    Assumptions.assumeTrue(
        engine() == SearchEngine.ELASTICSEARCH,
        () -> "needs " + feature + "; this sandbox runs " + engine().displayName());
  }

  /** Path of the payments path's ground-truth manifest, beside {@link #manifest()}. */
  public Path paymentsManifest() {
    return config.paymentsManifestFile();
  }
}
