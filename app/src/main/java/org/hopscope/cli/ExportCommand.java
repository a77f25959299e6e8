package org.hopscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hopscope.config.ConfigDirs;
import org.hopscope.model.bundle.BundleManifest;
import org.hopscope.oncall.BundleDesk;
import org.hopscope.oncall.IncidentDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hopscope export --incident ID --out FILE.md}: the post-mortem draft of an incident; {@code
 * --bundle FILE.hopscope}: the whole incident as one bundle file (docs/bundles.md).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the post-mortem draft of an incident as Markdown (--out; chart images beside it),"
          + " or the whole incident as one bundle file (--bundle: timeline, notes, evidence, path"
          + " definition, playbooks, draft), with masking applied to everything exported.",
    })
final class ExportCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Option(names = "--incident", required = true, paramLabel = "ID")
  long incidentId;

  @Option(names = "--out", paramLabel = "FILE.md", description = "the post-mortem draft")
  Path out;

  @Option(
      names = "--bundle",
      paramLabel = "FILE.hopscope",
      description = "the incident as a bundle file (a zip; see docs/bundles.md)")
  Path bundle;

  @Option(
      names = "--unmasked",
      description = "bundle only: export without masking (chart images included); handle with care")
  boolean unmasked;

  @Option(names = "--force", description = "bundle only: replace FILE.hopscope when it exists")
  boolean force;

  @Option(
      names = "--masking",
      paramLabel = "FILE",
      description =
          "masking rules (default: <config dir>/masking.yaml when present, else built-in)")
  Path masking;

  @Override
  public Integer call() {
    CliContext ctx = main.context();
    if ((out == null) == (bundle == null)) {
      throw new IllegalArgumentException(
          "give --out FILE.md (the post-mortem draft) or --bundle FILE.hopscope (the incident),"
              + " one of them");
    }
    if (bundle == null && (unmasked || force)) {
      throw new IllegalArgumentException("--unmasked and --force go with --bundle only");
    }
    if (unmasked && masking != null) {
      throw new IllegalArgumentException("--unmasked and --masking contradict each other");
    }
    Path configDir = ConfigDirs.detect(ctx.env(), ctx.system()).configDir();
    Path rules = masking == null ? null : ctx.workingDir().resolve(masking);
    try (IncidentDesk desk = IncidentCommand.desk(ctx)) {
      if (bundle != null) {
        return exportBundle(ctx, desk, configDir, rules);
      }
      Path file = ctx.workingDir().resolve(out);
      desk.exportPostMortem(incidentId, file, configDir, rules);
      ctx.terminal().println("wrote " + TerminalText.field(file));
      return ExitCodes.OK;
    }
  }

  private int exportBundle(CliContext ctx, IncidentDesk desk, Path configDir, Path rules) {
    Path file = ctx.workingDir().resolve(bundle);
    Path home = ctx.defaultPathsDir().resolveSibling("playbooks");
    BundleManifest m =
        new BundleDesk(desk, ctx.defaultPathsDir(), home, configDir, ctx.clock())
            .exportBundle(incidentId, file, unmasked, force, rules);
    var terminal = ctx.terminal();
    terminal.println(
        "wrote "
            + TerminalText.field(file)
            + ": incident #"
            + incidentId
            + ", "
            + m.entries().size()
            + " entries, bundle format "
            + m.formatVersion());
    terminal.println(
        m.masked()
            ? "masked with the post-mortem's rules (docs/bundles.md)"
            : "UNMASKED: holds everything as recorded, chart images included; share it with care");
    m.remarks().forEach(r -> terminal.println("note: " + TerminalText.field(r)));
    return ExitCodes.OK;
  }
}
