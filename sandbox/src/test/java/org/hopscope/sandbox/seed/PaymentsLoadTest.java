package org.hopscope.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seeded test sandbox's Elasticsearch holds exactly what the payments manifest says: documents
 * per index pattern, for every detailed payment documents exactly where its parts went, batch
 * documents per batch, the blind pattern resolving to nothing, {@code ts} a number.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentsLoadTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private ElasticCalls es;
  private SeedOptions options;
  private PaymentsManifest manifest;
  private final Map<String, Payment> payments = new HashMap<>();
  private final List<PaymentBatches.Finished> batches = new ArrayList<>();

  @BeforeAll
  void readSeed(TestSandbox sandbox) {
    es = new ElasticCalls(sandbox.state().elasticsearch());
    options = sandbox.seed();
    manifest = PaymentsManifest.read(sandbox.paymentsManifest());
    PaymentsGenerator g = new PaymentsGenerator(options);
    while (g.hasNext()) {
      Payment p = g.next();
      payments.put(p.id(), p);
      batches.addAll(g.finishedBatches());
    }
  }

  @Test
  void documentCountsPerPatternAreTheManifestsAndTheBlindPatternMatchesNothing() throws Exception {
    assertThat(manifest.options().payments()).isEqualTo(options.payments()).isPositive();
    long total = 0;
    for (Manifest.HopDocuments hop : manifest.hops().values()) {
      for (Manifest.IndexDocuments index : hop.indices()) {
        assertThat(count(index.pattern(), matchAll()))
            .as(index.pattern())
            .isEqualTo(index.documents());
        total += index.documents();
      }
    }
    assertThat(total).isEqualTo(manifest.documents()).isPositive();
    JsonNode resolved = JSON.readTree(es.get("/_resolve/index/ledger-audit-*"));
    assertThat(resolved.path("indices").size()).isZero();
    assertThat(resolved.path("aliases").size()).isZero();
    assertThat(
            JSON.readTree(es.get("/payment-service-*/_mapping"))
                .findValue("ts")
                .path("type")
                .asText())
        .isEqualTo("long");
    ObjectNode afterNow = JSON.createObjectNode();
    afterNow.putObject("range").putObject("ts").put("gt", options.now().toEpochMilli());
    assertThat(count("payment-service-*", afterNow)).isZero();
    afterNow = JSON.createObjectNode();
    afterNow.putObject("range").putObject("@timestamp").put("gt", options.now().toString());
    assertThat(
            count("payments-access-*,ledger-postings-*,settlement-batcher-*,clearing-*", afterNow))
        .isZero();
  }

  @Test
  void everyDetailedPaymentHasDocumentsExactlyWhereItsPartsWent() throws Exception {
    List<String> ids = new ArrayList<>();
    List<String> postings = new ArrayList<>();
    Map<String, Long> expected = new TreeMap<>();
    for (PaymentsManifest.PaymentTruth t : manifest.journeys().payments()) {
      Payment p = payments.get(t.id());
      assertThat(p.paymentClass().name()).isEqualTo(t.paymentClass());
      ids.add(p.id());
      expected.put("api " + p.id(), (long) p.api().size());
      if (p.received() >= 0) {
        expected.put("service " + p.id(), 1L + p.parts().size());
      }
      for (Payment.Part part : p.parts()) {
        postings.add(part.postingId());
        long ledger =
            (part.ledgerReceived() >= 0 ? 1 : 0)
                + (part.booked() >= 0 ? 1 : 0)
                + (part.lockWait() >= 0 ? 1 : 0);
        if (ledger > 0) {
          expected.put("ledger " + part.postingId(), ledger);
        }
        if (part.added() >= 0) {
          expected.put("batcher " + part.postingId(), 1L);
        }
      }
    }
    assertThat(ids).hasSizeGreaterThan(200);
    Map<String, Long> found = new TreeMap<>();
    found.putAll(buckets("api ", "payments-access-*", "payment.id", ids));
    found.putAll(buckets("service ", "payment-service-*", "paymentId", ids));
    found.putAll(buckets("ledger ", "ledger-postings-*", "posting.id", postings));
    found.putAll(buckets("batcher ", "settlement-batcher-*", "posting.id", postings));
    assertThat(found).isEqualTo(expected);

    // the service lines carry the postings; the hostile characters come back unchanged
    String someId = ids.get(0);
    JsonNode hit =
        search("payments-access-*", term("payment.id", someId)).path("hits").get(0).path("_source");
    assertThat(hit.path("payment").path("id").asText()).isEqualTo(someId).contains(":", "/");
  }

  @Test
  void batchesAreSubmittedOnceAndAnsweredByClearingAsTheManifestSays() throws Exception {
    Map<String, Long> submitted = new TreeMap<>();
    Map<String, Long> answered = new TreeMap<>();
    for (PaymentBatches.Finished f : batches) {
      if (f.batch().closed() >= 0) {
        submitted.put("batcher " + f.batch().id(), 1L);
      }
      if (f.batch().answered() >= 0) {
        answered.put("clearing " + f.batch().id(), 1L);
      }
    }
    assertThat(submitted).hasSizeGreaterThan(answered.size());
    ObjectNode submittedLines = term("event.action", "submitted");
    assertThat(terms("batcher ", "settlement-batcher-*", "batch.id", submittedLines))
        .isEqualTo(submitted);
    assertThat(terms("clearing ", "clearing-*", "batch.id", matchAll())).isEqualTo(answered);
    String rejected = manifest.batches().rejected().get(0);
    JsonNode answer = search("clearing-*", term("batch.id", rejected)).path("hits").get(0);
    assertThat(answer.path("_source").path("event").path("action").asText()).isEqualTo("rejected");
    for (String lost : manifest.batches().unanswered()) {
      assertThat(count("clearing-*", term("batch.id", lost))).as(lost).isZero();
    }
  }

  @Test
  void thePaymentServiceClockRunsSecondsBehindThePaymentsApi() throws Exception {
    Payment p =
        payments.values().stream()
            .filter(x -> x.received() >= 0 && x.api().size() == 1)
            .findFirst()
            .orElseThrow();
    JsonNode api =
        search("payments-access-*", term("payment.id", p.id())).path("hits").get(0).path("_source");
    ObjectNode received = bool(term("paymentId", p.id()));
    ((ArrayNode) received.path("bool").path("must_not"))
        .add(
            JSON.createObjectNode()
                .set("exists", JSON.createObjectNode().put("field", "postingId")));
    JsonNode service = search("payment-service-*", received).path("hits").get(0).path("_source");
    long apiMillis = java.time.Instant.parse(api.path("@timestamp").asText()).toEpochMilli();
    long serviceMillis = service.path("ts").asLong();
    assertThat(service.path("ts").isNumber()).isTrue();
    assertThat(apiMillis - serviceMillis).isBetween(3_000L, 5_000L);
  }

  /** Per value of {@code field} among {@code values}: its documents in {@code pattern}. */
  private Map<String, Long> buckets(
      String prefix, String pattern, String field, List<String> values) throws Exception {
    ObjectNode q = JSON.createObjectNode();
    ArrayNode a = q.putObject("terms").putArray(field);
    values.forEach(a::add);
    return terms(prefix, pattern, field, q);
  }

  private Map<String, Long> terms(String prefix, String pattern, String field, ObjectNode query)
      throws Exception {
    ObjectNode body = JSON.createObjectNode().put("size", 0);
    body.set("query", query);
    body.putObject("aggs")
        .putObject("ids")
        .putObject("terms")
        .put("field", field)
        .put("size", 65_000);
    Map<String, Long> out = new TreeMap<>();
    for (JsonNode b :
        JSON.readTree(es.post("/" + pattern + "/_search", body.toString()))
            .path("aggregations")
            .path("ids")
            .path("buckets")) {
      out.put(prefix + b.path("key").asText(), b.path("doc_count").asLong());
    }
    return out;
  }

  private static ObjectNode matchAll() {
    return JSON.createObjectNode().set("match_all", JSON.createObjectNode());
  }

  private static ObjectNode term(String field, String value) {
    ObjectNode q = JSON.createObjectNode();
    q.putObject("term").put(field, value);
    return q;
  }

  private static ObjectNode bool(ObjectNode filter) {
    ObjectNode q = JSON.createObjectNode();
    ObjectNode b = q.putObject("bool");
    b.putArray("filter").add(filter);
    b.putArray("must_not");
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
    return JSON.readTree(es.post("/" + pattern + "/_search", body.toString())).path("hits");
  }
}
