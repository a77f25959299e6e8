package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Streams one page of a composite aggregation ({@link KeyScanCursor}, {@link ValuesScanCursor}):
 * every bucket is read as a small tree on its own, so a page costs the buckets, not a tree of the
 * whole ~2 MB answer. The only {@code buckets} and {@code after_key} outside a bucket are the
 * composite's. An answer without them is of the wrong shape ({@link WrongAnswer}) unless the index
 * patterns matched no shard - or the engine is OpenSearch, whose {@code filter_path} drops an empty
 * buckets list together with the aggregation around it: such a page is marked {@link
 * Page#withoutComposite} for the cursor to decide ({@link SearchDialect#dropsEmptyWhenFiltered}).
 */
final class CompositePages {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CompositePages() {}

  /**
   * A page read.
   *
   * @param buckets how many buckets it held
   * @param afterKey its {@code after_key}, or null (the last page)
   * @param withoutComposite a search answer (with {@code _shards}) without the composite: empty if
   *     OpenSearch filtered it away, else of the wrong shape ({@link #without})
   */
  record Page(int buckets, JsonNode afterKey, boolean withoutComposite) {}

  /** What a page's reader says when the answer lacks the composite. */
  interface Missing {
    /** The failure for an answer that is "{@code came}" where "{@code expected}" belongs. */
    RuntimeException wrong(String came, String expected);
  }

  /**
   * Reads a page, handing each bucket to {@code each}.
   *
   * @param aggregation the name of the request's top aggregation, for messages
   */
  static Page read(InputStream in, String aggregation, Consumer<JsonNode> each, Missing missing)
      throws IOException {
    return stream(in, aggregation, p -> each.accept(p.readValueAsTree()), missing);
  }

  /** Reads one bucket off the parser: from its START_OBJECT to its END_OBJECT. */
  interface BucketParser {
    void read(JsonParser p) throws IOException;
  }

  /**
   * A bucket of the wrong shape met by a {@link BucketParser}; the page's reader turns it into
   * {@code failure} of the bucket as JSON (read again), so messages show what came.
   */
  static final class Misshapen extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Function<JsonNode, RuntimeException> failure;

    Misshapen(Function<JsonNode, RuntimeException> failure) {
      super(null, null, false, false);
      this.failure = failure;
    }
  }

  /**
   * Reads a page, handing each bucket's parser to {@code each} (no tree per bucket: most of a
   * page's decoding was building them).
   */
  static Page stream(InputStream in, String aggregation, BucketParser each, Missing missing)
      throws IOException {
    byte[] bytes = in.readAllBytes(); // already in memory (the client buffers the answer)
    int buckets = 0;
    JsonNode after = null;
    JsonNode shards = null;
    boolean composite = false;
    try (JsonParser p = JSON.createParser(bytes)) {
      p.nextToken();
      for (JsonToken t = p.currentToken(); t != null; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          continue;
        }
        String name = p.currentName();
        if ("buckets".equals(name)) {
          if (p.nextToken() != JsonToken.START_ARRAY) {
            throw missing.wrong("with buckets that are no list", "the composite's buckets");
          }
          composite = true;
          while (p.nextToken() == JsonToken.START_OBJECT) {
            buckets++;
            long start = p.currentTokenLocation().getByteOffset();
            try {
              each.read(p);
            } catch (Misshapen m) {
              throw m.failure.apply(bucketAt(bytes, start));
            }
          }
        } else if ("after_key".equals(name)) {
          p.nextToken();
          JsonNode key = p.readValueAsTree();
          after = key.path("key").isMissingNode() ? null : key;
        } else if ("_shards".equals(name) && p.getParsingContext().getParent().inRoot()) {
          p.nextToken();
          shards = p.readValueAsTree();
        }
      }
    }
    if (!composite && !WrongAnswer.noShards(shards)) {
      if (shards == null) {
        throw without(missing, aggregation);
      }
      return new Page(0, null, true);
    }
    return new Page(buckets, after, false);
  }

  /** The bucket (an object) at byte {@code start} of the answer, as a tree. */
  private static JsonNode bucketAt(byte[] bytes, long start) throws IOException {
    try (JsonParser p = JSON.createParser(bytes, (int) start, bytes.length - (int) start)) {
      p.nextToken();
      return p.readValueAsTree();
    }
  }

  /** The failure for an answer without the composite aggregation {@code aggregation}. */
  static RuntimeException without(Missing missing, String aggregation) {
    return missing.wrong(
        "without the aggregation " + aggregation, "its composite buckets (one per key)");
  }

  /** A composite key's value as text (decimals without exponent). */
  static String text(JsonNode v) {
    return v.isFloatingPointNumber() ? v.decimalValue().toPlainString() : v.asText();
  }

  /** A composite key's value for the next page's {@code after}. */
  static FieldValue fieldValue(JsonNode v) {
    if (v.isIntegralNumber()) {
      return FieldValue.of(v.asLong());
    }
    if (v.isNumber()) {
      return FieldValue.of(v.asDouble());
    }
    if (v.isBoolean()) {
      return FieldValue.of(v.asBoolean());
    }
    return FieldValue.of(v.asText());
  }
}
