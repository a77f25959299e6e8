package org.hopscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hopscope.config.ConfigDirs;
import org.hopscope.oncall.IncidentDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hopscope export --incident ID --out FILE.md}: the post-mortem draft of an incident. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write the post-mortem draft of an incident as Markdown (chart images beside it),"
            + " with masking applied to everything exported.")
final class ExportCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Option(names = "--incident", required = true, paramLabel = "ID")
  long incidentId;

  @Option(names = "--out", required = true, paramLabel = "FILE.md")
  Path out;

  @Option(
      names = "--masking",
      paramLabel = "FILE",
      description =
          "masking rules (default: <config dir>/masking.yaml when present, else built-in)")
  Path masking;

  @Override
  public Integer call() {
    CliContext ctx = main.context();
    try (IncidentDesk desk = IncidentCommand.desk(ctx)) {
      Path file = ctx.workingDir().resolve(out);
      desk.exportPostMortem(
          incidentId,
          file,
          ConfigDirs.detect(ctx.env(), ctx.system()).configDir(),
          masking == null ? null : ctx.workingDir().resolve(masking));
      ctx.terminal().println("wrote " + TerminalText.field(file));
      return ExitCodes.OK;
    }
  }
}
