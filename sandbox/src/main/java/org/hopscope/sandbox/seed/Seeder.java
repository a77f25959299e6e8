package org.hopscope.sandbox.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.hopscope.sandbox.PrometheusNode;
import org.hopscope.sandbox.SandboxConfig;
import org.hopscope.sandbox.SandboxException;
import org.hopscope.sandbox.SandboxState;
import org.hopscope.sandbox.metrics.IncidentMetrics;
import org.hopscope.sandbox.metrics.PrometheusBackfill;

/**
 * Writes the recorded incident into the running sandbox and its ground truth manifests: the
 * Elasticsearch documents of both paths ({@link ElasticLoad}), the Prometheus history and live
 * state of the orders journeys ({@link IncidentMetrics}; the payments path has no metrics), {@code
 * payments-manifest.json}, and last {@code manifest.json}, whose existence means "seeded".
 */
public final class Seeder {

  /** Sampling step of the recorded Prometheus history. */
  static final Duration METRICS_STEP = Duration.ofSeconds(15);

  private final SandboxConfig config;
  private final PrintStream progress;

  public Seeder(SandboxConfig config, PrintStream progress) {
    this.config = config;
    this.progress = progress;
  }

  /** Seeds Elasticsearch and Prometheus; returns the path of the manifest written. */
  public Path seed(SeedOptions options) {
    SandboxState state = readState();
    ElasticLoad load = new ElasticLoad(state.elasticsearch(), progress, System.console() != null);
    load.checkReachable();
    Path dir = config.dir();
    for (Path old : new Path[] {config.manifestFile(), config.paymentsManifestFile()}) {
      try {
        Files.deleteIfExists(old);
      } catch (IOException e) {
        throw new SandboxException(
            "cannot delete the old manifest " + old + ": " + e.getMessage(), e);
      }
    }
    IncidentTimeline timeline = IncidentTimeline.of(options);
    IncidentMetrics metrics =
        new IncidentMetrics(timeline.fromMillis(), timeline.nowMillis(), METRICS_STEP);
    ElasticLoad.Result result = load.load(options, metrics);

    Path history = dir.resolve("history.om.txt");
    metrics.writeOpenMetrics(history);
    Path blocks = dir.resolve("blocks");
    deleteRecursively(blocks);
    new PrometheusNode(config).replaceHistory(PrometheusBackfill.createBlocks(history, blocks));
    metrics.writeLiveState(dir.resolve("live-state.json"));

    if (result.payments() != null) {
      result.payments().writeTo(config.paymentsManifestFile());
    }
    result.manifest().writeTo(config.manifestFile());
    progress.printf(
        Locale.ROOT,
        "seeded %,d orders messages and %,d payments: %,d documents in %.1f s (%,.0f docs/s);"
            + " manifests %s%s%n",
        options.messages(),
        options.payments(),
        result.documents(),
        result.seconds(),
        result.documentsPerSecond(),
        config.manifestFile(),
        result.payments() == null ? "" : ", " + config.paymentsManifestFile());
    return config.manifestFile();
  }

  private SandboxState readState() {
    Path file = config.stateFile();
    if (!Files.isRegularFile(file)) {
      throw new SandboxException(
          "the sandbox is not up (no " + file + "): run `hopscope sandbox up` first");
    }
    try {
      return new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readValue(file.toFile(), SandboxState.class);
    } catch (IOException e) {
      throw new SandboxException(
          "cannot read the sandbox state "
              + file
              + " ("
              + e.getMessage()
              + "): run `hopscope sandbox up` again",
          e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
