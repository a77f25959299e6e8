package org.hopscope.cli;

import static org.hopscope.cli.TerminalText.field;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hopscope.config.ConnectionFlags;
import org.hopscope.config.PathCatalog;
import org.hopscope.config.PathDefinitions;
import org.hopscope.config.ResolvedConnection;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.oncall.ConnectionCheck;
import org.hopscope.oncall.Connector;
import org.hopscope.oncall.PathsCheck;
import org.hopscope.oncall.PathsCheck.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hopscope paths [--validate] [--profile P]}: the integration paths in {@code queries/} (or
 * the profile's paths folder); {@code --validate} checks every file and, with a connection, every
 * index pattern of every path against Elasticsearch.
 */
@Command(
    name = "paths",
    mixinStandardHelpOptions = true,
    description =
        "List the integration paths in queries/ (--validate: check every file; with a connection"
            + " also every index pattern and field of every path against Elasticsearch).")
final class PathsCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Mixin ConnectionOptions connection;

  @Option(
      names = "--validate",
      description =
          "Check every file; with a connection (--profile, --es, HOPSCOPE_PROFILE or"
              + " HOPSCOPE_ES_URL) also that every index pattern exists, is readable and maps the"
              + " path's fields with usable types. Exit 2 when anything is wrong, 4 when"
              + " Elasticsearch could not be asked.")
  boolean validate;

  @Override
  public Integer call() {
    CliContext ctx = main.context();
    ConnectionFlags flags = connection.flags();
    ResolvedConnection resolved = connected(ctx.env(), flags) ? resolve(ctx, flags) : null;
    Path from = pathsDir(ctx, flags, resolved);
    PathCatalog catalog = new PathDefinitions().readDirectory(from);
    if (catalog.paths().isEmpty() && catalog.problems().isEmpty()) {
      ctx.err().println("no path definitions (*.yaml) in " + from);
      ctx.err().flush();
      return ExitCodes.USAGE;
    }
    if (validate && resolved != null) {
      return againstCluster(ctx, resolved, catalog);
    }
    for (PathDef path : catalog.paths()) {
      if (validate) {
        ctx.terminal().printf("ok  %s (%s)%n", field(path.origin()), field(path.name()));
      } else {
        ctx.terminal()
            .printf("%-16s %d hops: %s%n", field(path.name()), path.hops().size(), hops(path));
      }
    }
    catalog.problems().forEach(ctx.err()::println);
    ctx.terminal().flush();
    ctx.err().flush();
    return validate && !catalog.allValid() ? ExitCodes.USAGE : ExitCodes.OK;
  }

  /** Every file, pattern and field; a line per path on stdout, a line per finding on stderr. */
  private static int againstCluster(
      CliContext ctx, ResolvedConnection resolved, PathCatalog catalog) {
    for (Notice notice : resolved.notices()) {
      ctx.err().println("warning: " + TerminalText.message(notice.text()));
    }
    String url = resolved.profile().elasticsearch().url().toString();
    PathsCheck check;
    try (CtrlC ctrlC = new CtrlC("paths")) {
      check =
          new ConnectionCheck()
              .checkPaths(resolved.profile().elasticsearch(), catalog, ctrlC.cancellation());
    }
    if (check.state() == PathsCheck.State.FAILED) {
      catalog.problems().forEach(ctx.err()::println);
      ctx.err().println("hopscope: " + TerminalText.message(check.error()));
      ctx.err().flush();
      return ExitCodes.BACKEND;
    }
    for (PathDef path : catalog.paths()) {
      long problems = check.findings().stream().filter(f -> path.name().equals(f.path())).count();
      long patterns =
          path.hops().stream()
              .flatMap(h -> h.sources().stream())
              .map(s -> s.index())
              .distinct()
              .count();
      if (problems == 0) {
        ctx.terminal()
            .printf(
                "ok  %s (%s): %d index %s readable, fields mapped%n",
                field(path.origin()),
                field(path.name()),
                patterns,
                patterns == 1 ? "pattern" : "patterns");
      } else {
        ctx.terminal()
            .printf(
                "bad %s (%s): %d %s%n",
                field(path.origin()),
                field(path.name()),
                problems,
                problems == 1 ? "problem" : "problems");
      }
    }
    ctx.terminal().println(check.summary() + " on Elasticsearch " + url);
    check.findings().stream().map(Finding::text).forEach(ctx.err()::println);
    ctx.terminal().flush();
    ctx.err().flush();
    return check.findings().isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
  }

  /** Whether a connection is configured: a profile or an Elasticsearch URL, by flag or variable. */
  private static boolean connected(Map<String, String> env, ConnectionFlags flags) {
    return present(flags.profile())
        || present(flags.elasticsearchUrl())
        || present(env.get("HOPSCOPE_PROFILE"))
        || present(env.get("HOPSCOPE_ES_URL"));
  }

  /** The connection as every command resolves it: profile &lt; environment &lt; flags. */
  private static ResolvedConnection resolve(CliContext ctx, ConnectionFlags flags) {
    return new Connector(ctx.env(), ctx.system(), ctx.workingDir(), ctx.defaultPathsDir())
        .connection(flags);
  }

  /** {@code --paths-dir}, else the connection's paths folder, else the default. */
  private static Path pathsDir(CliContext ctx, ConnectionFlags flags, ResolvedConnection resolved) {
    if (present(flags.pathsDir())) {
      return ctx.workingDir().resolve(flags.pathsDir());
    }
    Path profiles = resolved != null ? resolved.profile().pathsDir() : null;
    return profiles != null ? ctx.workingDir().resolve(profiles) : ctx.defaultPathsDir();
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static String hops(PathDef path) {
    return String.join(" -> ", path.hops().stream().map(h -> field(h.name())).toList());
  }
}
