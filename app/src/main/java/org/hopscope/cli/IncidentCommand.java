package org.hopscope.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.oncall.IncidentDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hopscope incident open|list|show|resolve|import}: incidents in the local store. */
@Command(
    name = "incident",
    mixinStandardHelpOptions = true,
    description =
        "Open, list, show, resolve and import incidents (kept in the local SQLite store).",
    subcommands = {
      IncidentCommand.Open.class,
      IncidentCommand.ListIncidents.class,
      IncidentCommand.Show.class,
      IncidentCommand.Resolve.class,
      IncidentImport.class
    })
final class IncidentCommand {

  @ParentCommand Main main;

  /** The incident desk on this user's store; what opening it had to say goes to stderr. */
  static IncidentDesk desk(CliContext ctx) {
    IncidentDesk desk =
        IncidentDesk.open(
            IncidentDesk.defaultFile(ctx.env(), ctx.system()),
            ctx.clock(),
            IncidentDesk.user(ctx.system()));
    desk.warnings().forEach(w -> ctx.err().println("hopscope: " + TerminalText.message(w)));
    return desk;
  }

  /** Puts the checks of {@code playbook run --incident ID} on that incident's timeline. */
  static void recordChecks(
      CliContext ctx, long id, Playbook playbook, Collection<CheckEvaluation> done) {
    try (IncidentDesk desk = desk(ctx)) {
      desk.get(id);
      done.stream().filter(e -> e != null).forEach(e -> desk.recordCheck(id, playbook, e.result()));
    }
  }

  /**
   * A playbook run interrupted (Ctrl-C) after {@code finished} of its {@code checks} checks: each
   * finished check, then an entry saying the run was interrupted.
   */
  static void recordInterrupted(
      CliContext ctx,
      long id,
      Playbook playbook,
      Collection<CheckEvaluation> finished,
      int checks) {
    try (IncidentDesk desk = desk(ctx)) {
      desk.get(id);
      finished.forEach(e -> desk.recordCheck(id, playbook, e.result()));
      desk.recordInterruptedRun(id, playbook, finished.size(), checks);
    }
  }

  /** A subcommand: its work on the desk, printing to {@code out}. */
  abstract static class OnDesk implements Callable<Integer> {
    @ParentCommand IncidentCommand parent;

    abstract void run(IncidentDesk desk, PrintWriter out);

    @Override
    public Integer call() {
      CliContext ctx = parent.main.context();
      try (IncidentDesk desk = desk(ctx)) {
        run(desk, ctx.terminal());
        return ExitCodes.OK;
      }
    }
  }

  @Command(name = "open", description = "Open an incident; prints its ID.")
  static final class Open extends OnDesk {
    @Option(names = "--title", required = true, description = "what is wrong, one line")
    String title;

    @Option(names = "--severity", defaultValue = "SEV3", description = "SEV1..SEV4")
    Incident.Severity severity;

    @Option(names = "--path", defaultValue = "orders", description = "integration path")
    String path;

    @Option(names = "--from", required = true, description = "window start (ISO instant)")
    Instant from;

    @Option(names = "--to", required = true, description = "window end (ISO instant)")
    Instant to;

    @Override
    void run(IncidentDesk desk, PrintWriter out) {
      out.println(desk.open(title, severity, path, new TimeWindow(from, to)).id());
    }
  }

  @Command(name = "list", description = "Incidents, newest first.")
  static final class ListIncidents extends OnDesk {
    @Option(names = "--search", description = "text in the title or path")
    String search;

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Override
    void run(IncidentDesk desk, PrintWriter out) {
      if (limit < 1) {
        throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
      }
      List<Incident> found = desk.list(search, limit);
      out.printf("%-5s %-5s %-9s %-22s %s%n", "ID", "SEV", "STATUS", "OPENED (UTC)", "TITLE");
      for (Incident i : found) {
        out.printf(
            "%-5d %-5s %-9s %-22s %s%n",
            i.id(), i.severity(), i.status(), i.openedAt(), TerminalText.field(i.title()));
      }
    }
  }

  @Command(name = "show", description = "An incident and its timeline.")
  static final class Show extends OnDesk {
    @Parameters(paramLabel = "ID")
    long id;

    @Override
    void run(IncidentDesk desk, PrintWriter out) {
      Incident i = desk.get(id);
      out.printf(
          "#%d %s  %s %s  %s%n",
          i.id(),
          TerminalText.field(i.title()),
          i.severity(),
          i.status(),
          TerminalText.field(i.path()));
      for (TimelineEntry e : desk.timeline(id)) {
        out.printf(
            "  %s  %-15s %s (%s)%n",
            e.at(), e.kind(), TerminalText.field(e.summary()), TerminalText.field(e.actor()));
      }
    }
  }

  @Command(name = "resolve", description = "Mark an incident resolved.")
  static final class Resolve extends OnDesk {
    @Parameters(paramLabel = "ID")
    long id;

    @Override
    void run(IncidentDesk desk, PrintWriter out) {
      Incident i = desk.resolve(id);
      out.println("#" + i.id() + " " + i.status() + " at " + i.resolvedAt());
    }
  }
}
