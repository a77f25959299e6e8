package org.hopscope.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hopscope.config.Problems;
import org.hopscope.config.Snippet;
import org.hopscope.config.YamlFile;
import org.hopscope.config.YamlMap;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.NextRule;
import org.hopscope.model.promql.PromQlTemplate;
import org.hopscope.model.promql.PromQlTemplateException;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads the {@code check} and {@code next} blocks of a step. Variable references, {@code
 * pass_when}, severities, Elasticsearch counts and the PromQL's structure are checked here; next
 * targets are checked by {@link PlaybookReader} once all step ids are known.
 */
final class CheckReader {

  private static final Pattern PASS_WHEN =
      Pattern.compile("\\s*(<=|>=|==|!=|<|>)\\s*(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_]*)(}?)");

  /**
   * What PromQL checks may use besides the playbook's variables: {@code ${service}} (the hop's
   * metrics service name) and {@code ${rate}} (default 5m), as the evaluator binds them.
   */
  private static final Set<String> PROMQL_VARIABLES = Set.of("service", "rate");

  private final Problems problems;
  private final String[] fileLines;
  private final Set<String> variables;
  private final Set<String> hops;

  /**
   * @param variables the declared and built-in variable names
   * @param hops the hops an {@code es:} check may name, or null when unknown (no path definitions)
   */
  CheckReader(Problems problems, String[] fileLines, Set<String> variables, Set<String> hops) {
    this.problems = problems;
    this.fileLines = fileLines;
    this.variables = variables;
    this.hops = hops;
  }

  /** The check of {@code block}, or null when anything was wrong (reported). */
  Check check(PlaybookText.Block block, String stepId) {
    int before = problems.count();
    String what = "check of step '" + stepId + "'";
    YamlMap map =
        YamlFile.composePart(block.yaml(), block.bodyLine(), what, problems)
            .map(root -> YamlMap.named(root, what, PlaybookFormat.CHECK, problems))
            .orElse(null);
    if (map == null) {
      return null;
    }
    Check.Kind kind = null;
    String query = null;
    if (map.has("promql") == map.has("es")) {
      problems.at(
          map.node(),
          what
              + ": give exactly one of 'promql' (a PromQL query) or 'es' (an Elasticsearch count"
              + " {hop, count, match}), "
              + (map.has("promql") ? "not both" : "got neither"));
    } else if (map.has("promql")) {
      kind = Check.Kind.PROMQL;
      query = promql(map, what);
    } else {
      kind = Check.Kind.ES_COUNT;
      query = es(map.get("es"), what);
    }
    String passWhen = map.requireString("pass_when", "a comparison such as \"< 100\"");
    Matcher comparison = passWhen == null ? null : PASS_WHEN.matcher(passWhen);
    if (comparison != null && !comparison.matches()) {
      problems.at(
          map.get("pass_when"),
          ("%s: 'pass_when': expected an operator (< <= > >= == !=) and a number, quoted, such as"
                  + " \"< 100\", got %s")
              .formatted(what, Snippet.quote(passWhen)));
    }
    String noData = map.string("noData", "pass or fail");
    if (noData != null && !PlaybookFormat.NO_DATA.contains(noData)) {
      problems.at(
          map.get("noData"),
          ("%s: 'noData': expected pass or fail (what a query that finds no data counts as;"
                  + " leave it out to get NO DATA), got %s")
              .formatted(what, Snippet.quote(noData)));
    }
    String severity = map.requireString("severity", "info, warning or critical");
    if (severity != null && !PlaybookFormat.SEVERITIES.contains(severity)) {
      problems.at(
          map.get("severity"),
          what
              + ": 'severity': expected info, warning or critical, got "
              + Snippet.quote(severity));
    }
    String expected = map.requireString("expected", "what a passing value means, one line");
    String meaning = map.requireString("meaning", "what a failing value means and what to do");
    if (problems.count() != before) {
      return null;
    }
    return new Check(
        kind,
        query,
        comparison(comparison.group(1)),
        Double.parseDouble(comparison.group(2)),
        Check.Severity.valueOf(severity.toUpperCase(Locale.ROOT)),
        expected.strip(),
        meaning.strip(),
        noData == null
            ? Check.WhenNoData.NO_DATA
            : Check.WhenNoData.valueOf(noData.toUpperCase(Locale.ROOT)),
        block.line());
  }

  private String promql(YamlMap map, String what) {
    String text = map.string("promql", "a PromQL query");
    if (text == null) {
      return null;
    }
    ScalarNode node = (ScalarNode) map.get("promql");
    int before = problems.count();
    references(node, text, what, PROMQL_VARIABLES);
    if (problems.count() != before) {
      return text.strip();
    }
    // the very check the evaluator makes: a file it would refuse is refused here
    try {
      PromQlTemplate.parse(what, text);
    } catch (PromQlTemplateException e) {
      at(node, text, Math.max(0, e.column() - 1), what + ": " + promqlProblem(e.problem()));
    }
    return text.strip();
  }

  /** The template's words, and for a playbook variable PromQL cannot take, which ones it can. */
  private static String promqlProblem(String problem) {
    if (problem.startsWith("unknown variable $")) {
      return problem.replaceFirst(";.*", "")
          + " in PromQL: a PromQL check may use only ${hop}, ${service}, ${window} and ${rate}"
          + " (their values are escaped for where they stand); other variables can be used in"
          + " an es check's hop or match";
    }
    return "bad PromQL: " + problem + "; fix the query in 'promql'";
  }

  private String es(Node node, String what) {
    String esWhat = what + ": 'es'";
    YamlMap es = YamlMap.named(node, esWhat, PlaybookFormat.ES, problems);
    if (es == null) {
      return null;
    }
    String hop = es.requireString("hop", "the hop whose events are counted");
    String count = es.requireString("count", String.join(", ", PlaybookFormat.ES_COUNTS));
    String match = es.string("match", "text the events' message must contain");
    if (hop != null) {
      references((ScalarNode) es.get("hop"), hop, esWhat, Set.of());
      if (hops != null && !hop.contains("${") && !hops.contains(hop)) {
        problems.at(
            es.get("hop"),
            "%s: unknown hop '%s'; hops of the applies_to paths are: %s"
                .formatted(esWhat, hop, String.join(", ", hops)));
      }
    }
    if (count != null && !PlaybookFormat.ES_COUNTS.contains(count)) {
      problems.at(
          es.get("count"),
          "%s: 'count': expected one of %s, got %s"
              .formatted(
                  esWhat, String.join(", ", PlaybookFormat.ES_COUNTS), Snippet.quote(count)));
    }
    if (match != null) {
      references((ScalarNode) es.get("match"), match, esWhat, Set.of());
    }
    return hop == null || count == null ? null : EsCount.text(hop, count, match);
  }

  /**
   * Reports every {@code ${name}} in {@code text} that names no variable of the playbook (nor one
   * of {@code alsoKnown}).
   */
  private void references(ScalarNode node, String text, String what, Set<String> alsoKnown) {
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (m.group(2).isEmpty()) {
        at(
            node,
            text,
            m.start(),
            what + ": '${' is not closed with '}'; write a variable as ${name}");
      } else if (!variables.contains(name) && !alsoKnown.contains(name)) {
        at(
            node,
            text,
            m.start(),
            ("%s: unknown variable '${%s}'; known are %s;"
                    + " declare it under 'variables:' in the front matter")
                .formatted(what, name, String.join(", ", variables)));
      }
    }
  }

  /**
   * Reports at the character {@code offset} of a scalar's value, as exactly as its style allows.
   */
  private void at(ScalarNode node, String value, int offset, String message) {
    int line = YamlMap.line(node);
    int column = node.getStartMark().map(mk -> mk.getColumn() + 1).orElse(1);
    ScalarStyle style = node.getScalarStyle();
    String before = value.substring(0, Math.min(offset, value.length()));
    if (style == ScalarStyle.PLAIN && !value.contains("\n")) {
      problems.at(line, column + offset, message);
    } else if ((style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED)
        && !value.contains("\n")
        && line >= 1
        && fileLines[line - 1].startsWith(value, column)) {
      problems.at(line, column + 1 + offset, message);
    } else if (style == ScalarStyle.LITERAL) {
      int k = before.length() - before.replace("\n", "").length();
      int start = before.lastIndexOf('\n') + 1;
      int fileLine = line + 1 + k;
      String valueLine = value.split("\n", -1)[k];
      int indent = fileLine <= fileLines.length ? fileLines[fileLine - 1].indexOf(valueLine) : -1;
      if (indent >= 0) {
        problems.at(fileLine, indent + 1 + offset - start, message);
      } else {
        problems.at(node, message);
      }
    } else {
      problems.at(node, message);
    }
  }

  /** The next rules of {@code block}, targets not yet checked; empty when wrong (reported). */
  List<Located> next(PlaybookText.Block block, String stepId, boolean hasCheck) {
    String what = "next of step '" + stepId + "'";
    YamlMap map =
        YamlFile.composePart(block.yaml(), block.bodyLine(), what, problems)
            .map(root -> YamlMap.named(root, what, PlaybookFormat.NEXT, problems))
            .orElse(null);
    if (map == null) {
      return List.of();
    }
    List<Located> rules = new ArrayList<>();
    for (String on : List.of("pass", "fail")) {
      String target = map.string(on, "a step id or end");
      if (target != null) {
        if (!hasCheck) {
          problems.at(
              map.get(on),
              what
                  + ": '"
                  + on
                  + "' needs a check in this step; use 'choice' for the engineer's"
                  + " decision");
        }
        rules.add(
            new Located(
                new NextRule(NextRule.On.valueOf(on.toUpperCase(Locale.ROOT)), "", target),
                map.get(on)));
      }
    }
    List<Node> choices = map.list("choice", "a list of {label, goto}");
    for (int i = 0; i < choices.size(); i++) {
      YamlMap choice =
          YamlMap.named(
              choices.get(i), what + ": choice " + (i + 1), PlaybookFormat.CHOICE, problems);
      if (choice == null) {
        continue;
      }
      String label = choice.requireString("label", "the option the engineer picks");
      String target = choice.requireString("goto", "a step id or end");
      if (label != null && target != null) {
        rules.add(
            new Located(
                new NextRule(NextRule.On.CHOICE, label.strip(), target), choice.get("goto")));
      }
    }
    if (map.node() instanceof org.snakeyaml.engine.v2.nodes.MappingNode m
        && m.getValue().isEmpty()) {
      problems.at(
          map.node(), what + ": empty; give pass/fail targets or choices, or drop the block");
    }
    return rules;
  }

  /** A next rule with the node of its target, for locating an unknown target. */
  record Located(NextRule rule, Node target) {}

  private static Check.Comparison comparison(String symbol) {
    for (Check.Comparison c : Check.Comparison.values()) {
      if (c.symbol().equals(symbol)) {
        return c;
      }
    }
    throw new IllegalStateException("no comparison " + symbol);
  }
}
