package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import java.io.IOException;
import java.io.InputStream;
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
import org.hopscope.source.SampleTooLargeException;
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
    List<KeyBucket> out;
    try {
      out =
          connection.call(
              what,
              () ->
                  connection.post(
                      endpoint,
                      body,
                      in ->
                          read(
                              in,
                              scan,
                              (came, expected) ->
                                  WrongAnswer.of(connection.url(), what, came, expected))),
              r -> false,
              cancel);
    } catch (SourceException e) {
      if (ElasticErrors.tooManyBuckets(e.getCause())) {
        throw new SampleTooLargeException(ElasticErrors.SOURCE, e.getMessage(), e);
      }
      throw e;
    }
    if (out.size() > most) {
      throw new SampleTooLargeException(
          ElasticErrors.SOURCE,
          ("the key sample of %s holds more than %d keys in 1/%d of them: too many to sample"
                  + " this way")
              .formatted(scan.indices(), most, partitions),
          null);
    }
    out.sort((a, b) -> Utf8Order.INSTANCE.compare(a.key(), b.key()));
    return out;
  }

  /**
   * Streams the answer's terms buckets into key buckets (no tree of the whole answer: a sample of
   * 30,000 keys is ~10 MB of JSON); a figure the answer lacks reads as none (0 / no instant).
   */
  static List<KeyBucket> read(InputStream in, KeyScan scan, CompositePages.Missing wrong)
      throws IOException {
    KeyBucketParser parser =
        KeyBucketParser.terms(
            scan.key().keyed(),
            b ->
                wrong.wrong(
                    "a bucket without its key or document count (" + WrongAnswer.shown(b) + ")",
                    "{key, doc_count" + (scan.key().keyed() ? " under docs" : "") + "}"));
    List<KeyBucket> out = new ArrayList<>();
    CompositePages.Page page =
        CompositePages.stream(
            in,
            KeyFigures.rootName(scan),
            p -> {
              KeyBucketParser.Read r = parser.read(p);
              out.add(
                  new KeyBucket(
                      r.key,
                      instant(scan, r.first),
                      instant(scan, r.last),
                      r.documents,
                      r.failures,
                      r.deadLetters,
                      instant(scan, r.lastFailure),
                      r.terminal,
                      r.marked));
            },
            wrong);
    if (page.withoutComposite()) {
      throw wrong.wrong("without the terms buckets", "a terms aggregation's buckets");
    }
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

  private static Instant instant(KeyScan scan, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    TimestampFormat format = scan.timestampFormat();
    // min/max of a date field are epoch milliseconds; of a number field, the field's own unit
    TimestampFormat unit = format == TimestampFormat.ISO ? TimestampFormat.EPOCH_MILLIS : format;
    return ScanInstant.of(v, unit);
  }
}
