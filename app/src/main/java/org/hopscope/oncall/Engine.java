package org.hopscope.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.hopscope.config.ResolvedConnection;
import org.hopscope.correlate.FlowAssembler;
import org.hopscope.correlate.FlowOptions;
import org.hopscope.correlate.HopMetricsFetcher;
import org.hopscope.correlate.WindowAnalyzer;
import org.hopscope.correlate.WindowOptions;
import org.hopscope.model.Flow;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.WindowMessage;
import org.hopscope.model.WindowReport;
import org.hopscope.source.Cancellation;

/**
 * The engine bound to one connection: the questions the desktop client asks (one message's flow,
 * one window's stuck messages), with the thread pools they fan out on. Thread-safe; closing it
 * closes the backends and the pools.
 */
public final class Engine implements AutoCloseable {

  /** Margin around a flow's span for its hop metrics. */
  public static final Duration METRICS_MARGIN = Duration.ofMinutes(5);

  private static final int PANEL_THREADS = 4;
  private static final int SCAN_THREADS = 3;

  private final ResolvedConnection connection;
  private final Backends backends;
  private final ExecutorService panels;
  private final ExecutorService scans;

  private Engine(ResolvedConnection connection, Backends backends) {
    this.connection = connection;
    this.backends = backends;
    this.panels = Executors.newFixedThreadPool(PANEL_THREADS, daemon("hopscope-panels"));
    this.scans = Executors.newFixedThreadPool(SCAN_THREADS, daemon("hopscope-scans"));
  }

  /**
   * Connects to the backends of {@code connection}; nothing is asked of them yet. Its notices (e.g.
   * certificate checks off) are {@link ResolvedConnection#notices()}.
   */
  public static Engine open(ResolvedConnection connection) {
    return new Engine(connection, Backends.open(connection));
  }

  /** The resolved connection this engine talks to. */
  public ResolvedConnection connection() {
    return connection;
  }

  /** The backends (events always; metrics may be null). */
  public Backends backends() {
    return backends;
  }

  /**
   * Assembles the flow of message {@code id} on {@code path}, with hop metrics when a metrics
   * backend is configured (a metrics failure becomes a warning on the flow).
   *
   * @param window the search window, or null for no time bound
   * @param asOf the analysis time (SLA and in-flight verdicts are measured to it)
   */
  public Flow flow(PathDef path, String id, TimeWindow window, Instant asOf, Cancellation cancel) {
    HopMetricsFetcher metrics = backends.hopMetrics(panels);
    return new FlowAssembler(backends.events(), metrics, FlowOptions.defaults())
        .assemble(path, id, window, asOf, cancel);
  }

  /**
   * Analyses {@code window} on {@code path}: per-hop counts, and the stuck, failed and
   * dead-lettered messages handed to {@code messages} as they are found (on the calling thread).
   */
  public WindowReport window(
      PathDef path,
      TimeWindow window,
      Instant asOf,
      Consumer<WindowMessage> messages,
      Cancellation cancel) {
    return new WindowAnalyzer(backends.events(), WindowOptions.defaults().withPrefetch(scans))
        .analyze(path, window, asOf, messages, cancel);
  }

  @Override
  public void close() {
    panels.shutdownNow();
    scans.shutdownNow();
    backends.close();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
