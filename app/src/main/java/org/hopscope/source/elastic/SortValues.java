package org.hopscope.source.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hopscope.model.Utf8Order;

/**
 * Orders hits by the {@code sort} values Elasticsearch or OpenSearch returned with them (all keys
 * ascending, as {@link PitPager} sorts): numbers by value, text by Unicode code point (the engines'
 * UTF-8 byte order); the last keys ({@link SearchDialect#tiebreaker}: {@code _shard_doc}, or {@code
 * _index} and {@code _id}) are unique within a point in time, so the order is total.
 */
final class SortValues {

  static final Comparator<JsonNode> ORDER = SortValues::compare;

  private SortValues() {}

  /**
   * Merges lists that are each in {@link #ORDER} into one list in that order, the first {@code
   * limit}.
   */
  static List<HitReader.FoundHit> merge(List<List<HitReader.FoundHit>> sorted, int limit) {
    int total = sorted.stream().mapToInt(List::size).sum();
    List<HitReader.FoundHit> out = new ArrayList<>(Math.min(total, limit));
    int[] next = new int[sorted.size()];
    while (out.size() < limit) {
      int best = -1;
      for (int i = 0; i < sorted.size(); i++) {
        if (next[i] < sorted.get(i).size()
            && (best < 0
                || compare(
                        sorted.get(i).get(next[i]).sort(), sorted.get(best).get(next[best]).sort())
                    < 0)) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      out.add(sorted.get(best).get(next[best]++));
    }
    return out;
  }

  static int compare(JsonNode a, JsonNode b) {
    int n = Math.min(size(a), size(b));
    for (int i = 0; i < n; i++) {
      int c = value(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(size(a), size(b));
  }

  /** Code point order, which is UTF-8 byte order (UTF-16 order differs above U+FFFF). */
  static int codePoints(String a, String b) {
    return Utf8Order.INSTANCE.compare(a, b);
  }

  private static int size(JsonNode sort) {
    return sort == null ? 0 : sort.size();
  }

  private static int value(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      if (a.isIntegralNumber() && b.isIntegralNumber()) {
        return a.canConvertToLong() && b.canConvertToLong()
            ? Long.compare(a.longValue(), b.longValue())
            : a.bigIntegerValue().compareTo(b.bigIntegerValue());
      }
      return a.decimalValue().compareTo(b.decimalValue());
    }
    if (a.isTextual() && b.isTextual()) {
      return codePoints(a.textValue(), b.textValue());
    }
    // nulls and mixed kinds: a fixed order by kind keeps the merge total
    return Integer.compare(a.getNodeType().ordinal(), b.getNodeType().ordinal());
  }
}
