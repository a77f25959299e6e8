package org.hopscope.oncall;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hopscope.model.BlindSource;

/**
 * What the cluster says about the path definitions ("Test connection", {@code paths --validate
 * --profile P}): whether every index pattern of every path matches indices this user may read, and
 * whether those map every field the path queries (event time, message IDs, trace ID, link fields,
 * condition fields) with a type its queries work on.
 *
 * @param state the outcome
 * @param paths the names of the paths checked, in file order
 * @param patterns how many distinct index patterns were checked
 * @param findings what is wrong, by path, hop and pattern; empty unless {@link State#PROBLEMS}
 * @param error why nothing could be checked when {@link State#FAILED}, else null
 */
public record PathsCheck(
    State state, List<String> paths, int patterns, List<Finding> findings, String error) {

  public PathsCheck {
    Objects.requireNonNull(state, "state");
    paths = List.copyOf(paths);
    findings = List.copyOf(findings);
  }

  /** The outcome of the check. */
  public enum State {
    /** Not asked: no path definitions given, or Elasticsearch did not answer. */
    NOT_CHECKED,
    /** Every pattern readable, every field mapped with a usable type. */
    OK,
    /** Something is wrong: see the findings. */
    PROBLEMS,
    /** The check itself failed: see the error. */
    FAILED
  }

  /** What a finding is about. */
  public enum Kind {
    /** The pattern matches no index this user may read ({@link BlindSource.Reason#NO_INDEX}). */
    NO_INDEX,
    /** The user may not read the pattern ({@link BlindSource.Reason#NO_PRIVILEGE}). */
    NO_PRIVILEGE,
    /** The pattern's indices cannot be searched ({@link BlindSource.Reason#UNAVAILABLE}). */
    UNAVAILABLE,
    /** A field the path uses is mapped in no index of the pattern. */
    FIELD_MISSING,
    /** A field the path uses is mapped with a type its queries do not work on. */
    FIELD_TYPE,
    /** A path definition file could not be read (its own problem, with its position). */
    DEFINITION;

    static Kind of(BlindSource.Reason reason) {
      return switch (reason) {
        case NO_INDEX -> NO_INDEX;
        case NO_PRIVILEGE -> NO_PRIVILEGE;
        case UNAVAILABLE -> UNAVAILABLE;
      };
    }
  }

  /**
   * One thing wrong, where it is written.
   *
   * @param file the path definition file, or null when unknown
   * @param line 1-based line in {@code file}, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param path the path's name, or null for a file that did not load
   * @param hop the hop's name, or null
   * @param pattern the index pattern, or null
   * @param field the field (dotted, as in the index), or null for a pattern finding
   * @param kind what it is about
   * @param problem what is wrong
   * @param suggestion what to do, or null
   */
  public record Finding(
      String file,
      int line,
      int column,
      String path,
      String hop,
      String pattern,
      String field,
      Kind kind,
      String problem,
      String suggestion) {

    /** {@code file:line:column}, {@code file}, or empty when unknown. */
    public String location() {
      if (file == null) {
        return "";
      }
      return line > 0 ? file + ":" + line + ":" + column : file;
    }

    /** {@code path orders, hop api-gateway, index logs-*, field trace.id} (what is given). */
    public String subject() {
      List<String> parts = new ArrayList<>();
      if (path != null) {
        parts.add("path " + path);
      }
      if (hop != null) {
        parts.add("hop " + hop);
      }
      if (pattern != null) {
        parts.add("index " + pattern);
      }
      if (field != null) {
        parts.add("field " + field);
      }
      return String.join(", ", parts);
    }

    /** One line: {@code location: subject: problem; suggestion}. */
    public String text() {
      StringBuilder s = new StringBuilder();
      if (!location().isEmpty()) {
        s.append(location()).append(": ");
      }
      if (!subject().isEmpty()) {
        s.append(subject()).append(": ");
      }
      s.append(problem);
      if (suggestion != null) {
        s.append("; ").append(suggestion);
      }
      return s.toString();
    }
  }

  /** Nothing was checked. */
  public static PathsCheck notChecked() {
    return new PathsCheck(State.NOT_CHECKED, List.of(), 0, List.of(), null);
  }

  /** The check could not be made: {@code error} says why. */
  public static PathsCheck failed(List<String> paths, String error) {
    return new PathsCheck(State.FAILED, paths, 0, List.of(), error);
  }

  /**
   * One line: {@code 7 index patterns of 1 path readable, fields mapped}, {@code 2 problems in 7
   * index patterns of 1 path}, {@code not checked} or {@code check failed}.
   */
  public String summary() {
    String scope =
        patterns
            + (patterns == 1 ? " index pattern" : " index patterns")
            + " of "
            + paths.size()
            + (paths.size() == 1 ? " path" : " paths");
    return switch (state) {
      case NOT_CHECKED -> "not checked";
      case FAILED -> "check failed";
      case OK -> scope + " readable, fields mapped";
      case PROBLEMS ->
          findings.size() + (findings.size() == 1 ? " problem in " : " problems in ") + scope;
    };
  }
}
