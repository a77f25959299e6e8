package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hopscope.source.SourceException;
import org.junit.jupiter.api.Test;

/** The engine behind a URL, from its {@code GET /} (answers as the real engines give them). */
class ClusterIdentityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String URL = "http://search.example:9200";

  private static JsonNode main(String version) throws Exception {
    return JSON.readTree(
        "{\"name\":\"n1\",\"cluster_name\":\"prod\",\"version\":"
            + version
            + ",\"tagline\":\"t\"}");
  }

  @Test
  void openSearchIsToldByItsDistribution() throws Exception {
    ClusterIdentity id =
        ClusterIdentity.of(
            main(
                "{\"distribution\":\"opensearch\",\"number\":\"2.19.4\",\"build_type\":\"zip\","
                    + "\"minimum_wire_compatibility_version\":\"7.10.0\"}"),
            URL);
    assertThat(id).isEqualTo(new ClusterIdentity(SearchDialect.OPENSEARCH, "2.19.4", "prod"));
    assertThat(id.describe()).isEqualTo("OpenSearch 2.19.4");
  }

  @Test
  void elasticsearchHasNoDistribution() throws Exception {
    ClusterIdentity id =
        ClusterIdentity.of(main("{\"number\":\"8.19.21\",\"build_flavor\":\"default\"}"), URL);
    assertThat(id).isEqualTo(new ClusterIdentity(SearchDialect.ELASTICSEARCH, "8.19.21", "prod"));
    assertThat(id.describe()).isEqualTo("Elasticsearch 8.19.21");
    assertThat(ClusterIdentity.of(main("{\"number\":\"9.1.0\"}"), URL).dialect())
        .isEqualTo(SearchDialect.ELASTICSEARCH);
    assertThat(ClusterIdentity.elasticsearchByHeader().describe()).isEqualTo("Elasticsearch");
  }

  @Test
  void olderVersionsAreRefusedByName() throws Exception {
    assertThatThrownBy(
            () ->
                ClusterIdentity.of(
                    main("{\"distribution\":\"opensearch\",\"number\":\"1.3.20\"}"), URL))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "OpenSearch 1.3.20 at http://search.example:9200 is not supported: Hopscope reads"
                + " from Elasticsearch 8.x/9.x and OpenSearch 2.x. Connect the profile to a"
                + " supported cluster (see docs/connection-profiles.md).")
        .extracting(e -> ((SourceException) e).kind())
        .isEqualTo(SourceException.Kind.REJECTED);
    assertThatThrownBy(() -> ClusterIdentity.of(main("{\"number\":\"7.17.25\"}"), URL))
        .hasMessageStartingWith("Elasticsearch 7.17.25 at http://search.example:9200 is not");
    assertThatThrownBy(
            () ->
                new ClusterIdentity(SearchDialect.ELASTICSEARCH, "6.8.0", null)
                    .requireSupported(URL))
        .hasMessageStartingWith("Elasticsearch 6.8.0 at");
    assertThat(new ClusterIdentity(SearchDialect.ELASTICSEARCH, null, null).requireSupported(URL))
        .isEqualTo(ClusterIdentity.elasticsearchByHeader());
  }

  @Test
  void anAnswerWithoutAVersionIsNoSearchEngine() throws Exception {
    assertThatThrownBy(() -> ClusterIdentity.of(JSON.readTree("{\"status\":\"ok\"}"), URL))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "Elasticsearch at http://search.example:9200 answered GET / without version.number"
                + " ({\"status\":\"ok\"}); expected the cluster's name and version. Check that"
                + " the URL is an Elasticsearch (8.x/9.x) or OpenSearch (2.x) cluster, not a proxy"
                + " or another service.");
  }
}
