package org.hopscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hopscope.bench.FlowBenchmark;
import org.hopscope.bench.StuckBenchmark;
import org.hopscope.config.ConnectionFlags;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hopscope bench flow | window}: the engine measured against a baseline taken in the same
 * run, on a seeded sandbox (its manifest picks the IDs and the incident window). The measuring is
 * in {@code org.hopscope.bench}; these commands read the options and the manifest.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks against the sandbox (seed it with --messages 1000000 first).",
    subcommands = {BenchCommand.FlowBench.class, BenchCommand.StuckBench.class})
final class BenchCommand {

  @ParentCommand Main main;

  /** Options both benchmarks share. */
  static final class Common {
    @Mixin ConnectionOptions connection;

    @Option(
        names = "--manifest",
        paramLabel = "FILE",
        description = "The seed's manifest (default: the user sandbox's).")
    Path manifest;

    @Option(names = "--path", paramLabel = "PATH", description = "Default: ${DEFAULT-VALUE}.")
    String path = "orders";

    /** The path and connection to benchmark: the sandbox profile unless one is chosen. */
    Session session(CliContext ctx) {
      ConnectionFlags f = connection.flags();
      boolean chosen =
          f.profile() != null
              || f.elasticsearchUrl() != null
              || ctx.env().get("HOPSCOPE_PROFILE") != null
              || ctx.env().get("HOPSCOPE_ES_URL") != null;
      return Sessions.open(
          ctx,
          chosen ? f : new ConnectionFlags("sandbox", null, f.prometheusUrl(), f.pathsDir()),
          path);
    }

    JsonNode manifest(CliContext ctx) {
      Path file = manifest;
      if (file == null) {
        String xdg = ctx.env().get("XDG_DATA_HOME");
        Path base =
            xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(ctx.system().getProperty("user.home"), ".local", "share");
        file = base.resolve("hopscope/sandbox/manifest.json");
      }
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            "no sandbox manifest at "
                + file
                + ": run ./hopscope sandbox up && ./hopscope sandbox seed --messages 1000000,"
                + " or pass --manifest FILE");
      }
      try {
        return new ObjectMapper().readTree(file.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the manifest " + file, e);
      }
    }
  }

  static TimeWindow recording(JsonNode manifest) {
    return new TimeWindow(
        Instant.parse(manifest.path("from").asText()),
        Instant.parse(manifest.path("now").asText()));
  }

  /**
   * Up to {@code n} IDs, round-robin over the manifest's classes so every class is represented; the
   * one CHATTY message (100,000 events, the desktop client's load test) is left out.
   */
  static List<String> mixedIds(JsonNode manifest, int n) {
    List<List<String>> perClass = new ArrayList<>();
    manifest
        .path("classes")
        .fields()
        .forEachRemaining(
            entry -> {
              if (entry.getKey().equals("CHATTY")) {
                return;
              }
              JsonNode c = entry.getValue();
              List<String> ids = new ArrayList<>();
              c.path("messages").forEach(m -> ids.add(m.path("id").asText()));
              if (!ids.isEmpty()) {
                perClass.add(ids);
              }
            });
    List<String> out = new ArrayList<>();
    for (int i = 0; out.size() < n; i++) {
      boolean any = false;
      for (List<String> ids : perClass) {
        if (i < ids.size() && out.size() < n) {
          out.add(ids.get(i));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    return out;
  }

  /** {@code hopscope bench flow}: see {@link FlowBenchmark}. */
  @Command(
      name = "flow",
      mixinStandardHelpOptions = true,
      description = "Benchmark one-message flows.")
  static final class FlowBench implements Callable<Integer> {

    @ParentCommand BenchCommand bench;

    @Mixin Common common;

    @Option(names = "--ids", paramLabel = "N", description = "IDs of mixed classes (default 36).")
    int ids = 36;

    @Option(names = "--repeat", paramLabel = "R", description = "Rounds over all IDs (default 5).")
    int repeat = 5;

    @Option(
        names = "--chatty",
        description =
            "Instead: the manifest's chatty message (100,000 events) R times, against the bare"
                + " transfer of the same documents.")
    boolean chatty;

    @Override
    public Integer call() {
      CliContext ctx = bench.main.context();
      JsonNode manifest = common.manifest(ctx);
      TimeWindow window = recording(manifest);
      if (chatty && manifest.path("chattyId").asText().isEmpty()) {
        throw new IllegalArgumentException(
            "the manifest names no chattyId: seed the sandbox again with this version");
      }
      FlowBenchmark benchmark = new FlowBenchmark(common.session(ctx), ctx.terminal(), ctx.err());
      if (chatty) {
        benchmark.chatty(manifest.path("chattyId").asText(), window, repeat);
      } else {
        benchmark.run(window, mixedIds(manifest, ids), repeat);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code hopscope bench stuck} (old name: {@code window}): see {@link StuckBenchmark}. */
  @Command(
      name = "stuck",
      aliases = "window",
      mixinStandardHelpOptions = true,
      description = "Benchmark the stuck-messages analysis of the recorded window.")
  static final class StuckBench implements Callable<Integer> {

    @ParentCommand BenchCommand bench;

    @Mixin Common common;

    @Option(names = "--repeat", paramLabel = "R", description = "Runs of each (default 3).")
    int repeat = 3;

    @Override
    public Integer call() {
      CliContext ctx = bench.main.context();
      JsonNode manifest = common.manifest(ctx);
      TimeWindow window =
          new TimeWindow(
              Instant.parse(manifest.path("incidentStart").asText()),
              Instant.parse(manifest.path("now").asText()));
      new StuckBenchmark(common.session(ctx), ctx.terminal()).run(window, repeat);
      return ExitCodes.OK;
    }
  }
}
