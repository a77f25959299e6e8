package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hopscope.model.Condition;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;
import org.hopscope.source.SourceException;

/**
 * A {@link KeyScan} as a composite aggregation, one page per {@link #next()} via {@code after_key}:
 * one bucket per key (ascending, UTF-8 byte order) with min/max timestamp and {@code filter} counts
 * of failures and dead letters.
 *
 * <p>Pages go through the low-level client and are read with Jackson: a page of 10,000 buckets is
 * ~2-3 MB of JSON, which the typed client's object model inflated past a 256 MB heap; the answer is
 * streamed bucket by bucket instead.
 *
 * <p>A keyed key ({@code tags[key=message.id].value}) scans under a {@code nested} aggregation on
 * the array and a {@code filter} on the element selector (Elasticsearch allows a composite there);
 * the per-key figures come from a {@code reverse_nested} back to the documents, so {@code
 * documents} counts documents, not array elements.
 */
final class KeyScanCursor implements EventSource.KeyCursor {

  static final int MAX_PAGE = 10_000;
  private static final JacksonJsonpMapper MAPPER = new JacksonJsonpMapper();

  private final ElasticConnection connection;
  private final KeyScan scan;
  private final int pageSize;
  private final Cancellation cancel;
  private Map<String, FieldValue> afterKey;
  private boolean done;

  KeyScanCursor(ElasticConnection connection, KeyScan scan, int pageSize, Cancellation cancel) {
    if (pageSize < 1 || pageSize > MAX_PAGE) {
      throw new IllegalArgumentException("pageSize must be 1..10000, got " + pageSize);
    }
    this.connection = connection;
    this.scan = scan;
    this.pageSize = pageSize;
    this.cancel = cancel;
  }

  @Override
  public List<KeyBucket> next() {
    if (done) {
      return List.of();
    }
    String body = JsonpUtils.toJsonString(request(scan, pageSize, afterKey), MAPPER);
    Page page =
        connection.call(
            what(),
            () -> connection.post(endpoint(scan.indices()), body, this::read),
            r -> false,
            cancel);
    if (page.withoutComposite()) {
      if (!emptyDropped()) {
        throw CompositePages.without(this::wrong, aggregation());
      }
      done = true;
      return List.of();
    }
    afterKey = page.after() == null ? null : Map.of("key", CompositePages.fieldValue(page.after()));
    if (page.buckets().size() < pageSize || afterKey == null) {
      done = true;
    }
    return page.buckets();
  }

  record Page(List<KeyBucket> buckets, JsonNode after, boolean withoutComposite) {}

  /** Streams the answer ({@link CompositePages}; package-visible for the parser's unit test). */
  Page read(InputStream in) throws IOException {
    List<KeyBucket> buckets = new ArrayList<>();
    KeyBucketParser parser = new KeyBucketParser(scan.key().keyed(), this::noKey);
    List<String> figures = figureNames();
    int required = 0; // a bit per figure asked for, as in Read.figuresSeen
    for (String name : figures) {
      required |= 1 << KeyBucketParser.FIGURES.indexOf(name);
    }
    int asked = required;
    CompositePages.Page page =
        CompositePages.stream(
            in,
            aggregation(),
            p -> buckets.add(bucket(parser.read(p), figures, asked)),
            this::wrong);
    JsonNode after = page.afterKey() == null ? null : page.afterKey().path("key");
    return new Page(buckets, after, page.withoutComposite());
  }

  private String aggregation() {
    return KeyFigures.rootName(scan);
  }

  /**
   * Whether an answer without the composite is an empty page: on OpenSearch, whose {@code
   * filter_path} (which this scan sends) drops the empty buckets list and the aggregation around
   * it. Asked only then, on the calling thread; when the engine cannot be told, it is not assumed.
   */
  private boolean emptyDropped() {
    try {
      return connection.identity(cancel).dialect().dropsEmptyWhenFiltered();
    } catch (SourceException cannotTell) {
      return false; // the answer stays of the wrong shape, as it is named
    }
  }

  private SourceException wrong(String came, String expected) {
    return WrongAnswer.of(connection.url(), what(), came, expected);
  }

  private String what() {
    return "the scan of " + scan.indices() + " by " + scan.key();
  }

  private static String endpoint(List<String> indices) {
    return "/"
        + indices.stream()
            .map(i -> URLEncoder.encode(i, StandardCharsets.UTF_8))
            .collect(Collectors.joining(","))
        + "/_search?ignore_unavailable=true&allow_no_indices=true&filter_path=-**.value_as_string";
  }

  @Override
  public void close() {
    done = true;
  }

  /** The search for one page (package-visible for the query's unit test). */
  static SearchRequest request(KeyScan scan, int pageSize, Map<String, FieldValue> after) {
    Map<String, Aggregation> perKey = KeyFigures.perKey(scan);
    Aggregation composite =
        Aggregation.of(
            a ->
                a.composite(
                        c -> {
                          c.size(pageSize)
                              .sources(
                                  Map.of(
                                      "key",
                                      CompositeAggregationSource.of(
                                          s -> s.terms(t -> t.field(scan.key().indexedField())))));
                          if (after != null) {
                            c.after(after);
                          }
                          return c;
                        })
                    .aggregations(perKey));
    return KeyFigures.search(scan, composite);
  }

  private KeyBucket bucket(KeyBucketParser.Read r, List<String> figures, int required) {
    if ((r.figuresSeen & required) != required) { // name the first missing one
      for (String name : figures) {
        if ((r.figuresSeen & (1 << KeyBucketParser.FIGURES.indexOf(name))) == 0) {
          throw new CompositePages.Misshapen(b -> noFigure(name, b));
        }
      }
    }
    return new KeyBucket(
        r.key,
        instant(r.first),
        instant(r.last),
        r.documents,
        r.failures,
        r.deadLetters,
        instant(r.lastFailure),
        r.terminal,
        r.marked);
  }

  private SourceException noKey(JsonNode b) {
    return wrong(
        "a bucket without its key or document count (" + WrongAnswer.shown(b) + ")",
        "{key: {key}, doc_count" + (scan.key().keyed() ? " under docs" : "") + "}");
  }

  private SourceException noFigure(String name, JsonNode b) {
    return wrong(
        "a bucket without the aggregation " + name + " (" + WrongAnswer.shown(b) + ")",
        "the figures first, last, failures, terminal and deadLetters the request asked for");
  }

  /** The tree way of {@link #bucket(KeyBucketParser.Read, List, int)} (the parser's unit test). */
  KeyBucket bucket(JsonNode b) {
    JsonNode figures = scan.key().keyed() ? b.path("docs") : b;
    JsonNode key = b.path("key").path("key");
    JsonNode documents = figures.path("doc_count");
    if (!key.isValueNode() || !documents.isIntegralNumber()) {
      throw wrong(
          "a bucket without its key or document count (" + WrongAnswer.shown(b) + ")",
          "{key: {key}, doc_count" + (scan.key().keyed() ? " under docs" : "") + "}");
    }
    for (String name : figureNames()) {
      if (!figures.path(name).isObject()) {
        throw wrong(
            "a bucket without the aggregation " + name + " (" + WrongAnswer.shown(b) + ")",
            "the figures first, last, failures, terminal and deadLetters the request asked for");
      }
    }
    return new KeyBucket(
        CompositePages.text(key),
        instant(figures.path("first").path("value")),
        instant(figures.path("last").path("value")),
        documents.asLong(),
        figures.path("failures").path("doc_count").asLong(0),
        figures.path("deadLetters").path("doc_count").asLong(0),
        instant(figures.path("failures").path("lastFailure").path("value")),
        figures.path("terminal").path("doc_count").asLong(0),
        figures.path("marked").path("doc_count").asLong(0));
  }

  /** The per-key aggregations {@link #request} asks for. */
  private List<String> figureNames() {
    List<String> names = new ArrayList<>(List.of("first", "last"));
    if (!scan.failure().isEmpty()) {
      names.add("failures");
    }
    if (scan.failure().stream().anyMatch(Condition::terminal)) {
      names.add("terminal");
    }
    if (!scan.deadLetter().isEmpty()) {
      names.add("deadLetters");
    }
    if (!scan.mark().isEmpty()) {
      names.add("marked");
    }
    return names;
  }

  private Instant instant(JsonNode value) {
    return value.isNumber() ? instant(value.asDouble()) : null;
  }

  private Instant instant(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    TimestampFormat format = scan.timestampFormat();
    // min/max of a date field are epoch milliseconds; of a number field, the field's own unit
    TimestampFormat unit = format == TimestampFormat.ISO ? TimestampFormat.EPOCH_MILLIS : format;
    return ScanInstant.of(value, unit);
  }
}
