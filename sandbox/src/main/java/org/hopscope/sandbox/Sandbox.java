package org.hopscope.sandbox;

import java.io.PrintStream;
import java.util.Optional;

/** The sandbox as a whole: start, inspect and stop its Elasticsearch, Prometheus and exporter. */
public final class Sandbox {

  private final SandboxConfig config;

  public Sandbox(SandboxConfig config, PrintStream out) {
    this.config = config;
  }

  /** Starts whatever is not running yet (idempotent) and returns how to connect. */
  public SandboxState up(boolean security) {
    throw new SandboxException("not implemented yet: " + config);
  }

  /** Stops exactly the processes {@code up} started (pid files). */
  public void down() {
    throw new SandboxException("not implemented yet");
  }

  /** The connection facts of a sandbox that is up, or empty when {@code up} never ran here. */
  public Optional<SandboxState> state() {
    throw new SandboxException("not implemented yet");
  }

  public SandboxConfig config() {
    return config;
  }
}
