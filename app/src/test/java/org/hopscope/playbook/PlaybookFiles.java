package org.hopscope.playbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;

/**
 * A minimal test-scope extraction of the shipped playbook files (not the reader): variables with
 * defaults, step headings and their {@code check} blocks, so the sandbox tests evaluate exactly
 * what the files say.
 */
final class PlaybookFiles {

  private static final Pattern VARIABLE =
      Pattern.compile("^  ([a-z_]+): \\{default: (\"\"|[^,]*), description");
  private static final Pattern STEP = Pattern.compile("^## (.*) \\{#([a-z0-9-]+)}$");
  private static final Pattern PASS_WHEN = Pattern.compile("\"(<=|>=|==|!=|<|>) (\\S+)\"");

  private PlaybookFiles() {}

  static Path dir() {
    return Path.of(System.getProperty("hopscope.home"), "playbooks");
  }

  /** The playbook {@code id} from {@code playbooks/ID.md}. */
  static Playbook read(String id) {
    Path file = dir().resolve(id + ".md");
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
    List<Playbook.Variable> variables = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    String stepId = null;
    String title = null;
    int stepLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher v = VARIABLE.matcher(line);
      Matcher s = STEP.matcher(line);
      if (v.find()) {
        String value = v.group(2).equals("\"\"") ? "" : v.group(2);
        variables.add(new Playbook.Variable(v.group(1), value, ""));
      } else if (s.matches()) {
        title = s.group(1);
        stepId = s.group(2);
        stepLine = i + 1;
        steps.add(new Step(stepId, title, "", null, List.of(), stepLine));
      } else if (line.equals("```check")) {
        int start = i + 1;
        String promql = null;
        String es = null;
        String passWhen = null;
        String severity = null;
        for (i++; !lines.get(i).equals("```"); i++) {
          String l = lines.get(i);
          if (l.startsWith("promql: ")) {
            promql = l.substring("promql: ".length());
          } else if (l.startsWith("es: ")) {
            es = l.substring("es: ".length());
          } else if (l.startsWith("pass_when: ")) {
            passWhen = l.substring("pass_when: ".length());
          } else if (l.startsWith("severity: ")) {
            severity = l.substring("severity: ".length());
          }
        }
        Matcher p = PASS_WHEN.matcher(passWhen);
        if (!p.matches()) {
          throw new AssertionError(file + ":" + start + ": pass_when " + passWhen);
        }
        Check check =
            new Check(
                promql != null ? Check.Kind.PROMQL : Check.Kind.ES_COUNT,
                promql != null ? promql : es,
                comparison(p.group(1)),
                Double.parseDouble(p.group(2)),
                Check.Severity.valueOf(severity.toUpperCase(java.util.Locale.ROOT)),
                "",
                "",
                start);
        steps.set(steps.size() - 1, new Step(stepId, title, "", check, List.of(), stepLine));
      }
    }
    return new Playbook(
        id,
        id,
        new Playbook.AppliesTo(List.of(), List.of(), List.of()),
        variables,
        steps,
        file.toString());
  }

  private static Check.Comparison comparison(String symbol) {
    for (Check.Comparison c : Check.Comparison.values()) {
      if (c.symbol().equals(symbol)) {
        return c;
      }
    }
    throw new AssertionError("no comparison " + symbol);
  }
}
