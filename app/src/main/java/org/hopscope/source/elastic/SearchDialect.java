package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.SortOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where Elasticsearch and OpenSearch differ for the requests Hopscope sends (ADR 0031): how a point
 * in time is opened and closed, what breaks ties of equal sort values within it, whether a page may
 * skip counting, and what a {@code filter_path} leaves of an empty aggregation. Everything else
 * (query DSL, {@code _msearch}, composite aggregations, {@code _field_caps}, {@code
 * _resolve/index}, {@code cardinality}, {@code search_after}, the {@code pit} clause of a search)
 * is the same on both and is sent as it is.
 */
enum SearchDialect {

  /**
   * Elasticsearch 8.x/9.x: {@code POST /<index>/_pit} answers {@code {"id"}}, {@code DELETE /_pit}
   * closes it; {@code _shard_doc} (shard ordinal and Lucene document, unique in a point in time)
   * breaks ties.
   */
  ELASTICSEARCH("Elasticsearch") {
    @Override
    String openEndpoint(String encodedIndex) {
      return "/" + encodedIndex + "/_pit?keep_alive=" + KEEP_ALIVE + "&ignore_unavailable=true";
    }

    @Override
    String pitId(JsonNode answer) {
      return text(answer.get("id"));
    }

    @Override
    String closeEndpoint() {
      return "/_pit";
    }

    @Override
    String closeBody(String quotedId) {
      return "{\"id\":" + quotedId + "}";
    }

    @Override
    List<SortOptions> tiebreaker() {
      return List.of(SortOptions.of(s -> s.field(f -> f.field("_shard_doc"))));
    }

    @Override
    String pageTracking() {
      return ",\"track_total_hits\":false";
    }

    @Override
    boolean dropsEmptyWhenFiltered() {
      return false;
    }
  },

  /**
   * OpenSearch 2.x: {@code POST /<index>/_search/point_in_time} answers {@code {"pit_id"}}, {@code
   * DELETE /_search/point_in_time} with {@code {"pit_id": [...]}} closes it. It has no {@code
   * _shard_doc} (before 3.3) and {@code _doc} is only unique within one shard, so ties are broken
   * by {@code _index} then {@code _id}, unique for every document. Pages keep the default hit
   * counting: with {@code track_total_hits: false} OpenSearch 2.x skips shards and segments by
   * their sort values, which has lost documents (opensearch-project/OpenSearch#14824).
   */
  OPENSEARCH("OpenSearch") {
    @Override
    String openEndpoint(String encodedIndex) {
      return "/"
          + encodedIndex
          + "/_search/point_in_time?keep_alive="
          + KEEP_ALIVE
          + "&ignore_unavailable=true";
    }

    @Override
    String pitId(JsonNode answer) {
      return text(answer.get("pit_id"));
    }

    @Override
    String closeEndpoint() {
      return "/_search/point_in_time";
    }

    @Override
    String closeBody(String quotedId) {
      return "{\"pit_id\":[" + quotedId + "]}";
    }

    @Override
    List<SortOptions> tiebreaker() {
      return List.of(
          SortOptions.of(s -> s.field(f -> f.field("_index"))),
          SortOptions.of(s -> s.field(f -> f.field("_id"))));
    }

    @Override
    String pageTracking() {
      return "";
    }

    @Override
    boolean dropsEmptyWhenFiltered() {
      return true;
    }
  };

  /** How long a point in time is kept between two pages. */
  static final String KEEP_ALIVE = "1m";

  private final String product;

  SearchDialect(String product) {
    this.product = product;
  }

  /** The product's name for people: {@code Elasticsearch} or {@code OpenSearch}. */
  String product() {
    return product;
  }

  /** The endpoint that opens a point in time on {@code encodedIndex} (URL-encoded patterns). */
  abstract String openEndpoint(String encodedIndex);

  /** The point in time's id in the answer to {@link #openEndpoint}, or null when it has none. */
  abstract String pitId(JsonNode answer);

  /** The endpoint a {@code DELETE} closes a point in time at. */
  abstract String closeEndpoint();

  /** The body of that {@code DELETE} for the id {@code quotedId} (a JSON string). */
  abstract String closeBody(String quotedId);

  /** The sort keys after the caller's that make the order total within a point in time. */
  abstract List<SortOptions> tiebreaker();

  /** What a point-in-time page body says about counting hits (a JSON member with its comma). */
  abstract String pageTracking();

  /**
   * Whether a {@code filter_path} that reaches into the aggregations drops empty lists and the
   * objects left empty: OpenSearch 2.x answers an empty composite page under {@code
   * filter_path=-**.value_as_string} without the aggregation at all; Elasticsearch 8 keeps {@code
   * buckets: []}.
   */
  abstract boolean dropsEmptyWhenFiltered();

  private static String text(JsonNode node) {
    return node == null || !node.isTextual() || node.textValue().isEmpty()
        ? null
        : node.textValue();
  }
}
