package org.hopscope.source.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import org.hopscope.source.SourceException;

/**
 * An Elasticsearch answer of the wrong shape: HTTP 200, but without the aggregation, hits or
 * figures the request asked for (a proxy, another service or a stub behind the URL). It is a
 * located {@link SourceException} ({@code REJECTED}), never read as zeros.
 */
final class WrongAnswer {

  private WrongAnswer() {}

  /**
   * "Elasticsearch at URL answered WHAT CAME; expected EXPECTED."
   *
   * @param what the request, e.g. "the scan of [orders-*] by message.id"
   * @param came what the answer held or lacked, e.g. "without the aggregation keys"
   * @param expected what belongs there
   */
  static SourceException of(String url, String what, String came, String expected) {
    return new SourceException(
        ElasticErrors.SOURCE,
        SourceException.Kind.REJECTED,
        "Elasticsearch at "
            + url
            + " answered "
            + what
            + " "
            + came
            + "; expected "
            + expected
            + ". Check that the URL is an Elasticsearch (8.x/9.x) or OpenSearch (2.x) cluster, not a"
            + " proxy or another service.",
        null);
  }

  /** A node as compact JSON, cut at 80 characters, for messages. */
  static String shown(JsonNode node) {
    String text = node == null || node.isMissingNode() ? "(missing)" : node.toString();
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  /**
   * Whether a search answer without its aggregation is still a true empty answer: Elasticsearch
   * leaves {@code aggregations} out when the index patterns matched no shard ({@code _shards.total:
   * 0}, with {@code allow_no_indices}).
   */
  static boolean noShards(JsonNode shards) {
    JsonNode total = shards == null ? null : shards.path("total");
    return total != null && total.isIntegralNumber() && total.asLong() == 0;
  }
}
