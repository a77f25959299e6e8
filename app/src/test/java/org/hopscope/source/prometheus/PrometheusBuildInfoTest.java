package org.hopscope.source.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hopscope.model.connection.Auth;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.hopscope.source.prometheus.CannedPrometheus.Canned;
import org.junit.jupiter.api.Test;

/** {@link PrometheusMetricSource#buildInfo}: a GET with the profile's auth and headers. */
class PrometheusBuildInfoTest {

  @Test
  void getsBuildInfoWithAuthAndTenantHeader() throws Exception {
    try (CannedPrometheus server =
        new CannedPrometheus(
            Canned.json(
                200,
                "{\"status\":\"success\",\"data\":{\"version\":\"2.53.1\",\"revision\":\"abc123\","
                    + "\"branch\":\"HEAD\"}}"))) {
      PrometheusSettings settings =
          PrometheusSettings.of(server.url("/prom"))
              .withAuth(new Auth.Bearer("tok"))
              .withHeaders(Map.of("X-Scope-OrgID", "t1"));

      PrometheusMetricSource.BuildInfo build =
          new PrometheusMetricSource(settings).buildInfo(Cancellation.none());

      assertThat(build).isEqualTo(new PrometheusMetricSource.BuildInfo("2.53.1", "abc123"));
      CannedPrometheus.Received r = server.received().get(0);
      assertThat(r.method()).isEqualTo("GET");
      assertThat(r.path()).isEqualTo("/prom/api/v1/status/buildinfo");
      assertThat(r.header("Authorization")).isEqualTo("Bearer tok");
      assertThat(r.header("X-scope-orgid")).isEqualTo("t1");
    }
  }

  @Test
  void refusedCredentialsNameTheUrl() throws Exception {
    try (CannedPrometheus server =
        new CannedPrometheus(Canned.json(401, "{\"status\":\"error\",\"error\":\"no\"}"))) {
      String url = server.url("");
      PrometheusSettings settings =
          PrometheusSettings.of(url)
              .withAuth(new Auth.Basic("u", "p"))
              .withRetries(0, java.time.Duration.ofMillis(10));

      assertThatThrownBy(() -> new PrometheusMetricSource(settings).buildInfo(Cancellation.none()))
          .isInstanceOf(SourceException.class)
          .hasMessage(
              "Prometheus "
                  + url
                  + " refused the credentials (HTTP 401: no); check the profile's auth (basic is"
                  + " configured) and tenant headers");
    }
  }

  @Test
  void anAnswerWithoutVersionIsNotTakenForPrometheus() throws Exception {
    try (CannedPrometheus server =
        new CannedPrometheus(Canned.json(200, "{\"status\":\"success\",\"data\":{}}"))) {
      String url = server.url("");
      assertThatThrownBy(
              () ->
                  new PrometheusMetricSource(PrometheusSettings.of(url))
                      .buildInfo(Cancellation.none()))
          .isInstanceOf(SourceException.class)
          .hasMessage(
              "Prometheus "
                  + url
                  + " answered /api/v1/status/buildinfo without a version; is it a Prometheus"
                  + " API (check the URL and its path prefix)?");
    }
  }
}
