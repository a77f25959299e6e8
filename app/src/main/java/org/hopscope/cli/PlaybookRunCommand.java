package org.hopscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.hopscope.config.ConfigException;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.model.playbook.Step;
import org.hopscope.oncall.Engine;
import org.hopscope.oncall.FailureKind;
import org.hopscope.oncall.Playbooks;
import org.hopscope.oncall.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hopscope playbook run ID --var k=v ...}: evaluates every check of a playbook, in file
 * order, non-interactively (no branching: all checks run), and prints each step's outcome.
 *
 * <p>Exit codes: 0 every check ran (PASS or FAIL: a failing check is a finding, not an error of the
 * command; the summary line and {@code --json} say how many failed), 2 bad input (unknown playbook
 * or variable, invalid playbook, a check the playbook got wrong such as bad PromQL), 4 a backend
 * was down or refused (the check's detail names it and its URL), 130 cancelled.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run every check of a playbook against the backends and print each step's outcome."
            + " Exit 0 when all checks ran (pass or fail), 2 bad input, 4 a backend down.")
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
      names = "--incident",
      paramLabel = "ID",
      description = "record each check (query, value, outcome) on this incident's timeline")
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
    Map<String, String> bound;
    Session session;
    Instant asOf;
    try {
      playbook = playbooks.load(id);
      String pathName = path != null ? path : Playbooks.pathName(playbook, variables);
      session = Sessions.open(ctx, connection.flags(), pathName);
      bound = PlaybookVariables.bind(playbook, session.path(), variables);
      asOf = at == null ? ctx.clock().instant() : new TimeArgument(ctx.clock()).parse("--at", at);
    } catch (IllegalArgumentException | ConfigException e) {
      ctx.err().println("hopscope: " + e.getMessage());
      ctx.err().flush();
      return ExitCodes.USAGE;
    }
    try (CtrlC ctrlC = new CtrlC("playbook run");
        Engine engine = Engine.open(session.connection())) {
      Map<Step, CheckEvaluation> done =
          engine.checks(
              session.path(),
              playbook,
              bound,
              asOf,
              (step, e) -> {
                if (!json) {
                  PlaybookRunOutput.printStep(step, e.result(), ctx.out());
                }
              },
              ctrlC.cancellation());
      if (incident != null) {
        IncidentCommand.recordChecks(ctx, incident, playbook, done.values());
      }
      if (json) {
        writeJson(playbook, bound, asOf, done, ctx);
      } else {
        PlaybookRunOutput.printSummary(playbook, asOf, done.values(), ctx.out());
      }
      ctx.out().flush();
      return ExitCodes.of(FailureKind.ofChecks(done.values()));
    }
  }

  private static void writeJson(
      Playbook playbook,
      Map<String, String> bound,
      Instant asOf,
      Map<Step, CheckEvaluation> done,
      CliContext ctx) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("playbook", playbook.id());
    root.put("title", playbook.title());
    root.put("asOf", asOf.toString());
    ObjectNode vars = root.putObject("variables");
    bound.forEach(vars::put);
    ArrayNode steps = root.putArray("steps");
    int[] counts = new int[3];
    for (Map.Entry<Step, CheckEvaluation> e : done.entrySet()) {
      Step step = e.getKey();
      ObjectNode s = steps.addObject();
      s.put("step", step.id());
      s.put("title", step.title());
      if (e.getValue() == null) {
        s.putNull("check");
        continue;
      }
      CheckResult r = e.getValue().result();
      counts[r.outcome().ordinal()]++;
      ObjectNode c = s.putObject("check");
      c.put("kind", step.check().kind().name());
      c.put("query", r.query());
      if (r.value() == null) {
        c.putNull("value");
      } else {
        c.put("value", r.value());
      }
      c.put("passWhen", PlaybookRunOutput.passWhen(step.check()));
      c.put("outcome", r.outcome().name());
      c.put("severity", step.check().severity().name());
      c.put("expected", step.check().expected());
      c.put("meaning", step.check().meaning());
      c.put("detail", r.detail());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("pass", counts[0]);
    summary.put("fail", counts[1]);
    summary.put("error", counts[2]);
    try {
      ctx.out().println(mapper.writeValueAsString(root));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
