package org.hopscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.oncall.Playbooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hopscope playbook list [--json]}: the valid playbooks; problems of others on stderr. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the playbooks in playbooks/ (problems of invalid files go to stderr).")
final class PlaybookListCommand implements Callable<Integer> {

  @ParentCommand PlaybookCommand parent;

  @Option(names = "--json", description = "One JSON document: playbooks and problems.")
  boolean json;

  @Option(names = "--playbooks-dir", paramLabel = "DIR", description = "Default: playbooks/.")
  Path dir;

  @Option(names = "--paths-dir", paramLabel = "DIR", description = "Default: queries/.")
  Path pathsDir;

  @Override
  public Integer call() {
    CliContext ctx = parent.context();
    Path from = parent.playbooksDir(dir);
    PlaybookCatalog catalog = new Playbooks(from).list(parent.pathCatalog(pathsDir));
    if (json) {
      writeJson(catalog, ctx);
    } else {
      PrintWriter out = ctx.terminal();
      out.printf("%-24s %5s  %-48s %s%n", "ID", "STEPS", "APPLIES TO", "TITLE");
      for (Playbook p : catalog.playbooks()) {
        out.printf(
            "%-24s %5d  %-48s %s%n",
            TerminalText.field(p.id()),
            p.steps().size(),
            TerminalText.field(appliesTo(p.appliesTo())),
            TerminalText.field(p.title()));
      }
    }
    catalog.problems().forEach(ctx.err()::println);
    ctx.out().flush();
    ctx.err().flush();
    if (catalog.playbooks().isEmpty() && catalog.problems().isEmpty()) {
      ctx.err().println("no playbooks (*.md) in " + from);
      ctx.err().flush();
    }
    return Files.isDirectory(from) ? ExitCodes.OK : ExitCodes.USAGE;
  }

  /** {@code paths=orders hops=fulfilment-service alerts=X}, empty lists left out; "any" if none. */
  static String appliesTo(Playbook.AppliesTo a) {
    List<String> parts = new ArrayList<>();
    if (!a.paths().isEmpty()) {
      parts.add("paths=" + String.join(",", a.paths()));
    }
    if (!a.hops().isEmpty()) {
      parts.add("hops=" + String.join(",", a.hops()));
    }
    if (!a.alerts().isEmpty()) {
      parts.add("alerts=" + String.join(",", a.alerts()));
    }
    return parts.isEmpty() ? "any" : String.join(" ", parts);
  }

  private static void writeJson(PlaybookCatalog catalog, CliContext ctx) {
    List<Map<String, Object>> playbooks = new ArrayList<>();
    for (Playbook p : catalog.playbooks()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", p.id());
      m.put("title", p.title());
      m.put("file", p.origin());
      m.put("appliesTo", p.appliesTo());
      List<Map<String, Object>> variables = new ArrayList<>();
      for (Playbook.Variable v : p.variables()) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("name", v.name());
        vm.put("default", v.defaultValue());
        vm.put("description", v.description());
        vm.put("pinned", v.pinned());
        variables.add(vm);
      }
      m.put("variables", variables);
      m.put("steps", p.steps().size());
      playbooks.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("playbooks", playbooks);
    doc.put("problems", catalog.problems());
    try {
      ctx.out()
          .println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
