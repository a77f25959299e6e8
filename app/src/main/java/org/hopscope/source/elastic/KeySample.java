package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hopscope.model.TimestampFormat;
import org.hopscope.model.Utf8Order;
import org.hopscope.source.Cancellation;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;
import org.hopscope.source.SourceException;

/**
 * A hash sample of a key scan ({@link org.hopscope.source.EventSource#sample}) as one {@code
 * _search}: a {@code terms} aggregation on the key with {@code include: {partition: i,
 * num_partitions: N}} (the same on Elasticsearch and OpenSearch) and, per key, the figures a
 * composite page carries ({@link KeyFigures}: first, last, failures and the last of them, terminal
 * failures, dead letters, marks). The key field and every value are data in the request built by
 * the client library, never spliced into JSON.
 */
final class KeySample {

  private static final JacksonJsonpMapper MAPPER = new JacksonJsonpMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private KeySample() {}

  static List<KeyBucket> sample(
      ElasticConnection connection,
      KeyScan scan,
      int partition,
      int partitions,
      int most,
      Cancellation cancel) {
    if (partitions < 1 || partition < 0 || partition >= partitions || most < 1) {
      throw new IllegalArgumentException(
          "a key sample needs 0 <= partition < partitions and most >= 1, got %d of %d, most %d"
              .formatted(partition, partitions, most));
    }
    String body = JsonpUtils.toJsonString(request(scan, partition, partitions, most + 1), MAPPER);
    String endpoint =
        "/"
            + scan.indices().stream()
                .map(i -> URLEncoder.encode(i, StandardCharsets.UTF_8))
                .collect(Collectors.joining(","))
            + "/_search?ignore_unavailable=true&allow_no_indices=true";
    String what = "the key sample of " + scan.indices() + " by " + scan.key();
    JsonNode answer =
        connection.call(
            what, () -> connection.post(endpoint, body, JSON::readTree), r -> false, cancel);
    JsonNode agg = answer.path("aggregations").path("keys");
    if (scan.key().keyed()) {
      agg = answer.path("aggregations").path("nested").path("element").path("keys");
    }
    JsonNode buckets = agg.path("buckets");
    if (!buckets.isArray()) {
      if (answer.path("aggregations").isMissingNode() || answer.path("aggregations").isEmpty()) {
        return List.of(); // no index matched: nothing there (the caller asks blindSources first)
      }
      throw WrongAnswer.of(
          connection.url(),
          what,
          "without the terms buckets (" + WrongAnswer.shown(agg) + ")",
          "a terms aggregation's buckets");
    }
    if (buckets.size() > most) {
      throw new SourceException(
          ElasticErrors.SOURCE,
          SourceException.Kind.REJECTED,
          ("the key sample of %s holds more than %d keys in 1/%d of them: too many to sample"
                  + " this way")
              .formatted(scan.indices(), most, partitions),
          null);
    }
    List<KeyBucket> out = new ArrayList<>(buckets.size());
    for (JsonNode b : buckets) {
      JsonNode figures = scan.key().keyed() ? b.path("docs") : b;
      out.add(
          new KeyBucket(
              b.path("key").asText(),
              instant(scan, figures.path("first").path("value")),
              instant(scan, figures.path("last").path("value")),
              figures.path("doc_count").asLong(),
              figures.path("failures").path("doc_count").asLong(0),
              figures.path("deadLetters").path("doc_count").asLong(0),
              instant(scan, figures.path("failures").path("lastFailure").path("value")),
              figures.path("terminal").path("doc_count").asLong(0),
              figures.path("marked").path("doc_count").asLong(0)));
    }
    out.sort((a, b) -> Utf8Order.INSTANCE.compare(a.key(), b.key()));
    return out;
  }

  /** The search (package-visible for the query's unit test). */
  static SearchRequest request(KeyScan scan, int partition, int partitions, int size) {
    Map<String, Aggregation> perKey = KeyFigures.perKey(scan);
    Aggregation terms =
        Aggregation.of(
            a ->
                a.terms(
                        t ->
                            t.field(scan.key().indexedField())
                                .size(size)
                                .include(
                                    i ->
                                        i.partition(
                                            p -> p.partition(partition).numPartitions(partitions))))
                    .aggregations(perKey));
    return KeyFigures.search(scan, terms);
  }

  private static Instant instant(KeyScan scan, JsonNode value) {
    if (!value.isNumber()) {
      return null;
    }
    double v = value.asDouble();
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    TimestampFormat format = scan.timestampFormat();
    // min/max of a date field are epoch milliseconds; of a number field, the field's own unit
    TimestampFormat unit = format == TimestampFormat.ISO ? TimestampFormat.EPOCH_MILLIS : format;
    return ScanInstant.of(v, unit);
  }
}
