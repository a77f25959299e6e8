package org.hopscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hopscope.config.PathCatalog;
import org.hopscope.config.PathDefinitions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hopscope playbook ...}: the incident playbooks in {@code playbooks/} (format in {@code
 * docs/playbooks.md}). Each subcommand is its own class; they share the directories from here.
 */
@Command(
    name = "playbook",
    mixinStandardHelpOptions = true,
    description = "Incident playbooks in playbooks/: list, validate.",
    subcommands = {
      PlaybookListCommand.class,
      PlaybookValidateCommand.class,
      PlaybookRunCommand.class
    })
final class PlaybookCommand {

  @ParentCommand Main main;

  CliContext context() {
    return main.context();
  }

  /** {@code override}, else {@code $hopscope.home/playbooks}, else {@code ./playbooks}. */
  Path playbooksDir(Path override) {
    if (override != null) {
      return context().workingDir().resolve(override);
    }
    String home = context().system().getProperty("hopscope.home");
    return home != null ? Path.of(home, "playbooks") : context().workingDir().resolve("playbooks");
  }

  /**
   * The path definitions to check playbooks' path and hop names against: those of {@code override}
   * or the default {@code queries/}; null when that directory does not exist (names are then not
   * checked). Problems of path definition files are not repeated here ({@code paths --validate}
   * reports them); their valid paths are used.
   */
  PathCatalog pathCatalog(Path override) {
    Path dir =
        override != null ? context().workingDir().resolve(override) : context().defaultPathsDir();
    return Files.isDirectory(dir) ? new PathDefinitions().readDirectory(dir) : null;
  }
}
