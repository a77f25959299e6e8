package org.hopscope.config;

import static org.hopscope.config.PathDefinitionFormat.PANEL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hopscope.model.PanelDef;
import org.hopscope.model.SeriesColour;
import org.hopscope.model.SeriesColourRule;
import org.hopscope.model.promql.PromQlTemplate;
import org.hopscope.model.promql.PromQlTemplateException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** Reads one panel of a hop: title, PromQL template, unit and series colours. */
final class PanelReader {

  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final String COLOURS_EXPECTED =
      "a mapping of label value (or label=value) to colour, such as {failed: red, parked: amber}";

  private final Problems problems;

  PanelReader(Problems problems) {
    this.problems = problems;
  }

  /** The panel, or null when it is unusable (every problem reported). */
  PanelDef read(Node node, String hopWhat) {
    YamlMap panel = YamlMap.of(node, "panel of " + hopWhat, PANEL, problems);
    if (panel == null) {
      return null;
    }
    String title = panel.requireString("title", "the chart's title");
    String promql = panel.requireString("promql", "a PromQL query template");
    String unit = panel.string("unit", "the axis unit such as req/s, s, ratio");
    if (promql != null) {
      try {
        PromQlTemplate.parse(title, promql);
      } catch (PromQlTemplateException e) {
        problems.at(panel.get("promql"), "'promql' column " + e.column() + ": " + e.problem());
      }
    }
    List<SeriesColourRule> colours = colours(panel.get("colors"));
    return title == null || promql == null
        ? null
        : new PanelDef(title, promql, unit == null ? "" : unit, colours);
  }

  private List<SeriesColourRule> colours(Node node) {
    List<SeriesColourRule> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof MappingNode mapping)) {
      problems.at(
          node, "'colors': expected " + COLOURS_EXPECTED + ", got " + YamlMap.describe(node));
      return out;
    }
    for (NodeTuple entry : mapping.getValue()) {
      String key =
          YamlMap.scalar(
              entry.getKeyNode(), "'colors' key", "a label value or label=value", problems);
      String where = "'colors' " + (key == null ? "entry" : Snippet.quote(key));
      String name =
          YamlMap.scalar(entry.getValueNode(), where, "one of " + SeriesColour.names(), problems);
      if (key == null || name == null) {
        continue;
      }
      Optional<SeriesColour> colour = SeriesColour.parse(name);
      if (colour.isEmpty()) {
        String hint =
            ClosestName.of(name, List.of(SeriesColour.names().split(", ")))
                .map(c -> "; did you mean '" + c + "'?")
                .orElse("");
        problems.at(
            entry.getValueNode(),
            where
                + ": unknown colour "
                + Snippet.quote(name)
                + " (expected one of "
                + SeriesColour.names()
                + hint
                + ")");
        continue;
      }
      SeriesColourRule rule = rule(key, colour.get(), entry.getKeyNode());
      if (rule != null) {
        out.add(rule);
      }
    }
    return out;
  }

  private SeriesColourRule rule(String key, SeriesColour colour, Node keyNode) {
    int eq = key.indexOf('=');
    String label = eq < 0 ? null : key.substring(0, eq);
    String value = eq < 0 ? key : key.substring(eq + 1);
    if (label != null && !LABEL.matcher(label).matches()) {
      problems.at(
          keyNode,
          "'colors' key "
              + Snippet.quote(key)
              + ": "
              + Snippet.quote(label)
              + " is not a Prometheus label name (letters, digits and _, such as outcome=failed)");
      return null;
    }
    if (value.isEmpty()) {
      problems.at(
          keyNode,
          "'colors' key " + Snippet.quote(key) + ": expected a label value, such as failed");
      return null;
    }
    return new SeriesColourRule(label, value, colour);
  }
}
