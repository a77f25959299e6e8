package org.hopscope.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hopscope.config.ConfigDirs;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.report.Masking;
import org.hopscope.report.PostMortemExport;
import org.hopscope.report.PostMortemInput;
import org.hopscope.store.EvidenceSummary;
import org.hopscope.store.IncidentDatabase;
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
    Masking rules = masking(ctx);
    try (IncidentDatabase db = IncidentCommand.database(ctx)) {
      Incident incident = IncidentCommand.find(db, incidentId);
      List<Evidence> evidence = new ArrayList<>();
      for (EvidenceSummary s : db.evidence().list(incidentId)) {
        db.evidence().load(s.id()).ifPresent(evidence::add);
      }
      PostMortemInput input =
          new PostMortemInput(
              incident,
              db.timeline().list(incidentId),
              db.notes().list(incidentId),
              db.stepStates().listAll(incidentId),
              evidence,
              org.hopscope.report.WindowReportJson.latest(evidence).orElse(null));
      Path file = ctx.workingDir().resolve(out);
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      PostMortemExport.toFile(input, rules, file);
      ctx.out().println("wrote " + file);
      return ExitCodes.OK;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + out + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
          e);
    }
  }

  private Masking masking(CliContext ctx) {
    if (masking != null) {
      return Masking.load(ctx.workingDir().resolve(masking));
    }
    return Masking.configured(ConfigDirs.detect(ctx.env(), ctx.system()).configDir());
  }
}
