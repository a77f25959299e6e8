package org.hopscope.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seeded test sandbox's Elasticsearch holds exactly what the manifest says: documents per hop
 * and, for every listed message, documents at exactly the hops of its journey.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticLoadTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private ElasticCalls es;
  private SeedOptions options;
  private Manifest manifest;

  @BeforeAll
  void readSeed(TestSandbox sandbox) {
    es = new ElasticCalls(sandbox.state().elasticsearch());
    options = sandbox.seed();
    manifest = Manifest.read(sandbox.manifest());
  }

  @Test
  void everyListedMessageHasDocumentsExactlyAtTheHopsOfItsJourney() throws Exception {
    assertDocumentCountsMatch(manifest);
    long classified =
        manifest.classes().values().stream().mapToLong(Manifest.ClassMessages::count).sum();
    assertThat(classified).isEqualTo(options.messages());

    Map<String, Journey> journeys = new HashMap<>();
    new JourneyGenerator(options).forEachRemaining(j -> journeys.put(j.messageId(), j));
    List<String> listed = new ArrayList<>();
    for (Map.Entry<String, Manifest.ClassMessages> e : manifest.classes().entrySet()) {
      for (Manifest.ClassMessage m : e.getValue().messages()) {
        Journey j = journeys.get(m.id());
        assertThat(j.messageClass().name()).isEqualTo(e.getKey());
        assertThat(m.hop()).isEqualTo(j.classHop() == null ? null : j.classHop().hopName());
        listed.add(m.id());
      }
    }
    assertThat(listed).hasSizeGreaterThan(1_000);
    for (Manifest.ReKey pair : manifest.reKeys().pairs()) {
      assertThat(journeys.get(pair.messageId()).erpDocumentNumber())
          .isEqualTo(pair.erpDocumentNumber());
    }

    Map<String, Set<OrdersHop>> found = hopsWithDocuments(listed, journeys);
    for (String id : listed) {
      Set<OrdersHop> expected = EnumSet.noneOf(OrdersHop.class);
      journeys.get(id).visits().forEach(v -> expected.add(v.hop()));
      assertThat(found.getOrDefault(id, Set.of())).as("hops of %s", id).isEqualTo(expected);
    }

    assertThat(manifest.hostileIds()).hasSize(5);
    for (String hostile : manifest.hostileIds()) {
      JsonNode hits = search("gateway-access-*", term("x_correlation_id", hostile));
      assertThat(hits.path("total").path("value").asLong()).as(hostile).isEqualTo(1);
      assertThat(hits.path("hits").get(0).path("_source").path("x_correlation_id").asText())
          .isEqualTo(hostile);
      assertThat(count("logs-fulfilment-*", term("labels.message_id", hostile))).isEqualTo(2);
      assertThat(count("jaeger-span-*", jaegerMessage(hostile))).isEqualTo(1);
    }
    ObjectNode afterNow = JSON.createObjectNode();
    afterNow.putObject("range").putObject("@timestamp").put("gt", options.now().toString());
    assertThat(count(SeedIndices.allPatterns(), afterNow)).isZero();
  }

  @Test
  void chattyMessageLogsOneHundredThousandEventsAtFulfilment() throws Exception {
    assertThat(options.chatty()).isTrue();
    assertThat(manifest.classes().get("CHATTY").messages())
        .containsExactly(new Manifest.ClassMessage(manifest.chattyId(), "fulfilment-service"));
    assertThat(count("logs-fulfilment-*", term("labels.message_id", manifest.chattyId())))
        .isEqualTo(FulfilmentLogs.CHATTY_EVENTS + 2);
  }

  private void assertDocumentCountsMatch(Manifest manifest) throws Exception {
    long total = 0;
    for (Manifest.HopDocuments hop : manifest.hops().values()) {
      for (Manifest.IndexDocuments index : hop.indices()) {
        assertThat(
                count(
                    index.pattern(),
                    JSON.createObjectNode().set("match_all", JSON.createObjectNode())))
            .as(index.pattern())
            .isEqualTo(index.documents());
        total += index.documents();
      }
    }
    assertThat(total).isEqualTo(manifest.documents()).isPositive();
  }

  /** Per message ID, the hops that hold at least one document of it, asked per hop's own field. */
  private Map<String, Set<OrdersHop>> hopsWithDocuments(
      List<String> ids, Map<String, Journey> journeys) throws Exception {
    Map<String, Set<OrdersHop>> found = new HashMap<>();
    Map<String, String> byDocumentNumber = new HashMap<>();
    for (String id : ids) {
      if (journeys.get(id).erpDocumentNumber() != null) {
        byDocumentNumber.put(journeys.get(id).erpDocumentNumber(), id);
      }
    }
    record Probe(OrdersHop hop, String pattern, String field) {}
    List<Probe> probes =
        List.of(
            new Probe(OrdersHop.API_GATEWAY, "gateway-access-*", "x_correlation_id"),
            new Probe(OrdersHop.ORDER_SERVICE, "apm-order-service-*", "labels.message_id"),
            new Probe(OrdersHop.ORDER_SERVICE, "logs-order-service-*", "labels.message_id"),
            new Probe(
                OrdersHop.ORDERS_TOPIC, "otel-traces-orders-*", "attributes.messaging.message.id"),
            new Probe(OrdersHop.FULFILMENT, "logs-fulfilment-*", "labels.message_id"),
            new Probe(
                OrdersHop.ERP_CONFIRMATION,
                "logs-erp-confirmation-*",
                "labels.erp_document_number"));
    for (Probe p : probes) {
      boolean confirmation = p.hop() == OrdersHop.ERP_CONFIRMATION;
      List<String> values = confirmation ? new ArrayList<>(byDocumentNumber.keySet()) : ids;
      ObjectNode body = JSON.createObjectNode().put("size", 0);
      body.set("query", terms(p.field(), values));
      body.putObject("aggs")
          .putObject("ids")
          .putObject("terms")
          .put("field", p.field())
          .put("size", 10_000);
      for (JsonNode bucket :
          post(p.pattern(), body).path("aggregations").path("ids").path("buckets")) {
        String key = bucket.path("key").asText();
        found
            .computeIfAbsent(
                confirmation ? byDocumentNumber.get(key) : key,
                k -> EnumSet.noneOf(OrdersHop.class))
            .add(p.hop());
      }
    }
    ObjectNode body = JSON.createObjectNode().put("size", 0);
    body.set(
        "query",
        JSON.createObjectNode()
            .set(
                "nested",
                JSON.createObjectNode()
                    .put("path", "tags")
                    .set("query", bool(term("tags.key", "message.id"), terms("tags.value", ids)))));
    ObjectNode nested = body.putObject("aggs").putObject("tags");
    nested.putObject("nested").put("path", "tags");
    ObjectNode filtered = nested.putObject("aggs").putObject("message_ids");
    filtered.set("filter", term("tags.key", "message.id"));
    filtered
        .putObject("aggs")
        .putObject("ids")
        .putObject("terms")
        .put("field", "tags.value")
        .put("size", 10_000);
    for (JsonNode bucket :
        post("jaeger-span-*", body)
            .path("aggregations")
            .path("tags")
            .path("message_ids")
            .path("ids")
            .path("buckets")) {
      found
          .computeIfAbsent(bucket.path("key").asText(), k -> EnumSet.noneOf(OrdersHop.class))
          .add(OrdersHop.ERP_ADAPTER);
    }
    return found;
  }

  private static ObjectNode jaegerMessage(String id) {
    ObjectNode nested = JSON.createObjectNode();
    nested
        .putObject("nested")
        .put("path", "tags")
        .set("query", bool(term("tags.key", "message.id"), term("tags.value", id)));
    return nested;
  }

  private static ObjectNode bool(ObjectNode... filters) {
    ObjectNode q = JSON.createObjectNode();
    ArrayNode filter = q.putObject("bool").putArray("filter");
    for (ObjectNode f : filters) {
      filter.add(f);
    }
    return q;
  }

  private static ObjectNode term(String field, String value) {
    ObjectNode q = JSON.createObjectNode();
    q.putObject("term").put(field, value);
    return q;
  }

  private static ObjectNode terms(String field, List<String> values) {
    ObjectNode q = JSON.createObjectNode();
    ArrayNode a = q.putObject("terms").putArray(field);
    values.forEach(a::add);
    return q;
  }

  private long count(String pattern, ObjectNode query) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.set("query", query);
    return JSON.readTree(es.post("/" + pattern + "/_count", body.toString()))
        .path("count")
        .asLong(-1);
  }

  private JsonNode search(String pattern, ObjectNode query) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.set("query", query);
    return post(pattern, body).path("hits");
  }

  private JsonNode post(String pattern, ObjectNode body) throws Exception {
    return JSON.readTree(es.post("/" + pattern + "/_search", body.toString()));
  }
}
