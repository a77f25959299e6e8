package org.hopscope.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys a path definition file may use, per kind of object, in the order messages list them.
 * {@code queries/path-definition.schema.json} documents the same keys (a test keeps them equal).
 */
public final class PathDefinitionFormat {

  static final List<String> PATH = List.of("path", "description", "maxJourney", "hops", "links");
  static final List<String> HOP = List.of("name", "kind", "service", "sla", "sources", "panels");
  static final List<String> SOURCE =
      List.of("index", "kind", "fields", "failure", "deadLetter", "attemptStart");
  static final List<String> FIELDS =
      List.of(
          "timestamp",
          "timestampFormat",
          "messageId",
          "traceId",
          "spanId",
          "level",
          "message",
          "service",
          "attempt",
          "name",
          "duration",
          "durationUnit",
          "outcome");
  static final List<String> CONDITION = List.of("field", "in", "atLeast", "exists", "terminal");

  /** The comparison keys of a condition: exactly one per condition. */
  static final List<String> CONDITION_OPS = CONDITION.subList(1, 4);

  static final List<String> PANEL = List.of("title", "promql", "unit", "colors");
  static final List<String> LINK = List.of("from", "to", "cardinality");
  static final List<String> LINK_END = List.of("hop", "field");

  private PathDefinitionFormat() {}

  /**
   * The allowed keys per object, named as the schema names its definitions ({@code pathDefinition}
   * is the schema's root).
   */
  public static Map<String, List<String>> keysByDefinition() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("pathDefinition", PATH);
    out.put("hop", HOP);
    out.put("source", SOURCE);
    out.put("fields", FIELDS);
    out.put("condition", CONDITION);
    out.put("panel", PANEL);
    out.put("link", LINK);
    out.put("linkEnd", LINK_END);
    return out;
  }
}
