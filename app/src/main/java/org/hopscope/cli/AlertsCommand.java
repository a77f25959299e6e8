package org.hopscope.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.hopscope.model.alert.AlertsReport;
import org.hopscope.model.alert.PathAlert;
import org.hopscope.oncall.Engine;
import org.hopscope.oncall.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hopscope alerts --path P [--json]}: the firing and pending alerts about the path's hops,
 * from Prometheus and (when the profile names one) Alertmanager, each with its playbook link.
 */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = {
      "The active (firing, pending, silenced) alerts about the path's hops, read from Prometheus"
          + " (/api/v1/alerts) and the profile's Alertmanager (/api/v2/alerts), one line each with"
          + " its playbook link (runbook_url hopscope://...) over the alert's window.",
      "Exit 6 when a backend could not be read (its alerts are then unknown, never 'none')."
    })
final class AlertsCommand implements Callable<Integer> {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  @ParentCommand Main main;

  @Mixin ConnectionOptions connection;

  @Option(names = "--path", required = true, paramLabel = "PATH", description = "e.g. orders")
  String path;

  @Option(names = "--json", description = "The JSON contract of docs/cli-json.md.")
  boolean json;

  @Override
  public Integer call() {
    CliContext ctx = main.context();
    Session session = Sessions.open(ctx, connection.flags(), path);
    AlertsReport report;
    try (CtrlC ctrlC = main.ctrlC("alerts");
        Engine engine = Engine.open(session.connection())) {
      report =
          engine.alerts(
              session.path(), Instant.now().truncatedTo(ChronoUnit.SECONDS), ctrlC.cancellation());
    }
    if (json) {
      AlertsJson.write(report, ctx.out());
    } else {
      print(report, ctx.terminal());
    }
    ctx.out().flush();
    return report.complete() ? ExitCodes.OK : ExitCodes.UNKNOWN;
  }

  private static void print(AlertsReport report, PrintWriter out) {
    out.println(
        TerminalText.field(report.headline())
            + " (as of "
            + TIME.format(report.asOf())
            + "; "
            + report.basedOn()
            + ")");
    for (String problem : report.problems()) {
      out.println(TerminalText.message(problem));
    }
    if (report.alerts().isEmpty()) {
      out.flush();
      return;
    }
    out.printf(
        "%-10s %-9s %-28s %-20s %-32s %s%n",
        "STATE", "SEVERITY", "ALERT", "HOP", "SINCE", "SUMMARY");
    for (PathAlert a : report.alerts()) {
      out.printf(
          "%-10s %-9s %-28s %-20s %-32s %s%n",
          a.state().word(),
          TerminalText.field(a.severity() == null ? "-" : a.severity()),
          TerminalText.field(a.name()),
          TerminalText.field(a.hop() == null ? "(path)" : a.hop()),
          since(a, report.asOf()),
          TerminalText.field(a.summary() == null ? "" : a.summary()));
      if (a.playbookLink() != null) {
        out.println("  playbook: " + TerminalText.field(a.playbookLink()));
      } else if (a.linkProblem() != null) {
        out.println("  " + TerminalText.message(a.linkProblem()));
      }
      out.println(
          "  from: " + a.originText() + ", matched by " + TerminalText.field(a.matchedBy()));
    }
    out.flush();
  }

  private static String since(PathAlert a, Instant asOf) {
    return a.since() == null
        ? "unknown"
        : TIME.format(a.since().truncatedTo(ChronoUnit.SECONDS))
            + " ("
            + a.activeForText(asOf)
            + ")";
  }
}
