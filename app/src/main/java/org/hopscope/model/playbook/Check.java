package org.hopscope.model.playbook;

/**
 * A measurement a step asks for and how to judge it: the check passes when {@code value comparison
 * threshold} holds (e.g. lag growth {@code <} 100/min).
 *
 * @param kind where the value comes from
 * @param query for {@link Kind#PROMQL} a PromQL template ({@code ${hop}}, {@code ${path}}, {@code
 *     ${window}} ... are replaced by escaped variable values); for {@link Kind#ES_COUNT} the count
 *     as {@code hop: H, count: events|failures|dead_letters|messages[, match: TEXT]}, resolved
 *     through the path definition's sources and field maps (never raw index names)
 * @param comparison how the value is compared
 * @param threshold the value compared against
 * @param severity how bad a failing check is
 * @param expected what a passing value means, one line ("lag is not growing")
 * @param meaning what a failing value means and what to do, one or two sentences
 * @param noData what a measurement without data counts as: by default {@link WhenNoData#NO_DATA}
 *     (the check is not decided), or the file's {@code noData: pass|fail}
 * @param line the check block's first line in the file
 */
public record Check(
    Kind kind,
    String query,
    Comparison comparison,
    double threshold,
    Severity severity,
    String expected,
    String meaning,
    WhenNoData noData,
    int line) {

  public Check {
    java.util.Objects.requireNonNull(noData, "noData");
  }

  /** A check without a {@code noData} declaration: no data is NO DATA. */
  public Check(
      Kind kind,
      String query,
      Comparison comparison,
      double threshold,
      Severity severity,
      String expected,
      String meaning,
      int line) {
    this(kind, query, comparison, threshold, severity, expected, meaning, WhenNoData.NO_DATA, line);
  }

  /**
   * What a check whose query found no data counts as (a PromQL query selecting no series, an
   * Elasticsearch count over sources that hold nothing or cannot be read).
   */
  public enum WhenNoData {
    /** Not decided: the outcome is {@link CheckResult.Outcome#NO_DATA} (the default). */
    NO_DATA,
    /** Passed ({@code noData: pass}): no data means all is well, e.g. no error was ever counted. */
    PASS,
    /** Failed ({@code noData: fail}): no data is itself the problem, e.g. nothing arrives. */
    FAIL
  }

  /** Where a check's value comes from. */
  public enum Kind {
    PROMQL,
    ES_COUNT
  }

  /** The relation that makes a check pass. */
  public enum Comparison {
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    EQ("=="),
    NE("!=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** Whether {@code value} stands in this relation to {@code threshold}. */
    public boolean holds(double value, double threshold) {
      switch (this) {
        case LT:
          return value < threshold;
        case LE:
          return value <= threshold;
        case GT:
          return value > threshold;
        case GE:
          return value >= threshold;
        case EQ:
          return value == threshold;
        default:
          return value != threshold;
      }
    }
  }

  /** How bad a failing check is. */
  public enum Severity {
    INFO,
    WARNING,
    CRITICAL
  }
}
