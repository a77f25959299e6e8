package org.hopscope.sandbox;

import org.hopscope.sandbox.metrics.LiveExporter;
import org.hopscope.sandbox.metrics.LiveState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hopscope sandbox exporter}: the live metrics exporter that {@code up} starts in the
 * background and Prometheus scrapes. Runs until killed (SIGTERM stops it cleanly) or, in-process,
 * until its thread is interrupted.
 */
@Command(
    name = "exporter",
    hidden = true,
    description =
        "Serves the recorded incident's metrics, continued live, on http://127.0.0.1:PORT/metrics"
            + " (started by 'up').")
public final class ExporterCommand implements Runnable {

  @Mixin SandboxOptions options;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    SandboxConfig config = options.config();
    LiveExporter exporter =
        LiveExporter.start(
            LiveState.fileIn(config.dir()),
            config.host(),
            config.exporterPort(),
            spec.commandLine().getErr());
    Thread stopOnSignal = new Thread(exporter::close, "exporter-shutdown");
    Runtime.getRuntime().addShutdownHook(stopOnSignal);
    spec.commandLine()
        .getOut()
        .printf(
            "exporter: serving %s/metrics from %s%n",
            config.exporterUrl(), LiveState.fileIn(config.dir()));
    spec.commandLine().getOut().flush();
    try {
      exporter.awaitClose();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exporter.close();
      removeHook(stopOnSignal);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already stopping (SIGTERM): the hook is running or has run, nothing to undo
    }
  }
}
