package org.hopscope.source.prometheus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.MetricSeries;

/**
 * Several panel queries over one range as ONE PromQL expression, and its answer split back per
 * query (ADR 0046). Each query is wrapped as {@code label_replace(<query>, "__hopscope_panel",
 * "<i>", "", ".*")} and the wrapped queries joined with {@code or} (a balanced tree of them): the
 * tag label differs between the queries, so {@code or} keeps every series of every query, and
 * within one query adding a constant label neither merges series nor changes their order. The tag
 * is removed from the series read back. Each query stands on lines of its own, so a {@code #}
 * comment in it ends at its line.
 *
 * <p>What cannot be combined fails the whole request (a scalar or string query, a limit on samples,
 * a syntax error), and callers then ask each query alone.
 */
final class CombinedRanges {

  /**
   * The label that tells the queries apart in the combined answer. Label names starting with {@code
   * __} are reserved for Prometheus' own use (a scrape drops them after relabelling), so stored
   * series do not carry it; a query naming it is not combined.
   */
  static final String TAG = "__hopscope_panel";

  private CombinedRanges() {}

  /** True when the queries can be combined: more than one, and none names the tag label. */
  static boolean combinable(List<String> promqls) {
    return promqls.size() > 1 && promqls.stream().noneMatch(q -> q.contains(TAG));
  }

  /**
   * The one expression that asks every query of {@code promqls}: the tagged queries joined with
   * {@code or} as a balanced tree. Prometheus evaluates a range query's {@code or} step by step,
   * re-reading both sides' series at each level, so a left-deep chain of n queries reads the first
   * ones n - 1 times; the tree reads each about log2(n) times (ADR 0055: 10 panels 5.9 ms against
   * 7.5 ms of evaluation in Prometheus' own figures).
   */
  static String expression(List<String> promqls) {
    StringBuilder out = new StringBuilder();
    joined(promqls, 0, promqls.size(), out);
    return out.toString();
  }

  /**
   * Queries {@code from} (inclusive) to {@code to} (exclusive), a group of two or more bracketed.
   */
  private static void joined(List<String> promqls, int from, int to, StringBuilder out) {
    if (to - from == 1) {
      out.append("label_replace(\n")
          .append(promqls.get(from))
          .append("\n, \"")
          .append(TAG)
          .append("\", \"")
          .append(from)
          .append("\", \"\", \".*\")");
      return;
    }
    int middle = (from + to) / 2;
    bracketed(promqls, from, middle, out);
    out.append(" or ");
    bracketed(promqls, middle, to, out);
  }

  private static void bracketed(List<String> promqls, int from, int to, StringBuilder out) {
    if (to - from > 1) {
      out.append('(');
      joined(promqls, from, to, out);
      out.append(')');
    } else {
      joined(promqls, from, to, out);
    }
  }

  /**
   * The combined answer split per query, in the order of the queries, the tag removed; series keep
   * the order of the answer.
   *
   * @return null when a series has no tag or one that names no query (the answer is not what the
   *     expression asks for)
   */
  static List<List<MetricSeries>> split(List<MetricSeries> answer, int queries) {
    List<List<MetricSeries>> out = new ArrayList<>(queries);
    for (int i = 0; i < queries; i++) {
      out.add(new ArrayList<>());
    }
    for (MetricSeries s : answer) {
      int query = index(s.labels().get(TAG), queries);
      if (query < 0) {
        return null;
      }
      Map<String, String> labels = new HashMap<>(s.labels());
      labels.remove(TAG);
      out.get(query).add(new MetricSeries(labels, s.points()));
    }
    return out.stream().map(List::copyOf).toList();
  }

  private static int index(String tag, int queries) {
    if (tag == null || !tag.matches("[0-9]{1,4}")) {
      return -1;
    }
    int i = Integer.parseInt(tag);
    return i < queries ? i : -1;
  }
}
