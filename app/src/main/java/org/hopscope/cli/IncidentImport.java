package org.hopscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.hopscope.config.ConfigDirs;
import org.hopscope.model.incident.Incident;
import org.hopscope.oncall.BundleDesk;
import org.hopscope.oncall.IncidentDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hopscope incident import FILE.hopscope [--again]}: a bundle as a new local incident. */
@Command(
    name = "import",
    description = {
      "Import a bundle file (export --bundle) as a new incident with new IDs: its timeline, notes,"
          + " step states and evidence keep their original times; its title ends in"
          + " \"(imported)\" and an IMPORTED entry says where it came from. A bad bundle changes"
          + " nothing. Prints the new incident's ID.",
    })
final class IncidentImport extends IncidentCommand.OnDesk {

  @Parameters(paramLabel = "FILE.hopscope")
  Path file;

  @Option(
      names = "--again",
      description = "import a bundle imported before as a second, separate incident")
  boolean again;

  @Override
  void run(IncidentDesk desk, PrintWriter out) {
    CliContext ctx = parent.main.context();
    Path bundle = ctx.workingDir().resolve(file);
    Incident i =
        new BundleDesk(
                desk,
                ctx.defaultPathsDir(),
                ctx.defaultPathsDir().resolveSibling("playbooks"),
                ConfigDirs.detect(ctx.env(), ctx.system()).configDir(),
                ctx.clock())
            .importBundle(bundle, again);
    out.println(i.id());
    ctx.err()
        .println(
            "imported "
                + TerminalText.field(bundle)
                + " as incident #"
                + i.id()
                + ": "
                + TerminalText.field(i.title())
                + " (hopscope incident show "
                + i.id()
                + ")");
  }
}
