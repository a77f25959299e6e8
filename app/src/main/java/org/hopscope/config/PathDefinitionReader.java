package org.hopscope.config;

import static org.hopscope.config.PathDefinitionFormat.HOP;
import static org.hopscope.config.PathDefinitionFormat.LINK;
import static org.hopscope.config.PathDefinitionFormat.LINK_END;
import static org.hopscope.config.PathDefinitionFormat.PATH;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.IdLink;
import org.hopscope.model.PanelDef;
import org.hopscope.model.PathDef;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads one path definition file; every problem goes to {@link Problems}, not just the first. */
final class PathDefinitionReader {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final String NAME_EXPECTED =
      "a name of letters, digits, '.', '_' and '-', such as fulfilment-service";

  private final Problems problems;
  private final EventSourceReader sources;
  private final PanelReader panels;
  private final Map<String, Node> hopNames = new LinkedHashMap<>();

  private PathDefinitionReader(Problems problems) {
    this.problems = problems;
    this.sources = new EventSourceReader(problems);
    this.panels = new PanelReader(problems);
  }

  /** The path defined by {@code text}, or empty when anything was wrong (all of it reported). */
  static Optional<PathDef> read(String text, Problems problems) {
    return YamlFile.compose(text, problems)
        .flatMap(root -> Optional.ofNullable(new PathDefinitionReader(problems).path(root)));
  }

  private PathDef path(Node root) {
    YamlMap top = YamlMap.of(root, "path definition", PATH, problems);
    if (top == null) {
      return null;
    }
    String name = name(top, "path", "the path's name, " + NAME_EXPECTED);
    String description = top.string("description", "text for people");
    Duration maxJourney = null;
    String journey = top.string("maxJourney", DurationText.EXPECTED);
    if (journey != null) {
      maxJourney = top.parsed("maxJourney", journey, DurationText::parse);
    }
    List<Hop> hops = new ArrayList<>();
    if (top.require("hops", "the list of hops in path order") != null) {
      List<Node> items = top.list("hops", "the list of hops in path order");
      if (items.isEmpty() && top.get("hops") instanceof SequenceNode) {
        problems.at(top.get("hops"), "'hops': expected at least one hop, got an empty list");
      }
      IntStream.range(0, items.size())
          .mapToObj(i -> hop(items.get(i), i + 1, i == items.size() - 1))
          .filter(Objects::nonNull)
          .forEach(hops::add);
    }
    List<IdLink> links =
        top.list("links", "a list of links such as {from: {hop, field}, to: {..}}").stream()
            .map(this::link)
            .filter(Objects::nonNull)
            .toList();
    if (!problems.isEmpty()) {
      return null;
    }
    return new PathDef(
        name,
        description == null ? "" : description.strip(),
        hops,
        links,
        problems.file(),
        maxJourney);
  }

  private String name(YamlMap map, String key, String expected) {
    String name = map.requireString(key, expected);
    if (name != null && !NAME.matcher(name).matches()) {
      problems.at(
          map.get(key),
          "'" + key + "': expected " + NAME_EXPECTED + ", got " + Snippet.quote(name));
      return null;
    }
    return name;
  }

  private Hop hop(Node node, int position, boolean last) {
    int before = problems.count();
    YamlMap hop = YamlMap.of(node, "hop " + position, HOP, problems);
    if (hop == null) {
      return null;
    }
    String name = name(hop, "name", "the hop's name, " + NAME_EXPECTED);
    String what = name == null ? "hop " + position : "hop '" + name + "'";
    hop.rename(what);
    if (name != null) {
      Node first = hopNames.putIfAbsent(name, hop.get("name"));
      if (first != null) {
        problems.at(
            hop.get("name"),
            "duplicate hop name '"
                + name
                + "' (first at line "
                + YamlMap.line(first)
                + "); hop names must be unique within a path");
      }
    }
    String kind = hop.string("kind", "free text such as http, kafka topic, soap");
    String service = hop.string("service", "the service name used in metrics");
    Duration sla = sla(hop, what, last);
    List<EventSourceDef> defs = new ArrayList<>();
    if (hop.require("sources", "a list of event sources, each with index, kind and fields")
        != null) {
      List<Node> items = hop.list("sources", "a list of event sources");
      if (items.isEmpty() && problems.count() == before) {
        problems.at(hop.get("sources"), "'sources': expected at least one event source");
      }
      IntStream.range(0, items.size())
          .mapToObj(i -> sources.read(items.get(i), "source " + (i + 1) + " of " + what))
          .filter(Objects::nonNull)
          .forEach(defs::add);
    }
    List<PanelDef> panelDefs =
        hop.list("panels", "a list of panels such as {title, promql, unit, colors}").stream()
            .map(item -> panels.read(item, what))
            .filter(Objects::nonNull)
            .toList();
    if (problems.count() != before) {
      return null;
    }
    return new Hop(
        name, kind == null ? "" : kind, service == null ? name : service, defs, sla, panelDefs);
  }

  private Duration sla(YamlMap hop, String what, boolean last) {
    if (last) {
      if (hop.has("sla")) {
        problems.at(
            hop.get("sla"),
            "'sla': the last hop has no next hop to reach; remove sla from "
                + what
                + " (an SLA is the longest time from a hop to the next)");
      }
      return null;
    }
    String text =
        hop.requireString("sla", DurationText.EXPECTED + ": the longest time to the next hop");
    return hop.parsed("sla", text, DurationText::parse);
  }

  private IdLink link(Node node) {
    YamlMap link = YamlMap.of(node, "link", LINK, problems);
    if (link == null) {
      return null;
    }
    String[] hops = new String[2];
    FieldPath[] fields = new FieldPath[2];
    Node[] hopNodes = new Node[2];
    for (int i = 0; i < 2; i++) {
      String side = LINK.get(i);
      if (!link.has(side)) {
        link.missing(side, "{hop: HOP, field: FIELD}");
        continue;
      }
      YamlMap end = YamlMap.of(link.get(side), "link '" + side + "'", LINK_END, problems);
      if (end == null) {
        continue;
      }
      hops[i] = end.requireString("hop", "the name of a hop of this path");
      hopNodes[i] = end.get("hop");
      Node field = end.require("field", "the field that carries the ID at that hop");
      if (field != null) {
        fields[i] = sources.path(field, "field", "a field path such as labels.id");
      }
      if (hops[i] != null && !hopNames.containsKey(hops[i])) {
        String hint =
            ClosestName.of(hops[i], hopNames.keySet())
                .map(h -> "; did you mean '" + h + "'?")
                .orElse("");
        problems.at(
            hopNodes[i],
            "link '"
                + side
                + "': unknown hop "
                + Snippet.quote(hops[i])
                + " (hops of this path: "
                + String.join(", ", hopNames.keySet())
                + hint
                + ")");
        hops[i] = null;
      }
    }
    if (hops[0] == null || hops[1] == null || fields[0] == null || fields[1] == null) {
      return null;
    }
    List<String> order = new ArrayList<>(hopNames.keySet());
    if (order.indexOf(hops[1]) <= order.indexOf(hops[0])) {
      problems.at(
          hopNodes[1],
          "link 'to': hop '"
              + hops[1]
              + "' must come after '"
              + hops[0]
              + "' in the path (a link carries the ID forwards to a later hop)");
      return null;
    }
    return new IdLink(hops[0], fields[0], hops[1], fields[1], cardinality(link));
  }

  private IdLink.Cardinality cardinality(YamlMap link) {
    String expected = "one-to-one, many-to-one or one-to-many (leave it out to detect it)";
    String text = link.string("cardinality", expected);
    if (text == null) {
      return null;
    }
    for (IdLink.Cardinality c : IdLink.Cardinality.values()) {
      if (c.text().equals(text)) {
        return c;
      }
    }
    problems.at(
        link.get("cardinality"),
        "'cardinality': expected " + expected + ", got " + Snippet.quote(text));
    return null;
  }
}
