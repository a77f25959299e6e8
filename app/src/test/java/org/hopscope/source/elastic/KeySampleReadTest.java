package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;
import org.junit.jupiter.api.Test;

/** A key sample's answer read as a stream: terms buckets into key buckets, misshapes named. */
class KeySampleReadTest {

  /**
   * A scan of {@code logs-*} by {@code key} without conditions (shared by this package's tests).
   */
  static KeyScan scan(String key) {
    return new KeyScan(
        List.of("logs-*"),
        FieldPath.parse(key),
        FieldPath.parse("@timestamp"),
        TimestampFormat.ISO,
        new TimeWindow(Instant.ofEpochSecond(100), Instant.ofEpochSecond(200)),
        List.of(),
        List.of());
  }

  private static List<KeyBucket> read(KeyScan scan, String json) throws Exception {
    return KeySample.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        scan,
        (came, expected) -> new IllegalStateException(came + " | " + expected));
  }

  @Test
  void termsBucketsBecomeKeyBucketsWithTheirFigures() throws Exception {
    String json =
        """
        {"took":3,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
         "aggregations":{"keys":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,
          "buckets":[
           {"key":"ord-2","doc_count":3,
            "first":{"value":1.7650656E12,"value_as_string":"2025-12-06T..."},
            "last":{"value":1765065600500,"value_as_string":"x"},
            "failures":{"doc_count":2,"lastFailure":{"value":1765065600400}},
            "deadLetters":{"doc_count":1},"terminal":{"doc_count":1},"marked":{"doc_count":0}},
           {"key":12345,"doc_count":1,"first":{"value":null},"last":{"value":null}}]}}}
        """;
    List<KeyBucket> out = read(scan("id"), json);
    assertThat(out)
        .containsExactly(
            new KeyBucket(
                "ord-2",
                Instant.ofEpochMilli(1765065600000L),
                Instant.ofEpochMilli(1765065600500L),
                3,
                2,
                1,
                Instant.ofEpochMilli(1765065600400L),
                1,
                0),
            new KeyBucket("12345", null, null, 1, 0, 0, null, 0, 0));
  }

  @Test
  void aKeyedKeysFiguresAreUnderDocs() throws Exception {
    String json =
        """
        {"_shards":{"total":1},"aggregations":{"nested":{"doc_count":4,"element":{"doc_count":2,
          "keys":{"buckets":[{"key":"ord-9","doc_count":2,"docs":{"doc_count":2,
            "first":{"value":1000},"last":{"value":2000}}}]}}}}}
        """;
    assertThat(read(scan("tags[key=message_id].value"), json))
        .containsExactly(
            new KeyBucket(
                "ord-9", Instant.ofEpochMilli(1000), Instant.ofEpochMilli(2000), 2, 0, 0));
  }

  @Test
  void anAnswerWithoutBucketsOrABucketWithoutItsKeyIsNamedNeverAnEmptySample() {
    assertThatThrownBy(
            () -> read(scan("id"), "{\"_shards\":{\"total\":1},\"aggregations\":{\"keys\":{}}}"))
        .hasMessage("without the terms buckets | a terms aggregation's buckets");
    assertThatThrownBy(
            () ->
                read(
                    scan("id"),
                    "{\"_shards\":{\"total\":1},\"aggregations\":{\"keys\":{\"buckets\":"
                        + "[{\"doc_count\":2}]}}}"))
        .hasMessageStartingWith("a bucket without its key or document count ({\"doc_count\":2})");
  }

  @Test
  void noIndexMatchedIsAnEmptySample() throws Exception {
    assertThat(read(scan("id"), "{\"_shards\":{\"total\":0,\"successful\":0},\"hits\":{}}"))
        .isEmpty();
  }
}
