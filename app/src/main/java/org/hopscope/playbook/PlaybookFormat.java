package org.hopscope.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys a playbook file ({@code playbooks/ID.md}, format in {@code docs/playbooks.md}) may use,
 * per kind of object, in the order messages list them. {@code playbooks/playbook.schema.json}
 * documents the front matter's keys and, under {@code $defs}, those of the {@code check} and {@code
 * next} blocks (a test keeps them equal).
 */
public final class PlaybookFormat {

  static final List<String> FRONT_MATTER = List.of("id", "title", "applies_to", "variables");
  static final List<String> APPLIES_TO = List.of("paths", "hops", "alerts");
  static final List<String> VARIABLE = List.of("default", "description", "pinned");
  static final List<String> CHECK =
      List.of("promql", "es", "pass_when", "noData", "severity", "expected", "meaning");
  static final List<String> ES = List.of("hop", "count", "match");
  static final List<String> NEXT = List.of("pass", "fail", "choice");
  static final List<String> CHOICE = List.of("label", "goto");

  /**
   * Playbook and step IDs: lowercase letters, digits and '-', not starting with '-' (the pattern
   * {@code playbook run ID} and {@code hopscope://playbook/ID} links accept).
   */
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** Variable names: lowercase letters, digits and '_', starting with a letter. */
  static final Pattern VARIABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  /**
   * The variables every playbook has without declaring them: {@code path}, {@code hop}, {@code
   * window} (defaults when not declared: the first applies_to path, its first hop, 30m) and {@code
   * message_id} (default "").
   */
  public static final List<String> BUILT_IN_VARIABLES =
      org.hopscope.model.playbook.PlaybookVariables.BUILT_IN;

  /** What an {@code es:} check may count (see {@link EsCount}). */
  public static final List<String> ES_COUNTS =
      List.of("events", "failures", "dead_letters", "messages");

  /** The values of a check's {@code noData}, as written in the file. */
  public static final List<String> NO_DATA = List.of("pass", "fail");

  /** The severities of a check, as written in the file. */
  public static final List<String> SEVERITIES = List.of("info", "warning", "critical");

  private PlaybookFormat() {}

  /**
   * The allowed keys per object of the front matter and of the check and next blocks, named as the
   * schema names its definitions ({@code playbook} is the schema's root).
   */
  public static Map<String, List<String>> frontMatterKeysByDefinition() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put("playbook", FRONT_MATTER);
    out.put("appliesTo", APPLIES_TO);
    out.put("variable", VARIABLE);
    out.put("check", CHECK);
    out.put("es", ES);
    out.put("next", NEXT);
    out.put("choice", CHOICE);
    return out;
  }
}
