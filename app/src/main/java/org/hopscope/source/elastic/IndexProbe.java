package org.hopscope.source.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hopscope.model.BlindSource;
import org.hopscope.model.BlindSource.Reason;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;

/**
 * Questions about the indices behind index patterns, asked as the connection's user, read-only:
 * which patterns cannot be read (one {@code _msearch}), how one pattern maps its fields ({@code
 * _field_caps}) and which index, alias and data stream names the user may see ({@code
 * _resolve/index}). Core APIs that OpenSearch has too. Nothing is cached here.
 *
 * <p>How a pattern that cannot be read is told apart: each pattern gets a {@code size: 0}, {@code
 * terminate_after: 1} search with {@code allow_no_indices=false} and {@code
 * ignore_unavailable=false} (the flow searches allow both, so they cannot tell). Elasticsearch
 * answers {@code index_not_found_exception} (404) for a pattern that matches nothing, and - with
 * security on - also for a wildcard pattern that matches only indices the user may not read: that
 * is {@link Reason#NO_INDEX}, as Elasticsearch does not tell the two apart. A named index or alias
 * the user may not read is refused with {@code security_exception} (403, whether it exists or not),
 * and so is a forbidden wildcard on OpenSearch: {@link Reason#NO_PRIVILEGE}. A wildcard that
 * matches readable and forbidden indices searches the readable ones silently: it is readable. Any
 * other error (a closed index, all shards unavailable) or failed shards is {@link
 * Reason#UNAVAILABLE} with the backend's words.
 */
public final class IndexProbe {

  private final ElasticConnection connection;

  public IndexProbe(ElasticConnection connection) {
    this.connection = connection;
  }

  /**
   * The patterns of {@code patterns} that cannot be read, in the order given (duplicates asked
   * once); one {@code _msearch}, retried while Elasticsearch answers 429.
   *
   * @throws SourceException when the request as a whole failed (unreachable, credentials refused)
   */
  public List<BlindSource> blindSources(Collection<String> patterns, Cancellation cancel) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(patterns));
    if (distinct.isEmpty()) {
      return List.of();
    }
    StringBuilder body = new StringBuilder();
    for (String pattern : distinct) {
      body.append("{\"index\":")
          .append(quoted(pattern))
          .append(",\"allow_no_indices\":false,\"ignore_unavailable\":false}\n")
          .append("{\"size\":0,\"terminate_after\":1,\"track_total_hits\":false}\n");
    }
    String what = "the check of the index patterns " + distinct;
    JsonNode answer =
        connection.call(
            what,
            () -> connection.postNdjson("/_msearch", body.toString(), connection.json()::readTree),
            IndexProbe::overloaded,
            cancel);
    JsonNode responses = answer.path("responses");
    if (responses.size() != distinct.size()) {
      throw WrongAnswer.of(
          connection.url(),
          what,
          "with "
              + responses.size()
              + " responses to "
              + distinct.size()
              + " searches in one"
              + " _msearch",
          "one response per search");
    }
    List<BlindSource> blind = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i++) {
      blindness(distinct.get(i), responses.get(i)).ifPresent(blind::add);
    }
    return blind;
  }

  /**
   * How the indices of {@code pattern} map their fields: one {@code _field_caps} of all fields.
   *
   * @throws SourceException when it failed, e.g. 404 when nothing matches the pattern
   */
  public MappedFields fields(String pattern, Cancellation cancel) {
    String endpoint =
        "/"
            + encoded(pattern)
            + "/_field_caps?fields=*&allow_no_indices=false&ignore_unavailable=false";
    JsonNode answer =
        connection.call(
            "the field mapping of " + pattern,
            () -> connection.post(endpoint, "{}", connection.json()::readTree),
            r -> false,
            cancel);
    return MappedFields.parse(answer);
  }

  /**
   * The names of the open indices, aliases and data streams the user may see, sorted: what a
   * misspelt pattern may have meant.
   *
   * @throws SourceException when it failed
   */
  public List<String> names(Cancellation cancel) {
    JsonNode answer =
        connection.call(
            "the list of index names",
            () -> connection.get("/_resolve/index/*", connection.json()::readTree),
            r -> false,
            cancel);
    TreeSet<String> names = new TreeSet<>();
    for (String kind : List.of("indices", "aliases", "data_streams")) {
      answer.path(kind).forEach(n -> names.add(n.path("name").asText()));
    }
    names.remove("");
    return List.copyOf(names);
  }

  /** Whether one {@code _msearch} answer says {@code pattern} cannot be read, and why. */
  static Optional<BlindSource> blindness(String pattern, JsonNode item) {
    JsonNode error = item.get("error");
    int status = item.path("status").asInt(0);
    if (error != null && !error.isNull()) {
      String type = error.isObject() ? text(error.get("type")) : null;
      String detail = describe(error);
      if (status == 404 || "index_not_found_exception".equals(type)) {
        return Optional.of(new BlindSource(pattern, Reason.NO_INDEX, detail));
      }
      if (status == 403 || "security_exception".equals(type)) {
        return Optional.of(new BlindSource(pattern, Reason.NO_PRIVILEGE, detail));
      }
      return Optional.of(
          new BlindSource(pattern, Reason.UNAVAILABLE, "HTTP " + status + " " + detail));
    }
    JsonNode shards = item.path("_shards");
    int failed = shards.path("failed").asInt(0);
    if (failed > 0) {
      JsonNode first = shards.path("failures").path(0);
      String cause =
          first.isMissingNode()
              ? ""
              : ": index "
                  + first.path("index").asText("?")
                  + " shard "
                  + first.path("shard").asText("?")
                  + ": "
                  + describe(first.path("reason"));
      return Optional.of(
          new BlindSource(
              pattern,
              Reason.UNAVAILABLE,
              failed + " of " + shards.path("total").asInt() + " shards failed" + cause));
    }
    return Optional.empty();
  }

  /** {@code type: reason}, and the root cause when it differs; a plain string as it is. */
  private static String describe(JsonNode error) {
    if (!error.isObject()) {
      return error.asText();
    }
    String type = text(error.get("type"));
    String reason = text(error.get("reason"));
    String out = Stream.of(type, reason).filter(s -> s != null).collect(Collectors.joining(": "));
    JsonNode root = error.path("root_cause").path(0);
    String rootType = text(root.get("type"));
    if (rootType != null && !rootType.equals(type)) {
      String rootReason = text(root.get("reason"));
      out += " (" + rootType + (rootReason == null ? "" : ": " + rootReason) + ")";
    }
    String index = text(root.get("index"));
    if (index == null) {
      index = text(error.path("failed_shards").path(0).get("index"));
    }
    return index == null || out.contains(index) ? out : out + " [index " + index + "]";
  }

  private static boolean overloaded(JsonNode answer) {
    for (JsonNode r : answer.path("responses")) {
      if (r.has("error") && r.path("status").asInt() == 429) {
        return true;
      }
    }
    return false;
  }

  /** {@code pattern} (comma-separated patterns) for a URL path. */
  static String encoded(String pattern) {
    return Stream.of(pattern.split(","))
        .map(p -> URLEncoder.encode(p.strip(), StandardCharsets.UTF_8))
        .collect(Collectors.joining(","));
  }

  private String quoted(String text) {
    try {
      return connection.json().writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a string as JSON", e);
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
  }
}
