package org.hopscope.ui.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.hopscope.config.ConnectionFlags;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.oncall.Connector;
import org.hopscope.oncall.Engine;
import org.hopscope.oncall.Session;

/**
 * {@code hopscope bench ui [--profile P] [--id ID] [--es URL --prometheus URL] [--seconds N]}:
 * loads one message (default: the sandbox manifest's chatty message, 100,000 events) through the
 * engine, opens it in a real window and prints how long opening took and the frame times while the
 * timeline zooms and pans, each next to a baseline measured in the same run. Never an assertion: it
 * prints figures.
 */
public final class UiBench {

  private UiBench() {}

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    PrintStream out = System.out;
    PrintStream err = System.err;
    Session session =
        new Connector(
                System.getenv(),
                System.getProperties(),
                Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("hopscope.home", "."), "queries"))
            .session(new ConnectionFlags(o.profile, o.es, o.prometheus, null), "orders");
    session.notices().forEach(n -> err.println("warning: " + n.text()));
    String id = o.id != null ? o.id : chattyId();
    try (Engine engines = Engine.open(session.connection())) {
      out.printf("hopscope bench ui: message %s, path %s%n", id, session.path().name());
      UiBenchRun run = start();
      long idleHeap = UiBenchRun.heapAfterGc();
      EngineRuns engine = EngineRuns.of(engines, session.path(), id);
      Flow flow = engine.flow();
      int events = events(flow);
      out.printf("  flow: %s, %,d events%n", flow.verdict(), events);
      Result r = measure(run, engine, Duration.ofSeconds(o.seconds));
      r.print(out, events, engine.first() == null ? -1 : events(engine.first()));
      long openHeap = UiBenchRun.heapAfterGc();
      Result.row(
          out,
          "heap in use after GC, the message open",
          idleHeap < 0 ? "idle client unknown" : "idle client " + mb(idleHeap),
          idleHeap < 0 || openHeap < 0
              ? "unknown: no full collection ran (the renderer held the GC locker)"
              : mb(openHeap) + " (+" + mb(openHeap - idleHeap) + ")",
          "-",
          "< 250 MB above idle");
    } finally {
      exitToolkit();
    }
  }

  /**
   * Ends JavaFX if {@link #start} started it (Platform.exit waits forever for one that did not).
   */
  static void exitToolkit() {
    if (toolkitStarted) {
      Platform.exit();
    }
  }

  /** Whether {@link #start} started JavaFX (it fails without a display). */
  private static volatile boolean toolkitStarted;

  private static int events(Flow f) {
    return f.hops().stream().mapToInt(h -> h.events().size()).sum();
  }

  /**
   * The measurements of one bench run (all times in ms; the first answer's -1 when the engine
   * handed on none).
   */
  record Result(
      EngineRuns engine,
      double emptyDrawMs,
      double firstDrawColdMs,
      double firstDrawWarmMs,
      double drawColdMs,
      double drawWarmMs,
      UiBenchRun.Frames idle,
      UiBenchRun.Frames zoomPan) {

    void print(PrintStream out, int events, int firstEvents) {
      out.println();
      out.println("| measure | baseline | hopscope | ratio | target |");
      out.println("|---|---|---|---|---|");
      if (engine.first() == null) {
        row(out, "(a) first answer", "-", "none: the message fits its first pages", "-", "-");
      } else {
        row(
            out,
            String.format(
                Locale.ROOT,
                "(a) engine: first answer (%,d events, verdicts UNKNOWN), warm median (cold run)",
                firstEvents),
            "-",
            ms(engine.firstWarmMs()) + " (" + ms(engine.firstColdMs()) + ")",
            "-",
            "-");
        row(
            out,
            "(b) first answer on FX thread -> drawn",
            "empty flow " + ms(emptyDrawMs),
            ms(firstDrawColdMs) + " (again: " + ms(firstDrawWarmMs) + ")",
            ratio(firstDrawColdMs, emptyDrawMs),
            "-");
        row(
            out,
            "(c) first answer on screen = a + b",
            "-",
            ms(engine.firstWarmMs() + firstDrawWarmMs),
            "-",
            "< 1000 ms");
        row(
            out,
            "(d) first answer after start = a cold + b cold",
            "-",
            ms(engine.firstColdMs() + firstDrawColdMs),
            "-",
            "< 1500 ms");
      }
      row(
          out,
          "(e) engine: whole answer (Engine.flow), warm median (cold run)",
          "-",
          ms(engine.warmMs()) + " (" + ms(engine.coldMs()) + ")",
          "-",
          "-");
      row(
          out,
          String.format(Locale.ROOT, "(f) whole answer on FX thread -> drawn, %,d events", events),
          "empty flow " + ms(emptyDrawMs),
          ms(drawColdMs) + " (again: " + ms(drawWarmMs) + ")",
          ratio(drawColdMs, emptyDrawMs),
          "-");
      row(
          out,
          "(g) whole answer on screen = e + f",
          "-",
          ms(engine.warmMs() + drawColdMs),
          "-",
          "-");
      row(
          out,
          "(h) whole answer after start = e cold + f",
          "-",
          ms(engine.coldMs() + drawColdMs),
          "-",
          "-");
      row(
          out,
          "pulse interval while zooming/panning",
          "idle " + idle.interval().text(),
          zoomPan.interval().text(),
          ratio(zoomPan.interval().p99Ms(), idle.interval().p99Ms()),
          "-");
      row(
          out,
          "FX-thread work per pulse (timers + CSS + layout)",
          "idle " + idle.work().text(),
          zoomPan.work().text(),
          ratio(zoomPan.work().p99Ms(), idle.work().p99Ms()),
          "p99 < 16 ms");
      row(out, "timeline redraw (canvas commands)", "-", zoomPan.redraw().text(), "-", "-");
    }

    static void row(PrintStream out, String... cells) {
      out.println("| " + String.join(" | ", cells) + " |");
    }

    private static String ms(double v) {
      return String.format(Locale.ROOT, "%.1f ms", v);
    }

    private static String ratio(double a, double b) {
      return b <= 0 ? "-" : String.format(Locale.ROOT, "%.2fx", a / b);
    }
  }

  /** Starts the toolkit and shows the flow view with nothing open (the idle client). */
  static UiBenchRun start() {
    CompletableFuture<Stage> stage = new CompletableFuture<>();
    try {
      Platform.startup(() -> stage.complete(new Stage()));
      toolkitStarted = true;
    } catch (IllegalStateException alreadyRunning) {
      toolkitStarted = true;
      Platform.runLater(() -> stage.complete(new Stage()));
    }
    return UiBenchRun.show(stage.join(), 1440, 900);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
  }

  /**
   * Measures opening the engine's answers in {@code run}'s window, the first answer first (as the
   * client shows it); closes nothing.
   */
  static Result measure(UiBenchRun run, EngineRuns engine, Duration frames) {
    Flow flow = engine.flow();
    Flow first = engine.first();
    double empty = run.open(withoutEvents(flow)) / 1e6;
    double firstCold = first == null ? -1 : run.open(copy(first)) / 1e6;
    double cold = run.open(copy(flow)) / 1e6;
    run.open(withoutEvents(flow));
    double firstWarm = first == null ? -1 : run.open(copy(first)) / 1e6;
    run.open(withoutEvents(flow));
    double warm = run.open(copy(flow)) / 1e6;
    UiBenchRun.Frames idle =
        run.frames(Duration.ofMillis(Math.max(500, frames.toMillis() / 2)), false);
    UiBenchRun.Frames zoomPan = run.frames(frames, true);
    return new Result(engine, empty, firstCold, firstWarm, cold, warm, idle, zoomPan);
  }

  /** The same flow with no events (baseline: laying out and drawing an empty timeline). */
  static Flow withoutEvents(Flow f) {
    List<HopFlow> hops =
        f.hops().stream()
            .map(h -> new HopFlow(h.hop(), h.verdict(), 0, null, null, null, List.of()))
            .toList();
    return new Flow(
        f.path(), f.query(), f.ids(), f.verdict(), f.stuckAt(), hops, List.of(), List.of());
  }

  private static Flow copy(Flow f) {
    return new Flow(
        f.path(), f.query(), f.ids(), f.verdict(), f.stuckAt(), f.hops(), f.metrics(), f.notices());
  }

  /** The chatty message ID from the user's sandbox manifest. */
  static String chattyId() throws IOException {
    String data = System.getenv("XDG_DATA_HOME");
    Path base =
        data != null && !data.isBlank()
            ? Path.of(data)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    Path manifest = base.resolve("hopscope").resolve("sandbox").resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      throw new IllegalArgumentException(
          "no sandbox manifest at " + manifest + ": seed the sandbox or pass --id ID");
    }
    JsonNode chatty = new ObjectMapper().readTree(manifest.toFile()).get("chattyId");
    if (chatty == null || chatty.isNull()) {
      throw new IllegalArgumentException(
          "the sandbox was seeded with --no-chatty (" + manifest + "): pass --id ID");
    }
    return chatty.asText();
  }

  private static final class Options {
    String profile = "sandbox";
    String id;
    String es;
    String prometheus;
    long seconds = 5;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + a);
        }
        String v = args[++i];
        switch (a) {
          case "--profile" -> o.profile = v;
          case "--id" -> o.id = v;
          case "--es" -> o.es = v;
          case "--prometheus" -> o.prometheus = v;
          case "--seconds" -> o.seconds = Long.parseLong(v);
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + a
                      + " (known: --profile P --id ID --es URL --prometheus URL"
                      + " --seconds N)");
        }
      }
      return o;
    }
  }
}
