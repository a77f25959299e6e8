package org.hopscope.sandbox.metrics;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.hopscope.sandbox.SandboxException;

/**
 * The live exporter Prometheus scrapes: serves {@code /metrics} on {@code host:port} from its own
 * registry. Before a seed wrote the {@link LiveState} file it exposes only {@code
 * hopscope_sandbox_seeded 0}; afterwards {@code hopscope_sandbox_seeded 1} and the story continued
 * by {@link LiveStory}. The file is checked every second and re-read when it changed (re-seed),
 * which replaces the story's series at once.
 */
public final class LiveExporter implements AutoCloseable {

  /** Metric telling whether the exporter has a recorded incident to continue (1) or not (0). */
  public static final String SEEDED_METRIC = "hopscope_sandbox_seeded";

  private final Path stateFile;
  private final PrintWriter log;
  private final AtomicReference<LiveStory> story = new AtomicReference<>();
  private final Gauge seeded;
  private final HTTPServer server;
  private final ScheduledExecutorService watcher;
  private final CountDownLatch closed = new CountDownLatch(1);
  private Object loadedStamp;
  private LiveState loadedState;

  private LiveExporter(Path stateFile, String host, int port, PrintWriter log) {
    this.stateFile = stateFile;
    this.log = log;
    PrometheusRegistry registry = new PrometheusRegistry();
    seeded =
        Gauge.builder()
            .name(SEEDED_METRIC)
            .help("1 when the sandbox exporter continues a recorded incident, 0 before a seed.")
            .register(registry);
    registry.register(new StoryCollector());
    reloadIfChanged();
    try {
      server = HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
    } catch (IOException e) {
      throw new SandboxException(
          "The live metrics exporter cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "). Is another exporter or program using the port? Stop it or choose another"
              + " port with --exporter-port.",
          e);
    }
    watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "live-state-watcher");
              t.setDaemon(true);
              return t;
            });
    watcher.scheduleWithFixedDelay(this::reloadIfChanged, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Starts serving {@code http://host:port/metrics} from {@code stateFile} (which need not exist
   * yet).
   *
   * @param log where reload notes and unreadable-state warnings go
   * @throws SandboxException if the port cannot be bound
   */
  public static LiveExporter start(Path stateFile, String host, int port, PrintWriter log) {
    return new LiveExporter(stateFile, host, port, log);
  }

  /** The port actually bound. */
  public int port() {
    return server.getPort();
  }

  /** Blocks until {@link #close} was called. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops the HTTP server and the file watch; idempotent. */
  @Override
  public void close() {
    if (closed.getCount() == 0) {
      return;
    }
    watcher.shutdownNow();
    server.close();
    closed.countDown();
  }

  /** Loads the state file if it appeared or changed, drops the story if it disappeared. */
  private synchronized void reloadIfChanged() {
    Object stamp;
    try {
      BasicFileAttributes attributes = Files.readAttributes(stateFile, BasicFileAttributes.class);
      stamp = attributes.lastModifiedTime() + "/" + attributes.size() + "/" + attributes.fileKey();
    } catch (NoSuchFileException e) {
      stamp = null;
    } catch (IOException | RuntimeException e) {
      log.println("exporter: cannot look at " + stateFile + ": " + e);
      log.flush();
      return;
    }
    if (Objects.equals(stamp, loadedStamp)) {
      return;
    }
    loadedStamp = stamp;
    if (stamp == null) {
      loadedState = null;
      story.set(null);
      seeded.set(0);
      return;
    }
    try {
      LiveState state = LiveState.read(stateFile);
      if (state.equals(loadedState)) {
        return; // touched but unchanged: keep the running story, its counters must not go back
      }
      loadedState = state;
      story.set(new LiveStory(state, System.currentTimeMillis(), RandomGenerator.getDefault()));
      seeded.set(1);
      log.println(
          "exporter: continuing the incident recorded until "
              + java.time.Instant.ofEpochMilli(state.recordedUntil())
              + " ("
              + state.families().size()
              + " metric families from "
              + stateFile
              + ")");
      log.flush();
    } catch (IOException | RuntimeException e) {
      log.println(
          "exporter: cannot read the live state "
              + stateFile
              + " ("
              + e.getMessage()
              + "); keeping the previous one until the file changes again");
      log.flush();
    }
  }

  /** Exposes whatever story is current at scrape time. */
  private final class StoryCollector implements MultiCollector {
    @Override
    public MetricSnapshots collect() {
      LiveStory current = story.get();
      return current == null
          ? new MetricSnapshots()
          : current.snapshotAt(System.currentTimeMillis());
    }
  }
}
