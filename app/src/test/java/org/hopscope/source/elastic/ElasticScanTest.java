package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Journey;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.sandbox.seed.OrdersHop;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource.KeyCursor;
import org.hopscope.source.IdQuery;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;
import org.hopscope.source.SourceEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code scan} (composite aggregation) on the seeded test sandbox against the ground truth. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticScanTest {

  private SeededOrders seeded;
  private ElasticEventSource source;

  @BeforeAll
  void open(TestSandbox sandbox) {
    seeded = new SeededOrders(sandbox);
    source = SeededOrders.source(sandbox);
  }

  @AfterAll
  void close() {
    source.close();
  }

  private static KeyScan scanOf(EventSourceDef def, TimeWindow window) {
    return new KeyScan(
        List.of(def.index()),
        def.fields().messageIds().get(0),
        def.fields().timestamp(),
        def.fields().timestampFormat(),
        window,
        def.fields().failure(),
        def.fields().deadLetter());
  }

  private List<KeyBucket> all(KeyScan scan, int pageSize) {
    List<KeyBucket> out = new ArrayList<>();
    try (KeyCursor cursor = source.scan(scan, pageSize, Cancellation.none())) {
      for (List<KeyBucket> page = cursor.next(); !page.isEmpty(); page = cursor.next()) {
        assertThat(page.size()).isLessThanOrEqualTo(pageSize);
        out.addAll(page);
      }
      assertThat(cursor.next()).isEmpty();
    }
    return out;
  }

  private Set<String> classIds(String messageClass, String hop) {
    Manifest.ClassMessages c = seeded.manifest.classes().get(messageClass);
    assertThat(c.complete()).isTrue();
    return c.messages().stream()
        .filter(m -> hop.equals(m.hop()))
        .map(Manifest.ClassMessage::id)
        .collect(Collectors.toSet());
  }

  private static void assertUtf8Ascending(List<KeyBucket> buckets) {
    for (int i = 1; i < buckets.size(); i++) {
      byte[] a = buckets.get(i - 1).key().getBytes(StandardCharsets.UTF_8);
      byte[] b = buckets.get(i).key().getBytes(StandardCharsets.UTF_8);
      assertThat(Arrays.compareUnsigned(a, b))
          .as(buckets.get(i - 1).key() + " < " + buckets.get(i).key())
          .isNegative();
    }
  }

  @Test
  void fulfilmentOverTheRecordingHasEveryMessageOnceWithExactFailuresAndDeadLetters() {
    List<KeyBucket> buckets = all(scanOf(OrdersPath.FULFILMENT, seeded.recording), 10_000);
    assertUtf8Ascending(buckets);
    Set<String> visited =
        seeded.journeys.stream()
            .filter(j -> j.visit(OrdersHop.FULFILMENT) != null)
            .map(Journey::messageId)
            .collect(Collectors.toSet());
    assertThat(buckets.stream().map(KeyBucket::key).collect(Collectors.toSet())).isEqualTo(visited);
    assertThat(buckets.stream().mapToLong(KeyBucket::documents).sum())
        .isEqualTo(seeded.manifest.hops().get("fulfilment-service").documents());
    assertThat(keys(buckets, b -> b.deadLetters() > 0))
        .isEqualTo(classIds("DEAD_LETTERED", "fulfilment-service"));
    assertThat(buckets.stream().filter(b -> b.deadLetters() > 0).mapToLong(KeyBucket::deadLetters))
        .containsOnly(1L);
    // an ERP business fault is logged at fulfilment too; the message fails at erp-adapter
    assertThat(keys(buckets, b -> b.failures() > 0)).isEqualTo(classIds("FAILED", "erp-adapter"));
  }

  private static Set<String> keys(
      List<KeyBucket> buckets, java.util.function.Predicate<KeyBucket> p) {
    return buckets.stream().filter(p).map(KeyBucket::key).collect(Collectors.toSet());
  }

  @Test
  void incidentWindowEnteredAndDeadLetteredMatchTheManifest() {
    Manifest.IncidentWindow incident = seeded.manifest.incidentWindow();
    Instant from = Instant.parse(incident.from());
    TimeWindow window = new TimeWindow(from, Instant.parse(incident.to()));
    List<KeyBucket> buckets = all(scanOf(OrdersPath.FULFILMENT, window), 10_000);
    Manifest.HopWindow expected = incident.hops().get("fulfilment-service");
    List<KeyBucket> entered = buckets.stream().filter(b -> !b.first().isBefore(from)).toList();
    assertThat(entered).hasSize((int) expected.entered());
    assertThat(entered.stream().filter(b -> b.deadLetters() > 0).count())
        .isEqualTo(expected.deadLettered());
    assertThat(buckets).allMatch(b -> window.contains(b.first()) && window.contains(b.last()));
  }

  @Test
  void smallPagesGiveTheSameAsOneBigPage() {
    KeyScan scan = scanOf(OrdersPath.FULFILMENT, seeded.recording);
    assertThat(all(scan, 100)).isEqualTo(all(scan, 10_000));
  }

  @Test
  void firstAndLastAreTheEarliestAndLatestDocumentTimes() {
    List<KeyBucket> buckets = all(scanOf(OrdersPath.FULFILMENT, seeded.recording), 10_000);
    List<KeyBucket> jaeger = all(scanOf(OrdersPath.ERP_ADAPTER, seeded.recording), 10_000);
    Map<String, KeyBucket> spansById =
        jaeger.stream().collect(Collectors.toMap(KeyBucket::key, b -> b));
    for (Manifest.ReKey pair : seeded.manifest.reKeys().pairs().subList(0, 5)) {
      String id = pair.messageId();
      List<SourceEvent> events =
          source
              .find(SeededOrders.byMessageId(Set.of(id)), null, 10_000, Cancellation.none())
              .events();
      assertTimes(
          buckets.stream().filter(b -> b.key().equals(id)).findFirst().orElseThrow(),
          events,
          "fulfilment-service",
          FieldPath.parse("@timestamp"),
          TimestampFormat.ISO);
      assertTimes(
          spansById.get(id),
          events,
          "erp-adapter",
          FieldPath.parse("startTime"),
          TimestampFormat.EPOCH_MICROS);
    }
  }

  private static void assertTimes(
      KeyBucket bucket,
      List<SourceEvent> events,
      String hop,
      FieldPath ts,
      TimestampFormat format) {
    List<Instant> times =
        events.stream()
            .filter(e -> e.hop().equals(hop))
            .map(e -> format.parse(ts.readFirst(e.document())))
            .sorted()
            .toList();
    assertThat(bucket.documents()).isEqualTo(times.size());
    assertThat(bucket.first()).isEqualTo(times.get(0));
    assertThat(bucket.last()).isEqualTo(times.get(times.size() - 1));
  }

  @Test
  void keyedJaegerTagScanCountsSpansAndFailuresPerMessage() {
    List<KeyBucket> buckets = all(scanOf(OrdersPath.ERP_ADAPTER, seeded.recording), 10_000);
    assertUtf8Ascending(buckets);
    Map<String, Journey> reached =
        seeded.journeys.stream()
            .filter(j -> j.visit(OrdersHop.ERP_ADAPTER) != null)
            .collect(Collectors.toMap(Journey::messageId, j -> j));
    assertThat(buckets.stream().map(KeyBucket::key).collect(Collectors.toSet()))
        .isEqualTo(reached.keySet());
    for (KeyBucket b : buckets) {
      assertThat(b.documents())
          .as(b.key())
          .isEqualTo(reached.get(b.key()).visit(OrdersHop.ERP_ADAPTER).attempts().size());
    }
    // the model's own matcher over the found spans agrees with the pushed-down failure counts
    Set<String> sample =
        buckets.stream()
            .filter(b -> b.failures() > 0)
            .limit(20)
            .map(KeyBucket::key)
            .collect(Collectors.toSet());
    sample.addAll(buckets.stream().limit(20).map(KeyBucket::key).toList());
    List<SourceEvent> spans =
        source
            .find(
                List.of(
                    new IdQuery(
                        "erp-adapter",
                        OrdersPath.ERP_ADAPTER,
                        FieldPath.parse("tags[key=message.id].value"),
                        sample)),
                null,
                10_000,
                Cancellation.none())
            .events();
    Map<String, Long> failedSpans =
        spans.stream()
            .filter(e -> OrdersPath.ERP_ADAPTER.fields().failure().get(0).matches(e.document()))
            .collect(
                Collectors.groupingBy(
                    e -> FieldPath.parse("tags[key=message.id].value").readFirst(e.document()),
                    Collectors.counting()));
    assertThat(failedSpans).isNotEmpty();
    for (KeyBucket b : buckets) {
      if (sample.contains(b.key())) {
        assertThat(b.failures()).as(b.key()).isEqualTo(failedSpans.getOrDefault(b.key(), 0L));
      }
    }
  }

  @Test
  void aScanOfMissingIndicesIsEmptyAndBadPageSizesAreRefused() {
    EventSourceDef ghost =
        new EventSourceDef(
            "no-such-index-*", EventSourceDef.Kind.LOG, OrdersPath.FULFILMENT.fields());
    assertThat(all(scanOf(ghost, seeded.recording), 100)).isEmpty();
    KeyScan scan = scanOf(OrdersPath.FULFILMENT, seeded.recording);
    assertThatThrownBy(() -> source.scan(scan, 10_001, Cancellation.none()))
        .hasMessage("pageSize must be 1..10000, got 10001");
  }
}
