package org.hopscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hopscope.config.Problem;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.oncall.PlaybookCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hopscope playbook validate [FILES...]}: checks playbook files (default: all of {@code
 * playbooks/}); prints {@code ok FILE (id)} per valid file, each problem located; exit 0 when all
 * are valid, 2 otherwise (also when there is nothing to check).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check playbook files (default: every *.md in playbooks/); exit 2 on problems.")
final class PlaybookValidateCommand implements Callable<Integer> {

  @ParentCommand PlaybookCommand parent;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Playbook files to check.")
  List<Path> files = List.of();

  @Option(names = "--playbooks-dir", paramLabel = "DIR", description = "Default: playbooks/.")
  Path dir;

  @Option(names = "--paths-dir", paramLabel = "DIR", description = "Default: queries/.")
  Path pathsDir;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    PlaybookCatalog catalog =
        files.isEmpty()
            ? PlaybookCatalog.readDirectory(parent.playbooksDir(dir), parent.pathCatalog(pathsDir))
            : PlaybookCatalog.read(
                files.stream().map(f -> ctx.workingDir().resolve(f)).toList(),
                parent.pathCatalog(pathsDir));
    for (Playbook p : catalog.playbooks()) {
      ctx.terminal()
          .printf("ok  %s (%s)%n", TerminalText.field(p.origin()), TerminalText.field(p.id()));
    }
    catalog.problems().forEach(ctx.err()::println);
    long bad = catalog.problems().stream().map(Problem::file).distinct().count();
    if (bad > 0) {
      ctx.err()
          .printf(
              "%d problem%s in %d file%s%n",
              catalog.problems().size(),
              catalog.problems().size() == 1 ? "" : "s",
              bad,
              bad == 1 ? "" : "s");
    }
    if (catalog.playbooks().isEmpty() && catalog.problems().isEmpty()) {
      ctx.err().println("no playbooks (*.md) in " + parent.playbooksDir(dir));
      ctx.terminal().flush();
      ctx.err().flush();
      return ExitCodes.USAGE;
    }
    ctx.terminal().flush();
    ctx.err().flush();
    return catalog.allValid() ? ExitCodes.OK : ExitCodes.USAGE;
  }
}
