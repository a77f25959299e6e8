package org.hopscope.playbook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.config.Problem;
import org.hopscope.model.PathDef;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.model.playbook.Step;

/**
 * What {@code playbook run ID} would refuse before asking any backend, found without running: every
 * check is prepared ({@link CheckPlan}) with the playbook's default variables on the path it runs
 * against by default, exactly as the evaluator prepares it. A value the engineer gives at run time
 * ({@code --var}) can still be wrong; the file's defaults cannot.
 */
public final class CheckPreflight {

  /** Any instant: preparing a check does not depend on when it runs. */
  private static final Instant SOME_INSTANT = Instant.parse("2026-01-01T00:00:00Z");

  private CheckPreflight() {}

  /**
   * The problems of {@code playbook}'s checks with its defaults, each at its check block's line.
   *
   * @param path the path it runs against by default, or null when unknown (Elasticsearch counts,
   *     which need the path's hops, are then not prepared)
   */
  public static List<Problem> problems(Playbook playbook, PathDef path) {
    Map<String, String> defaults = PlaybookVariables.bind(playbook, path, Map.of());
    List<Problem> out = new ArrayList<>();
    for (Step step : playbook.steps()) {
      if (step.check() == null || (path == null && step.check().kind() != Check.Kind.PROMQL)) {
        continue;
      }
      try {
        CheckPlan.prepare(step.id(), step.check(), defaults, path, SOME_INSTANT);
      } catch (IllegalArgumentException e) {
        out.add(
            new Problem(
                playbook.origin(),
                step.check().line(),
                1,
                "check of step '"
                    + step.id()
                    + "' with the default variables ("
                    + used(defaults)
                    + ") cannot run: "
                    + e.getMessage()
                    + "; fix the check or the variables' defaults"));
      }
    }
    return out;
  }

  private static String used(Map<String, String> defaults) {
    List<String> parts = new ArrayList<>();
    for (String name : List.of("path", "hop", "window")) {
      parts.add(name + " " + (defaults.get(name).isEmpty() ? "\"\"" : defaults.get(name)));
    }
    return String.join(", ", parts);
  }
}
