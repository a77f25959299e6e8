package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimestampFormat;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.source.Cancellation;
import org.hopscope.source.FindResult;
import org.hopscope.source.IdQuery;
import org.hopscope.source.SourceEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Point-in-time reads on the sandbox's engine (Elasticsearch, or OpenSearch in the build's
 * opensearch-correctness run), where ties are the rule: 45,000 documents of one message on three
 * shards share four timestamps, so pages of 10,000 and the two slices end inside runs of equal
 * times, where a tiebreaker unique only per shard ({@code _doc}) loses or repeats documents. Every
 * document must come exactly once, in time order. The index is the test's own and deleted after.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointInTimeSandboxTest {

  private static final int DOCUMENTS = 45_000;
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final HttpClient http = HttpClient.newHttpClient();
  private final String index = "hopscope-pit-ties-" + ProcessHandle.current().pid();
  private String url;
  private ElasticEventSource source;
  private IdQuery query;

  @BeforeAll
  void index(TestSandbox sandbox) throws Exception {
    url = sandbox.state().elasticsearchUrl();
    send(
        "PUT",
        "/" + index,
        "{\"settings\":{\"number_of_shards\":3,\"number_of_replicas\":0},\"mappings\":"
            + "{\"properties\":{\"@timestamp\":{\"type\":\"date\"},\"message\":{\"properties\":"
            + "{\"id\":{\"type\":\"keyword\"}}},\"seq\":{\"type\":\"integer\"}}}}");
    for (int from = 0; from < DOCUMENTS; from += 5_000) {
      StringBuilder bulk = new StringBuilder();
      for (int i = from; i < from + 5_000; i++) {
        bulk.append("{\"index\":{}}\n")
            .append("{\"@timestamp\":\"")
            .append(T0.plusSeconds(i % 4))
            .append("\",\"message\":{\"id\":\"m-1\"},\"seq\":")
            .append(i)
            .append("}\n");
      }
      send("POST", "/" + index + "/_bulk?refresh=true", bulk.toString());
    }
    source = new ElasticEventSource(ElasticConnection.open(ElasticSettings.of(url)));
    FieldPath id = FieldPath.parse("message.id");
    FieldMap fields =
        new FieldMap(
            FieldPath.parse("@timestamp"),
            TimestampFormat.ISO,
            List.of(id),
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            List.of(),
            List.of());
    query =
        new IdQuery(
            "ties", new EventSourceDef(index, EventSourceDef.Kind.LOG, fields), id, Set.of("m-1"));
  }

  @AfterAll
  void delete() throws Exception {
    if (source != null) {
      source.close();
    }
    send("DELETE", "/" + index, null);
  }

  @Test
  void slicedPagesOfTiesGiveEveryDocumentOnceInTimeOrder() {
    FindResult found = source.find(List.of(query), null, 100_000, Cancellation.none());

    assertThat(found.truncated()).isEmpty();
    assertThat(found.events()).hasSize(DOCUMENTS);
    TreeSet<Integer> seqs = new TreeSet<>();
    Instant last = Instant.EPOCH;
    for (SourceEvent e : found.events()) {
      seqs.add(((Number) e.document().get("seq")).intValue());
      Instant at = Instant.parse((String) e.document().get("@timestamp"));
      assertThat(at).isAfterOrEqualTo(last);
      last = at;
    }
    assertThat(seqs).hasSize(DOCUMENTS);
    assertThat(seqs.first()).isZero();
    assertThat(seqs.last()).isEqualTo(DOCUMENTS - 1);
  }

  @Test
  void unslicedPagesTransferEachDocumentExactlyOnce() {
    // counts every hit of every page: a repeated document would count twice
    assertThat(source.bareTransfer(List.of(query), null, Cancellation.none())).isEqualTo(DOCUMENTS);
  }

  @Test
  void aLimitInsideARunOfTiesCutsAtTheLimitInTimeOrder() {
    FindResult found = source.find(List.of(query), null, 12_345, Cancellation.none());

    assertThat(found.events()).hasSize(12_345);
    assertThat(found.truncated()).hasSize(1);
    long first = found.events().stream().filter(e -> at(e).equals(T0)).count();
    // 11,250 documents at T0, the rest from T0 + 1 s: never a later time before an earlier one
    assertThat(first).isEqualTo(11_250);
    assertThat(found.events().subList(0, 11_250)).allMatch(e -> at(e).equals(T0));
    assertThat(found.events().subList(11_250, 12_345))
        .allMatch(e -> at(e).equals(T0.plusSeconds(1)));
  }

  private static Instant at(SourceEvent e) {
    return Instant.parse((String) e.document().get("@timestamp"));
  }

  private void send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path))
            .header(
                "Content-Type",
                path.contains("_bulk") ? "application/x-ndjson" : "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(200);
    assertThat(answer.body()).doesNotContain("\"errors\":true");
  }
}
