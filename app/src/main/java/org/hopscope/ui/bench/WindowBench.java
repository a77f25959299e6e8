package org.hopscope.ui.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.hopscope.config.ConnectionFlags;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Connector;
import org.hopscope.oncall.Engine;
import org.hopscope.oncall.EstimateFirst;
import org.hopscope.oncall.Session;
import org.hopscope.source.Cancellation;

/**
 * {@code hopscope bench ui --window [--profile P] [--es URL --prometheus URL] [--repeat N]
 * [--estimate-cost]}: the stuck analysis of the sandbox's incident window (as {@code bench window}
 * takes it from the manifest) through the CLI's path as {@code hopscope stuck} runs it (the
 * estimate stage first, then {@code Engine.stuck}, messages into a list) and through the client's
 * view model in a real window (Analyse pressed, until the finished list and funnel are laid out;
 * its estimate stage first, as in the app), and the CLI's exact stage alone ({@code stuck --json}),
 * in the same run, alternating; prints all three, the client's ratios to both CLI figures, the time
 * to the first funnel (the estimate's, else the exact one's) and the CPU each side spent (the
 * process, the FX thread, the renderer; for the CLI, what the window spent open and idle meanwhile:
 * the floor under the client's figures). {@code --estimate-cost} also runs the client without its
 * estimate stage after each client run: what that stage costs the analysis (ADR 0047). Prints
 * figures, never asserts.
 */
public final class WindowBench {

  private WindowBench() {}

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    PrintStream out = System.out;
    Session session =
        new Connector(
                System.getenv(),
                System.getProperties(),
                Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("hopscope.home", "."), "queries"))
            .session(new ConnectionFlags(o.profile, o.es, o.prometheus, null), "orders");
    session.notices().forEach(n -> System.err.println("warning: " + n.text()));
    TimeWindow window = incidentWindow();
    try (Engine engine = Engine.open(session.connection())) {
      out.printf(
          "hopscope bench ui --window: path %s, window %s .. %s, %d run(s) each after a CLI"
              + " warm-up%n",
          session.path().name(), window.from(), window.to(), o.repeat);
      cli(engine, session, window, null, true); // warms the caches and the JIT; not counted
      WindowBenchRun client =
          WindowBenchRun.show(
              (w, asOf, found, c) -> engine.stuck(session.path(), w, asOf, found, c),
              (w, asOf, c) -> engine.estimateStuck(session.path(), w, asOf, c),
              window);
      List<WindowBenchRun.Sample> cliRuns = new ArrayList<>();
      List<WindowBenchRun.Sample> cliExact = new ArrayList<>();
      List<WindowBenchRun.Sample> clientRuns = new ArrayList<>();
      List<WindowBenchRun.Sample> exactOnly = new ArrayList<>();
      for (int r = 0; r < o.repeat; r++) {
        cliRuns.add(cli(engine, session, window, client, true));
        clientRuns.add(client.analyse(true));
        cliExact.add(cli(engine, session, window, client, false));
        if (o.estimateCost) {
          exactOnly.add(client.analyse(false));
        }
      }
      print(out, cliRuns, cliExact, clientRuns, exactOnly);
    } finally {
      WindowBenchRun.exitToolkit();
    }
  }

  /**
   * One analysis through the CLI's path: as {@code hopscope stuck} runs it ({@code estimate}: the
   * estimate stage first, the key scans waiting for it at most {@link EstimateFirst#GRACE}, ADR
   * 0050), or the exact stage alone ({@code stuck --json}: {@code Engine.stuck}); the messages kept
   * in a list; with the window open ({@code idle} not null), what its idle FX thread and renderer
   * spent meanwhile.
   */
  private static WindowBenchRun.Sample cli(
      Engine engine, Session session, TimeWindow window, WindowBenchRun idle, boolean estimate) {
    List<StuckMessage> found = new ArrayList<>();
    long[] window0 = idle == null ? null : idle.windowCpu();
    long cpu0 = processCpu();
    long t0 = System.nanoTime();
    Cancellation cancel = new Cancellation();
    CompletableFuture<StuckEstimate> estimated =
        estimate
            ? engine.estimateStuckAsync(session.path(), window, window.to(), cancel)
            : CompletableFuture.completedFuture(null);
    EstimateFirst.await(estimated, EstimateFirst.GRACE, cancel);
    long firstFunnel = estimate && estimated.isDone() ? System.nanoTime() - t0 : -1;
    StuckReport report = engine.stuck(session.path(), window, window.to(), found::add, cancel);
    estimated.join();
    long took = System.nanoTime() - t0;
    long cpu = processCpuSince(cpu0);
    long[] window1 = idle == null ? null : idle.windowCpu();
    return new WindowBenchRun.Sample(
        took,
        firstFunnel,
        cpu,
        window0 == null ? -1 : window1[0] - window0[0],
        window0 == null || window0[1] < 0 ? -1 : window1[1] - window0[1],
        found.size(),
        0,
        report.totals().stuck());
  }

  /**
   * This process' CPU time so far (all threads), or -1 where the JVM cannot tell. The CLI's {@code
   * CpuClock} reads it alike; the client may not reach into the CLI's bench package (layering).
   */
  static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  /** This process' CPU time since {@code start} (a {@link #processCpu}), or -1 if unknown. */
  static long processCpuSince(long start) {
    long now = processCpu();
    return now < 0 || start < 0 ? -1 : now - start;
  }

  private static void print(
      PrintStream out,
      List<WindowBenchRun.Sample> cli,
      List<WindowBenchRun.Sample> cliExact,
      List<WindowBenchRun.Sample> client,
      List<WindowBenchRun.Sample> exactOnly) {
    out.println();
    out.println(
        "| run | CLI `stuck` (estimate, then exact) | client (window) | ratio | first funnel CLI /"
            + " client | CLI exact stage alone (`stuck --json`) | client vs that |");
    out.println("|---|---|---|---|---|---|---|");
    for (int i = 0; i < cli.size(); i++) {
      WindowBenchRun.Sample a = cli.get(i);
      WindowBenchRun.Sample b = client.get(i);
      WindowBenchRun.Sample c = cliExact.get(i);
      row(
          out,
          Integer.toString(i + 1),
          ms(a.nanos()),
          ms(b.nanos()),
          ratio(b.nanos(), a.nanos()),
          ms(a.firstFunnelNanos()) + " / " + ms(b.firstFunnelNanos()),
          ms(c.nanos()),
          ratio(b.nanos(), c.nanos()));
    }
    long cliMedian = median(nanos(cli));
    long clientMedian = median(nanos(client));
    long exactMedian = median(nanos(cliExact));
    row(
        out,
        "median",
        ms(cliMedian),
        ms(clientMedian),
        ratio(clientMedian, cliMedian),
        ms(median(cli.stream().mapToLong(WindowBenchRun.Sample::firstFunnelNanos).toArray()))
            + " / "
            + ms(
                median(
                    client.stream().mapToLong(WindowBenchRun.Sample::firstFunnelNanos).toArray())),
        ms(exactMedian),
        ratio(clientMedian, exactMedian));
    out.println(
        "target: client <= 1.10x the CLI's same analysis (`stuck`: its estimate stage first, ADR"
            + " 0050; ADR 0054)");
    if (!exactOnly.isEmpty()) {
      out.println();
      out.println(
          "| run | client without its estimate stage (what the estimate costs) | ratio to the CLI |");
      out.println("|---|---|---|");
      for (int i = 0; i < exactOnly.size(); i++) {
        long n = exactOnly.get(i).nanos();
        row(out, Integer.toString(i + 1), ms(n), ratio(n, cli.get(i).nanos()));
      }
      long m = median(exactOnly.stream().mapToLong(WindowBenchRun.Sample::nanos).toArray());
      row(out, "median", ms(m), ratio(m, cliMedian));
    }
    out.println();
    out.println("| run | side | messages | stuck | process CPU | FX thread CPU | renderer CPU |");
    out.println("|---|---|---|---|---|---|---|");
    for (int i = 0; i < cli.size(); i++) {
      cpuRow(out, i + 1, "CLI", cli.get(i));
      cpuRow(out, i + 1, "CLI exact alone", cliExact.get(i));
      cpuRow(out, i + 1, "client", client.get(i));
      if (!exactOnly.isEmpty()) {
        cpuRow(out, i + 1, "client, no estimate", exactOnly.get(i));
      }
    }
    out.println(
        "the CLI's FX thread and renderer CPU: the client's window, open and idle meanwhile (the"
            + " floor under the client's figures)");
    out.printf(
        Locale.ROOT,
        "client list deliveries (addAll on the FX thread), last run: %,d%n",
        client.get(client.size() - 1).deliveries());
    out.flush();
  }

  private static void cpuRow(PrintStream out, int run, String side, WindowBenchRun.Sample s) {
    row(
        out,
        Integer.toString(run),
        side,
        String.format(Locale.ROOT, "%,d", s.messages()),
        String.format(Locale.ROOT, "%,d", s.stuck()),
        ms(s.processCpuNanos()),
        ms(s.fxCpuNanos()),
        ms(s.renderCpuNanos()));
  }

  private static long[] nanos(List<WindowBenchRun.Sample> samples) {
    return samples.stream().mapToLong(WindowBenchRun.Sample::nanos).toArray();
  }

  private static void row(PrintStream out, String... cells) {
    out.println("| " + String.join(" | ", cells) + " |");
  }

  private static long median(long[] v) {
    long[] s = v.clone();
    java.util.Arrays.sort(s);
    return s.length == 0 ? 0 : s[s.length / 2];
  }

  private static String ms(long nanos) {
    return nanos < 0 ? "-" : String.format(Locale.ROOT, "%,.0f ms", nanos / 1e6);
  }

  private static String ratio(long a, long b) {
    return b <= 0 ? "-" : String.format(Locale.ROOT, "%.2fx", (double) a / b);
  }

  /** The manifest's incident window, incidentStart .. now, as {@code bench window} takes it. */
  static TimeWindow incidentWindow() throws IOException {
    String data = System.getenv("XDG_DATA_HOME");
    Path base =
        data != null && !data.isBlank()
            ? Path.of(data)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    Path manifest = base.resolve("hopscope").resolve("sandbox").resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      throw new IllegalArgumentException(
          "no sandbox manifest at "
              + manifest
              + ": run ./hopscope sandbox up && ./hopscope sandbox seed --messages 1000000");
    }
    JsonNode m = new ObjectMapper().readTree(manifest.toFile());
    return new TimeWindow(
        Instant.parse(m.path("incidentStart").asText()), Instant.parse(m.path("now").asText()));
  }

  private static final class Options {
    String profile = "sandbox";
    String es;
    String prometheus;
    int repeat = 1;
    boolean estimateCost;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--estimate-cost")) {
          o.estimateCost = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + a);
        }
        String v = args[++i];
        switch (a) {
          case "--profile" -> o.profile = v;
          case "--es" -> o.es = v;
          case "--prometheus" -> o.prometheus = v;
          case "--repeat" -> o.repeat = Math.max(1, Integer.parseInt(v));
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + a
                      + " (bench ui --window knows: --profile P --es URL --prometheus URL"
                      + " --repeat N --estimate-cost)");
        }
      }
      return o;
    }
  }
}
