package org.hopscope.sandbox.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The seed's own indices: deletes those of an earlier seed (only the seed's index patterns, both
 * paths), installs one index template per {@link IndexFamily} (keywords for IDs, dates, longs for
 * micros and epoch-millisecond numbers; 1 shard, 0 replicas), creates the daily indices with
 * refresh off for the load, and turns refresh back on afterwards.
 */
final class SeedIndices {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The orders path's families. */
  static final List<IndexFamily> ORDERS_FAMILIES =
      Stream.of(IndexFamily.values()).filter(f -> f.hop() != null).toList();

  /** The payments path's families. */
  static final List<IndexFamily> PAYMENTS_FAMILIES =
      Stream.of(IndexFamily.values()).filter(f -> f.paymentsHop() != null).toList();

  private final ElasticCalls es;

  SeedIndices(ElasticCalls es) {
    this.es = es;
  }

  /** All seed index patterns, comma-separated, e.g. for {@code _count}. */
  static String allPatterns() {
    return Stream.of(IndexFamily.values())
        .map(IndexFamily::pattern)
        .collect(Collectors.joining(","));
  }

  /** Deletes every existing index matching one of the seed's patterns (by name). */
  void deleteExisting() {
    JsonNode indices;
    try {
      indices =
          JSON.readTree(
              es.get(
                  "/_cat/indices/" + allPatterns() + "?h=index&format=json&expand_wildcards=all"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> names = new ArrayList<>();
    indices.forEach(n -> names.add(n.get("index").asText()));
    for (int i = 0; i < names.size(); i += 50) {
      es.delete("/" + String.join(",", names.subList(i, Math.min(names.size(), i + 50))));
    }
  }

  /** Installs (or replaces) the index template of every family. */
  void installTemplates() {
    for (IndexFamily family : IndexFamily.values()) {
      ObjectNode body = JSON.createObjectNode();
      body.putArray("index_patterns").add(family.pattern());
      body.put("priority", 500);
      ObjectNode template = body.putObject("template");
      template.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0);
      template.set("mappings", mappings(family));
      body.putObject("_meta").put("created_by", "hopscope sandbox seed");
      es.put("/_index_template/" + family.templateName(), body.toString());
    }
  }

  /** Removes the seed's index templates (the indices stay). */
  void deleteTemplates() {
    for (IndexFamily family : IndexFamily.values()) {
      es.delete("/_index_template/" + family.templateName());
    }
  }

  /** Creates each of {@code families}' index for every UTC day in [fromMillis, toMillis]. */
  void createDaily(long fromMillis, long toMillis, List<IndexFamily> families) {
    String settings =
        "{\"settings\":{\"index\":{\"refresh_interval\":\"-1\",\"translog.durability\":\"async\"}}}";
    for (long day = Math.floorDiv(fromMillis, 86_400_000L);
        day <= Math.floorDiv(toMillis, 86_400_000L);
        day++) {
      for (IndexFamily family : families) {
        es.put("/" + family.indexName(day), settings);
      }
    }
  }

  /** Restores the default refresh and durability on all seed indices and refreshes them. */
  void finishLoad() {
    es.put(
        "/" + allPatterns() + "/_settings",
        "{\"index\":{\"refresh_interval\":null,\"translog.durability\":null}}");
    es.post("/" + allPatterns() + "/_refresh", null);
  }

  private static JsonNode mappings(IndexFamily family) {
    String resource = "templates/" + family.name().toLowerCase(java.util.Locale.ROOT) + ".json";
    try (InputStream in = SeedIndices.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing mapping resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
