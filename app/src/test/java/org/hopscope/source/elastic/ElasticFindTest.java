package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hopscope.faults.Fault;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Notice;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Journey;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.sandbox.seed.OrdersHop;
import org.hopscope.source.Cancellation;
import org.hopscope.source.FindResult;
import org.hopscope.source.FirstPages;
import org.hopscope.source.IdQuery;
import org.hopscope.source.SourceEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code find} on the seeded test sandbox against the seed's ground truth. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticFindTest {

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

  private FindResult everyMessage;

  /** All 3,000 messages' documents in one find (computed once, shared by two tests). */
  private FindResult everyMessage() {
    if (everyMessage == null) {
      everyMessage = find(seeded.ids(), null, 200_000);
    }
    return everyMessage;
  }

  private FindResult find(Set<String> ids, TimeWindow window, int limit) {
    return source.find(SeededOrders.byMessageId(ids), window, limit, Cancellation.none());
  }

  private static Map<String, Long> perIndexPattern(FindResult r) {
    return r.events().stream()
        .collect(
            Collectors.groupingBy(e -> e.source().index(), TreeMap::new, Collectors.counting()));
  }

  @Test
  void allMessagesFindEveryDocumentOfTheirHopsOnceAsTheManifestCounts() {
    FindResult all = everyMessage();
    assertThat(all.truncated()).isEmpty();
    Map<String, Long> expected = new TreeMap<>();
    for (Manifest.HopDocuments hop : seeded.manifest.hops().values()) {
      for (Manifest.IndexDocuments index : hop.indices()) {
        expected.put(index.pattern(), index.documents());
      }
    }
    // erp-confirmation logs carry only the ERP document number: found through it, below
    expected.remove("logs-erp-confirmation-*");
    assertThat(perIndexPattern(all)).isEqualTo(expected);
    assertThat(all.events().stream().map(e -> e.index() + "/" + e.docId()).distinct().count())
        .isEqualTo(all.events().size());

    Set<String> numbers =
        seeded.journeys.stream()
            .map(Journey::erpDocumentNumber)
            .filter(n -> n != null)
            .collect(Collectors.toSet());
    FindResult confirmations =
        source.find(
            List.of(
                new IdQuery(
                    "erp-confirmation",
                    OrdersPath.CONFIRMATION,
                    FieldPath.parse("labels.erp_document_number"),
                    numbers)),
            null,
            200_000,
            Cancellation.none());
    assertThat(confirmations.events())
        .hasSize((int) seeded.manifest.hops().get("erp-confirmation").documents());
  }

  @Test
  void eachMessageFindsWhatItsJourneyWrote() {
    FindResult all = everyMessage();
    Map<String, Map<String, Long>> byIdAndHop =
        all.events().stream()
            .collect(
                Collectors.groupingBy(
                    ElasticFindTest::messageId,
                    Collectors.groupingBy(SourceEvent::hop, Collectors.counting())));
    for (Journey j : seeded.journeys) {
      Map<String, Long> hops = byIdAndHop.getOrDefault(j.messageId(), Map.of());
      assertThat(hops.get("api-gateway")).as(j.messageId()).isEqualTo(1L);
      Journey.Visit topic = j.visit(OrdersHop.ORDERS_TOPIC);
      long deliveries =
          topic == null
              ? 0
              : topic.attempts().stream()
                  .filter(a -> a.outcome() != Journey.Outcome.PENDING)
                  .count();
      assertThat(hops.getOrDefault("orders.v1", 0L))
          .as(j.messageId())
          .isEqualTo(topic == null ? 0 : 1 + deliveries);
      Journey.Visit erp = j.visit(OrdersHop.ERP_ADAPTER);
      assertThat(hops.getOrDefault("erp-adapter", 0L))
          .as(j.messageId())
          .isEqualTo(erp == null ? 0 : erp.attempts().size());
      assertThat(hops.containsKey("fulfilment-service"))
          .as(j.messageId())
          .isEqualTo(j.visit(OrdersHop.FULFILMENT) != null);
      assertThat(hops).doesNotContainKey("erp-confirmation");
    }
  }

  private static String messageId(SourceEvent e) {
    return e.source().fields().messageIds().get(0).readFirst(e.document());
  }

  @Test
  void reKeyedErpDocumentNumberFindsTheConfirmation() {
    Manifest.ReKey pair = seeded.manifest.reKeys().pairs().get(0);
    FindResult flow = find(Set.of(pair.messageId()), null, 10_000);
    List<SourceEvent> spans =
        flow.events().stream().filter(e -> e.hop().equals("erp-adapter")).toList();
    FieldPath number = FieldPath.parse("tags[key=erp.document_number].value");
    Set<String> numbers =
        spans.stream()
            .map(e -> number.readFirst(e.document()))
            .filter(n -> n != null)
            .collect(Collectors.toSet());
    assertThat(numbers).containsExactly(pair.erpDocumentNumber());

    FindResult confirmation =
        source.find(
            List.of(
                new IdQuery(
                    "erp-confirmation",
                    OrdersPath.CONFIRMATION,
                    FieldPath.parse("labels.erp_document_number"),
                    numbers)),
            null,
            100,
            Cancellation.none());
    assertThat(confirmation.events()).hasSize(1);
    assertThat(confirmation.events().get(0).document().toString())
        .contains(pair.erpDocumentNumber());
  }

  @Test
  void jaegerNestedTagAndOtelDottedAttributeFieldsMatch() {
    String id = seeded.manifest.reKeys().pairs().get(1).messageId();
    FindResult flow = find(Set.of(id), null, 10_000);
    SourceEvent span =
        flow.events().stream()
            .filter(e -> e.index().startsWith("jaeger-span-"))
            .findFirst()
            .orElseThrow();
    assertThat(FieldPath.parse("tags[key=message.id].value").read(span.document()))
        .containsExactly(id);
    SourceEvent otel =
        flow.events().stream()
            .filter(e -> e.index().startsWith("otel-traces-orders-"))
            .findFirst()
            .orElseThrow();
    assertThat(FieldPath.parse("attributes.messaging.message.id").read(otel.document()))
        .containsExactly(id);
  }

  @Test
  void windowBoundsAreHalfOpenInEachHopsFormat() {
    String id = seeded.manifest.reKeys().pairs().get(2).messageId();
    FindResult flow = find(Set.of(id), null, 10_000);
    assertHalfOpen(id, flow, "erp-adapter", "startTime", TimestampFormat.EPOCH_MICROS, 1_000);
    assertHalfOpen(id, flow, "api-gateway", "@timestamp", TimestampFormat.ISO, 1_000_000);
  }

  /**
   * The first event of {@code hop} is in [t, t + tick), not in [t + tick, t + 1 s), not in [t - 1
   * s, t), where t is its {@code field} and tick the format's resolution in nanoseconds.
   */
  private void assertHalfOpen(
      String id, FindResult flow, String hop, String field, TimestampFormat format, long tick) {
    SourceEvent event =
        flow.events().stream().filter(e -> e.hop().equals(hop)).findFirst().orElseThrow();
    Instant at = format.parse(event.document().get(field));
    Function<TimeWindow, Long> eventsIn =
        w -> find(Set.of(id), w, 10_000).events().stream().filter(e -> e.hop().equals(hop)).count();
    assertThat(eventsIn.apply(new TimeWindow(at, at.plusNanos(tick)))).as(hop).isEqualTo(1L);
    assertThat(eventsIn.apply(new TimeWindow(at.plusNanos(tick), at.plusSeconds(1))))
        .as(hop)
        .isZero();
    assertThat(eventsIn.apply(new TimeWindow(at.minusSeconds(1), at))).as(hop).isZero();
  }

  @Test
  void chattyMessagePagesPastTheResultWindowAndIsTruncatedAtTheLimit() {
    String chatty = seeded.manifest.chattyId();
    FindResult whole = find(Set.of(chatty), null, 200_000);
    List<SourceEvent> fulfilment =
        whole.events().stream().filter(e -> e.hop().equals("fulfilment-service")).toList();
    assertThat(fulfilment).hasSize(100_002);
    assertThat(whole.truncated()).isEmpty();

    FindResult limited = find(Set.of(chatty), null, 50_000);
    List<SourceEvent> first =
        limited.events().stream().filter(e -> e.hop().equals("fulfilment-service")).toList();
    assertThat(first).hasSize(50_000);
    assertThat(limited.truncated())
        .extracting(Notice::text)
        .containsExactly(
            "fulfilment-service: 100,002 events in logs-fulfilment-*, showing the first 50,000");
    List<Instant> times = first.stream().map(e -> TimestampFormat.ISO.parse(timestamp(e))).toList();
    assertThat(times).isSorted();
    Instant lastShown = times.get(times.size() - 1);
    assertThat(
            fulfilment.stream()
                .map(e -> TimestampFormat.ISO.parse(timestamp(e)))
                .filter(t -> t.isBefore(lastShown))
                .count())
        .isLessThanOrEqualTo(50_000);
    // the other hops of the chatty message are complete
    assertThat(limited.events().size() - first.size())
        .isEqualTo(whole.events().size() - fulfilment.size());
  }

  @Test
  void chattyMessageHandsOnEveryQuerysFirstPageBeforeTheLongRead() {
    String chatty = seeded.manifest.chattyId();
    List<FirstPages> handed = new ArrayList<>();
    FindResult whole =
        source.find(
            SeededOrders.byMessageId(Set.of(chatty)),
            null,
            200_000,
            Cancellation.none(),
            handed::add);
    assertThat(handed).hasSize(1);
    FirstPages first = handed.get(0);
    assertThat(first.pending())
        .containsExactly(
            new FirstPages.Pending(
                "fulfilment-service", "logs-fulfilment-*", IdSearch.FIRST_PAGE, 100_002));
    // the same answer as without a listener
    assertThat(whole.events()).hasSize(find(Set.of(chatty), null, 200_000).events().size());
    Map<String, SourceEvent> all = new LinkedHashMap<>();
    whole.events().forEach(e -> all.put(e.index() + "/" + e.docId(), e));
    assertThat(first.events())
        .allSatisfy(e -> assertThat(all).containsKey(e.index() + "/" + e.docId()));
    List<SourceEvent> fulfilment =
        first.events().stream().filter(e -> e.hop().equals("fulfilment-service")).toList();
    assertThat(fulfilment).hasSize(IdSearch.FIRST_PAGE);
    // the other hops whole, the long one's earliest events first
    assertThat(first.events().size() - fulfilment.size())
        .isEqualTo(
            (int)
                whole.events().stream().filter(e -> !e.hop().equals("fulfilment-service")).count());
    Instant lastOfFirstPage =
        fulfilment.stream()
            .map(e -> TimestampFormat.ISO.parse(timestamp(e)))
            .max(Instant::compareTo)
            .orElseThrow();
    assertThat(
            whole.events().stream()
                .filter(e -> e.hop().equals("fulfilment-service"))
                .map(e -> TimestampFormat.ISO.parse(timestamp(e)))
                .filter(t -> t.isBefore(lastOfFirstPage))
                .count())
        .isLessThanOrEqualTo(IdSearch.FIRST_PAGE);

    // a message that fits its first pages hands on nothing
    String small = seeded.ids().iterator().next();
    source.find(
        SeededOrders.byMessageId(Set.of(small)), null, 200_000, Cancellation.none(), handed::add);
    assertThat(handed).hasSize(1);
  }

  private static Object timestamp(SourceEvent e) {
    return FieldPath.parse("@timestamp").readFirst(e.document());
  }

  @Fault(Fault.Area.HOSTILE_DATA)
  @Test
  void hostileIdsMatchExactlyTheirOwnMessage() {
    for (String hostile : seeded.manifest.hostileIds()) {
      FindResult r = find(Set.of(hostile), null, 10_000);
      Journey j = seeded.journey(hostile);
      assertThat(r.events()).as(hostile).isNotEmpty();
      assertThat(r.events().stream().map(ElasticFindTest::messageId).distinct().toList())
          .as(hostile)
          .containsExactly(hostile);
      assertThat(r.events().stream().map(SourceEvent::hop).distinct().count())
          .as(hostile)
          .isEqualTo(j.visits().size() - (j.visit(OrdersHop.ERP_CONFIRMATION) == null ? 0 : 1));
    }
  }

  @Test
  void syntaxLookalikesMatchNothing() {
    String tenKb = "ord-" + "x".repeat(10 * 1024);
    for (String value :
        List.of(
            "*",
            "\"",
            "ord-*",
            "ord-\"quoted\"-*",
            "x OR 1=1",
            "\" OR \"1\"=\"1",
            "ord\\\\back\\\\slash",
            "ORD WITH SPACES",
            "😀",
            tenKb,
            "")) {
      FindResult r = find(Set.of(value), null, 10_000);
      assertThat(r.events()).as(value.length() > 40 ? "10 KB value" : value).isEmpty();
    }
  }

  @Test
  void missingIndexPatternsAreNoError() {
    IdQuery nowhere =
        new IdQuery(
            "ghost",
            new org.hopscope.model.EventSourceDef(
                "no-such-index-*",
                org.hopscope.model.EventSourceDef.Kind.LOG,
                OrdersPath.GATEWAY.fields()),
            FieldPath.parse("x_correlation_id"),
            Set.of(seeded.manifest.chattyId()));
    IdQuery concrete =
        new IdQuery(
            "ghost",
            new org.hopscope.model.EventSourceDef(
                "no-such-index",
                org.hopscope.model.EventSourceDef.Kind.LOG,
                OrdersPath.GATEWAY.fields()),
            FieldPath.parse("x_correlation_id"),
            Set.of(seeded.manifest.chattyId()));
    FindResult r =
        source.find(
            List.of(
                nowhere,
                concrete,
                SeededOrders.byMessageId(Set.of(seeded.manifest.chattyId())).get(0)),
            null,
            100,
            Cancellation.none());
    assertThat(r.events()).hasSize(1);
    assertThat(r.events().get(0).hop()).isEqualTo("api-gateway");
  }
}
