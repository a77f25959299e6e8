package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.hopscope.faults.Fault;
import org.hopscope.model.Condition;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.Cancellation;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A key scan's buckets read straight off the parser give exactly what the tree per bucket gave: the
 * same bucket, or the same failure naming the same bucket, for ordinary, odd and hostile ones.
 */
class KeyBucketParserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T11:00:00Z"));
  private static final Condition ERROR =
      new Condition(FieldPath.parse("level"), Condition.Op.IN, List.of("ERROR"));

  private final ElasticConnection connection =
      ElasticConnection.open(ElasticSettings.of("http://127.0.0.1:9").withMaxAttempts(1));

  @AfterEach
  void close() {
    connection.close();
  }

  private KeyScanCursor cursor(String key, boolean conditions) {
    List<Condition> c = conditions ? List.of(ERROR) : List.of();
    KeyScan scan =
        new KeyScan(
            List.of("i-*"),
            FieldPath.parse(key),
            FieldPath.parse("@timestamp"),
            TimestampFormat.ISO,
            WINDOW,
            c,
            c,
            c);
    return new KeyScanCursor(connection, scan, 10, Cancellation.none());
  }

  static Stream<String> plainBuckets() {
    String all =
        "\"first\":{\"value\":1.7727e12},\"last\":{\"value\":1772700000123},"
            + "\"failures\":{\"doc_count\":2,\"lastFailure\":{\"value\":1.772700000001E12}},"
            + "\"terminal\":{\"doc_count\":1},\"deadLetters\":{\"doc_count\":0},"
            + "\"marked\":{\"doc_count\":3}";
    return Stream.of(
        "{\"key\":{\"key\":\"m-1\"},\"doc_count\":4," + all + "}",
        "{" + all + ",\"doc_count\":4,\"key\":{\"key\":\"m-1\"}}",
        "{\"key\":{\"key\":17},\"doc_count\":4," + all + "}",
        "{\"key\":{\"key\":1.5E3},\"doc_count\":4," + all + "}",
        "{\"key\":{\"key\":true},\"doc_count\":4," + all + "}",
        "{\"key\":{\"key\":null},\"doc_count\":4," + all + "}",
        "{\"key\":{\"key\":\"m-\\u00e9\\\"\"},\"doc_count\":4," + all + ",\"x\":[1,{\"a\":[]}]}",
        "{\"key\":{\"key\":\"m-1\",\"other\":{\"k\":[1]}},\"doc_count\":99999999999999999999,"
            + all
            + "}",
        "{\"key\":{\"key\":\"m-1\"},\"doc_count\":4,\"first\":{\"value\":null},"
            + "\"last\":{\"value\":\"1772700000123\"},\"failures\":{\"doc_count\":\"7\"},"
            + "\"terminal\":{\"doc_count\":1.9},\"deadLetters\":{\"doc_count\":[1]},"
            + "\"marked\":{}}",
        "{\"key\":{\"key\":\"m-1\"},\"doc_count\":4,\"first\":{\"value\":1},"
            + "\"last\":{\"value\":2},\"failures\":[{\"doc_count\":1}],\"deadLetters\":{},"
            + "\"marked\":{}}",
        "{\"key\":{\"key\":\"m-1\"},\"doc_count\":4," + all + ",\"first\":{\"value\":1}}",
        "{\"key\":{\"key\":\"m-1\"},\"doc_count\":\"4\"," + all + "}",
        "{\"key\":{\"key\":\"m-1\"},\"doc_count\":4.0," + all + "}",
        "{\"key\":{\"key\":{\"a\":1}},\"doc_count\":4," + all + "}",
        "{\"key\":\"m-1\",\"doc_count\":4," + all + "}",
        "{\"key\":{\"key\":\"m-1\"}}",
        "{\"key\":{\"key\":\"m-1\"},\"doc_count\":4,\"first\":{\"value\":1.7956548E12},"
            + "\"last\":{\"value\":1.7956548E12}}",
        "{}");
  }

  @ParameterizedTest
  @MethodSource("plainBuckets")
  @Fault(Fault.Area.ANSWERS)
  void aPlainKeysBucketReadsAsItsTree(String bucket) throws Exception {
    assertSameAsTree(cursor("id", true), bucket);
  }

  /** The plain buckets as a keyed key's: the figures under docs, the element count outside. */
  static Stream<String> keyedBuckets() {
    return plainBuckets()
        .map(
            b -> {
              try {
                ObjectNode plain = (ObjectNode) JSON.readTree(b);
                ObjectNode keyed = JSON.createObjectNode();
                keyed.put("doc_count", 9);
                if (plain.has("key")) {
                  keyed.set("key", plain.remove("key"));
                }
                keyed.set("docs", plain);
                return keyed.toString();
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }

  @ParameterizedTest
  @MethodSource("keyedBuckets")
  @Fault(Fault.Area.ANSWERS)
  void aKeyedKeysBucketReadsAsItsTree(String bucket) throws Exception {
    assertSameAsTree(cursor("tags[key=message.id].value", true), bucket);
  }

  @Test
  void aScanWithoutConditionsNeedsNoFailureFigures() throws Exception {
    String bucket =
        "{\"key\":{\"key\":\"m-1\"},\"doc_count\":4,\"first\":{\"value\":1.7727E12},"
            + "\"last\":{\"value\":1.7727E12}}";
    KeyBucket read = assertSameAsTree(cursor("id", false), bucket);
    assertThat(read)
        .isEqualTo(
            new KeyBucket(
                "m-1",
                Instant.ofEpochMilli(1_772_700_000_000L),
                Instant.ofEpochMilli(1_772_700_000_000L),
                4,
                0,
                0,
                null,
                0,
                0));
  }

  /** Reads {@code bucket} both ways; returns the bucket read, or null if both failed alike. */
  private static KeyBucket assertSameAsTree(KeyScanCursor cursor, String bucket) throws Exception {
    JsonNode tree = JSON.readTree(bucket);
    Object expected;
    try {
      expected = cursor.bucket(tree);
    } catch (RuntimeException e) {
      expected = e.getMessage();
    }
    String page =
        "{\"_shards\":{\"total\":1},\"aggregations\":{\"keys\":{\"buckets\":[" + bucket + "]}}}";
    Object actual;
    Throwable thrown =
        catchThrowable(
            () -> cursor.read(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8))));
    if (thrown != null) {
      actual = thrown.getMessage();
    } else {
      List<KeyBucket> buckets =
          cursor.read(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8))).buckets();
      assertThat(buckets).hasSize(1);
      actual = buckets.get(0);
    }
    assertThat(actual).as(bucket).isEqualTo(expected);
    return actual instanceof KeyBucket b ? b : null;
  }
}
