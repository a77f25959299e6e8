package org.hopscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hopscope.config.PathCatalog;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.Hop;
import org.hopscope.model.PathDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hopscope paths [--validate]}: the integration paths in {@code queries/}. */
@Command(
    name = "paths",
    mixinStandardHelpOptions = true,
    description = "List the integration paths in queries/ (--validate: check every file).")
final class PathsCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Option(names = "--validate", description = "Check every file; exit 2 when any has problems.")
  boolean validate;

  @Option(names = "--paths-dir", paramLabel = "DIR", description = "Default: queries/.")
  Path dir;

  @Override
  public Integer call() {
    CliContext ctx = main.context();
    Path from = dir != null ? dir : ctx.defaultPathsDir();
    PathCatalog catalog = new PathDefinitions().readDirectory(from);
    for (PathDef path : catalog.paths()) {
      if (validate) {
        ctx.out().printf("ok  %s (%s)%n", path.origin(), path.name());
      } else {
        ctx.out().printf("%-16s %d hops: %s%n", path.name(), path.hops().size(), hops(path));
      }
    }
    catalog.problems().forEach(ctx.err()::println);
    ctx.out().flush();
    ctx.err().flush();
    if (catalog.paths().isEmpty() && catalog.problems().isEmpty()) {
      ctx.err().println("no path definitions (*.yaml) in " + from);
      ctx.err().flush();
      return ExitCodes.USAGE;
    }
    return validate && !catalog.allValid() ? ExitCodes.USAGE : ExitCodes.OK;
  }

  private static String hops(PathDef path) {
    return String.join(" -> ", path.hops().stream().map(Hop::name).toList());
  }
}
