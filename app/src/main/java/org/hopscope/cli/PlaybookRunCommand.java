package org.hopscope.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.hopscope.config.ConfigException;
import org.hopscope.config.DurationText;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.model.playbook.Step;
import org.hopscope.model.playbook.ValueOrigin;
import org.hopscope.model.playbook.VariableValue;
import org.hopscope.oncall.Engine;
import org.hopscope.oncall.FailureKind;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.Playbooks;
import org.hopscope.oncall.Session;
import org.hopscope.source.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hopscope playbook run ID --var k=v ...}: evaluates every check of a playbook, in file
 * order, non-interactively (no branching: all checks run), as of a time ({@link PlaybookRunTimes}),
 * and prints each step's outcome.
 *
 * <p>Exit codes: 0 every check was decided (PASS or FAIL: a failing check is a finding, not an
 * error of the command; the summary line and {@code --json} say how many failed), 3 every check ran
 * but at least one found no data (NO DATA: not decided), 2 bad input (unknown playbook or variable,
 * invalid playbook, a check the playbook got wrong such as bad PromQL), 4 a backend was down or
 * refused (the check's detail names it and its URL), 130 cancelled.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run every check of a playbook against the backends and print each step's outcome."
            + " Exit 0 when all checks were decided (pass or fail), 3 some found no data, 2 bad"
            + " input, 4 a backend down.")
public final class PlaybookRunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Parameters(index = "0", paramLabel = "ID", description = "The playbook, e.g. consumer-lag.")
  String id;

  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      description = "Binds a variable (repeatable), e.g. --var hop=fulfilment-service.")
  Map<String, String> variables = new LinkedHashMap<>();

  @Option(
      names = "--path",
      paramLabel = "PATH",
      description = "The path (default: the playbook's path variable, else orders).")
  String path;

  @Option(
      names = "--at",
      paramLabel = "TIME",
      description = "Evaluate as of this time (default now): ISO-8601 with zone, now, now-90m.")
  String at;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      description =
          "Evaluate over the window --from to --to (default now): as of its end, window = its"
              + " length.")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "The window's end (with --from).")
  String to;

  @Option(
      names = "--incident",
      paramLabel = "ID",
      description =
          "record each check (query, value, outcome) on this incident's timeline; without"
              + " --at/--from, evaluate over the incident's window")
  Long incident;

  @Option(names = "--json", description = "One JSON object (docs/cli-json.md).")
  boolean json;

  private final Function<Path, Playbook> source;

  /** The command with the playbook reader the CLI ships. */
  public PlaybookRunCommand() {
    this(null);
  }

  /** The command reading playbooks through {@code source} (tests: in-code playbooks). */
  public PlaybookRunCommand(Function<Path, Playbook> source) {
    this.source = source;
  }

  @Override
  public Integer call() {
    CliContext ctx = ((Main) spec.root().userObject()).context();
    Path dir = ctx.defaultPathsDir().resolveSibling("playbooks");
    Playbooks playbooks = source == null ? new Playbooks(dir) : new Playbooks(dir, source);
    Playbook playbook;
    List<VariableValue> resolved;
    Session session;
    PlaybookRunTimes times;
    try {
      playbook = playbooks.load(id);
      Incident open = incident == null ? null : incidentOf(ctx, incident);
      times = PlaybookRunTimes.parse(ctx, at, from, to, open);
      String pathName = path != null ? path : Playbooks.pathName(playbook, variables);
      session = Sessions.open(ctx, connection.flags(), pathName);
      resolved =
          PlaybookVariables.resolve(
              playbook, session.path(), times.window(), Map.of(), variables, ValueOrigin.GIVEN);
      checkWindow(PlaybookVariables.values(resolved).get("window"));
    } catch (IllegalArgumentException | ConfigException e) {
      ctx.err().println("hopscope: " + TerminalText.message(e.getMessage()));
      ctx.err().flush();
      return ExitCodes.USAGE;
    }
    Map<String, String> bound = PlaybookVariables.values(resolved);
    Instant asOf = times.asOf(ctx.clock().instant());
    if (!json) {
      PlaybookRunOutput.printHeader(playbook, asOf, times.window(), resolved, ctx.terminal());
    }
    Main main = (Main) spec.root().userObject();
    Map<Step, CheckEvaluation> finished = new LinkedHashMap<>();
    try (CtrlC ctrlC = main.ctrlC("playbook run");
        Engine engine = Engine.open(session.connection())) {
      Map<Step, CheckEvaluation> done;
      try {
        done =
            engine.checks(
                session.path(),
                playbook,
                bound,
                asOf,
                (step, e) -> {
                  finished.put(step, e);
                  if (!json) {
                    PlaybookRunOutput.printStep(step, e.result(), ctx.terminal());
                  }
                },
                ctrlC.cancellation());
      } catch (Cancellation.CancelledException e) {
        return interrupted(ctx, playbook, finished.values());
      }
      if (incident != null) {
        IncidentCommand.recordChecks(ctx, incident, playbook, done.values());
      }
      if (json) {
        PlaybookRunJson.write(playbook, bound, asOf, times.fixed(), resolved, done, ctx.out());
      } else {
        PlaybookRunOutput.printSummary(playbook, asOf, done.values(), ctx.terminal());
      }
      ctx.out().flush();
      FailureKind failure = FailureKind.ofChecks(done.values());
      boolean noData =
          done.values().stream()
              .anyMatch(e -> e != null && e.result().outcome() == CheckResult.Outcome.NO_DATA);
      return failure == null && noData ? ExitCodes.NO_EVIDENCE : ExitCodes.of(failure);
    }
  }

  /**
   * Ctrl-C during the checks: the finished ones are recorded on the incident (with a CHECK entry
   * saying the run was interrupted) and the user is told how far it got; exit 130.
   */
  private int interrupted(CliContext ctx, Playbook playbook, Collection<CheckEvaluation> finished) {
    int checks = (int) playbook.steps().stream().filter(s -> s.check() != null).count();
    String recorded = "";
    if (incident != null) {
      IncidentCommand.recordInterrupted(ctx, incident, playbook, finished, checks);
      recorded =
          "; recorded on incident "
              + incident
              + (finished.isEmpty() ? "" : " with the " + finished.size() + " finished");
    }
    ctx.err()
        .printf(
            "hopscope: interrupted (Ctrl-C) after %d of %d checks%s%n",
            finished.size(), checks, recorded);
    ctx.err().flush();
    return ExitCodes.CANCELLED;
  }

  /** The window variable is a duration the checks can use (not an overflowing one). */
  private static void checkWindow(String window) {
    try {
      DurationText.parse(window == null ? "" : window.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("window: " + e.getMessage(), e);
    }
  }

  /** The incident {@code id} (for its window), from the local store. */
  private static Incident incidentOf(CliContext ctx, long id) {
    try (IncidentDesk desk = IncidentCommand.desk(ctx)) {
      return desk.get(id);
    }
  }
}
