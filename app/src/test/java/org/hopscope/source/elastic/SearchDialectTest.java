package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hopscope.model.TimestampFormat;
import org.junit.jupiter.api.Test;

/** The requests that differ between Elasticsearch and OpenSearch, as each engine expects them. */
class SearchDialectTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void elasticsearchOpensAndClosesAPointInTimeAtPitAndBreaksTiesByShardDoc() throws Exception {
    SearchDialect es = SearchDialect.ELASTICSEARCH;
    assertThat(es.product()).isEqualTo("Elasticsearch");
    assertThat(es.openEndpoint("logs-*,orders"))
        .isEqualTo("/logs-*,orders/_pit?keep_alive=1m&ignore_unavailable=true");
    assertThat(es.pitId(JSON.readTree("{\"id\":\"abc==\"}"))).isEqualTo("abc==");
    assertThat(es.pitId(JSON.readTree("{\"pit_id\":\"abc==\"}"))).isNull();
    assertThat(es.closeEndpoint()).isEqualTo("/_pit");
    assertThat(es.closeBody("\"abc==\"")).isEqualTo("{\"id\":\"abc==\"}");
    assertThat(es.pageTracking()).isEqualTo(",\"track_total_hits\":false");
    assertThat(es.dropsEmptyWhenFiltered()).isFalse();
  }

  @Test
  void openSearchOpensAndClosesAtSearchPointInTimeAndBreaksTiesByIndexAndId() throws Exception {
    SearchDialect os = SearchDialect.OPENSEARCH;
    assertThat(os.product()).isEqualTo("OpenSearch");
    assertThat(os.openEndpoint("logs-*"))
        .isEqualTo("/logs-*/_search/point_in_time?keep_alive=1m&ignore_unavailable=true");
    assertThat(os.pitId(JSON.readTree("{\"pit_id\":\"o9mF==\",\"creation_time\":1}")))
        .isEqualTo("o9mF==");
    assertThat(os.pitId(JSON.readTree("{\"id\":\"o9mF==\"}"))).isNull();
    assertThat(os.pitId(JSON.readTree("{\"pit_id\":\"\"}"))).isNull();
    assertThat(os.closeEndpoint()).isEqualTo("/_search/point_in_time");
    assertThat(os.closeBody("\"o9mF==\"")).isEqualTo("{\"pit_id\":[\"o9mF==\"]}");
    assertThat(os.pageTracking()).isEmpty();
    assertThat(os.dropsEmptyWhenFiltered()).isTrue();
  }

  @Test
  void aPageReplacesTheFinalDocByTheEnginesTiebreakerAndCarriesThePit() throws Exception {
    try (ElasticConnection c = ElasticConnection.open(ElasticSettings.of("http://127.0.0.1:1"))) {
      IdSearch search = new IdSearch(c, Runnable::run);
      Query query = Query.of(q -> q.term(t -> t.field("message.id").value("ord-1")));
      List<SortOptions> sort =
          List.of(
              ConditionQueries.byTime(
                  org.hopscope.model.FieldPath.parse("@timestamp"), TimestampFormat.ISO),
              SortOptions.of(s -> s.doc(d -> d)));

      JsonNode es =
          JSON.readTree(
              PitPager.page(
                  search,
                  PitPager.prefix(search, SearchDialect.ELASTICSEARCH, query, sort),
                  "p1",
                  10_000,
                  JSON.readTree("[5,7]")));
      JsonNode os =
          JSON.readTree(
              PitPager.page(
                  search,
                  PitPager.prefix(search, SearchDialect.OPENSEARCH, query, sort),
                  "p2",
                  10_000,
                  null));

      assertThat(es.path("sort").toString())
          .isEqualTo("[" + es.path("sort").get(0) + ",{\"_shard_doc\":{}}]");
      assertThat(es.path("track_total_hits").asBoolean(true)).isFalse();
      assertThat(es.path("pit").toString()).isEqualTo("{\"id\":\"p1\",\"keep_alive\":\"1m\"}");
      assertThat(es.path("search_after").toString()).isEqualTo("[5,7]");
      assertThat(os.path("sort").toString())
          .isEqualTo("[" + os.path("sort").get(0) + ",{\"_index\":{}},{\"_id\":{}}]");
      assertThat(os.path("sort").get(0).has("@timestamp")).isTrue();
      assertThat(os.has("track_total_hits")).isFalse();
      assertThat(os.path("pit").toString()).isEqualTo("{\"id\":\"p2\",\"keep_alive\":\"1m\"}");
      assertThat(os.has("search_after")).isFalse();
      assertThat(os.path("size").asInt()).isEqualTo(10_000);
    }
  }
}
