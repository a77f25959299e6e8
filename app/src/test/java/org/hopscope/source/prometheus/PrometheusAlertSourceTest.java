package org.hopscope.source.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hopscope.faults.Fault;
import org.hopscope.model.alert.ActiveAlert;
import org.hopscope.model.alert.AlertOrigin;
import org.hopscope.model.alert.AlertState;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Prometheus' and Alertmanager's alert APIs read from a canned server: shapes right and wrong. */
class PrometheusAlertSourceTest {

  private static final String PROMETHEUS_ALERTS =
      """
      {"status":"success","data":{"alerts":[
        {"labels":{"alertname":"OrdersErpLatencyHigh","service":"erp-adapter","severity":"page"},
         "annotations":{"summary":"ERP p90 above 5 s","runbook_url":"hopscope://playbook/erp-timeouts?hop=erp-adapter"},
         "state":"firing","activeAt":"2026-11-26T15:35:00.123Z","value":"2.6e+01"},
        {"labels":{"alertname":"Slow"},"state":"pending","activeAt":"2026-11-26T16:00:00Z"},
        {"labels":{"alertname":"Gone"},"annotations":{},"state":"inactive","activeAt":"0001-01-01T00:00:00Z"}
      ]}}
      """;

  private static final String ALERTMANAGER_ALERTS =
      """
      [{"labels":{"alertname":"OrdersErpLatencyHigh","service":"erp-adapter","severity":"page"},
        "annotations":{"summary":"ERP p90 above 5 s"},"startsAt":"2026-11-26T15:35:10Z",
        "endsAt":"2026-11-26T16:39:10Z","fingerprint":"1cd5f467215a0c68","receivers":[{"name":"x"}],
        "status":{"state":"active","silencedBy":[],"inhibitedBy":[]}},
       {"labels":{"alertname":"Quiet"},"annotations":{},"startsAt":"2026-11-26T15:00:00Z",
        "status":{"state":"suppressed","silencedBy":["abc"],"inhibitedBy":[]}}]
      """;

  @Test
  void readsPrometheusFiringAndPendingAlertsAndLeavesOutInactiveOnes() throws Exception {
    try (CannedPrometheus server =
        new CannedPrometheus(CannedPrometheus.Canned.json(200, PROMETHEUS_ALERTS))) {
      List<ActiveAlert> alerts =
          PrometheusAlertSource.prometheus(PrometheusSettings.of(server.url("")))
              .activeAlerts(Cancellation.none());
      assertThat(alerts)
          .containsExactly(
              new ActiveAlert(
                  Map.of(
                      "alertname", "OrdersErpLatencyHigh",
                      "service", "erp-adapter",
                      "severity", "page"),
                  Map.of(
                      "summary",
                      "ERP p90 above 5 s",
                      "runbook_url",
                      "hopscope://playbook/erp-timeouts?hop=erp-adapter"),
                  AlertState.FIRING,
                  Instant.parse("2026-11-26T15:35:00.123Z"),
                  AlertOrigin.PROMETHEUS),
              new ActiveAlert(
                  Map.of("alertname", "Slow"),
                  Map.of(),
                  AlertState.PENDING,
                  Instant.parse("2026-11-26T16:00:00Z"),
                  AlertOrigin.PROMETHEUS));
      assertThat(server.received().get(0).method()).isEqualTo("GET");
      assertThat(server.received().get(0).path()).isEqualTo("/api/v1/alerts");
    }
  }

  @Test
  void readsAlertmanagerActiveAndSilencedAlerts() throws Exception {
    try (CannedPrometheus server =
        new CannedPrometheus(CannedPrometheus.Canned.json(200, ALERTMANAGER_ALERTS))) {
      List<ActiveAlert> alerts =
          PrometheusAlertSource.alertmanager(PrometheusSettings.of(server.url("")))
              .activeAlerts(Cancellation.none());
      assertThat(alerts)
          .extracting(ActiveAlert::name)
          .containsExactly("OrdersErpLatencyHigh", "Quiet");
      assertThat(alerts)
          .extracting(ActiveAlert::state)
          .containsExactly(AlertState.FIRING, AlertState.SUPPRESSED);
      assertThat(alerts.get(0).since()).isEqualTo(Instant.parse("2026-11-26T15:35:10Z"));
      assertThat(alerts.get(0).origin()).isEqualTo(AlertOrigin.ALERTMANAGER);
      assertThat(server.received().get(0).path()).isEqualTo("/api/v2/alerts");
    }
  }

  static Stream<Arguments> wrongPrometheusShapes() {
    return Stream.of(
        Arguments.of("{\"status\":\"success\",\"data\":[]}", "data []", "data: {alerts: [...]}"),
        Arguments.of(
            "{\"status\":\"success\",\"data\":{\"alerts\":[7]}}",
            "the alert 7",
            "an object {labels, annotations, ...}"),
        Arguments.of(
            "{\"status\":\"success\",\"data\":{\"alerts\":[{\"labels\":{\"alertname\":\"A\"},\"state\":\"burning\"}]}}",
            "the state \"burning\"",
            "\"firing\", \"pending\" or \"inactive\""),
        Arguments.of(
            "{\"status\":\"success\",\"data\":{\"alerts\":[{\"labels\":{\"x\":\"1\"},\"state\":\"firing\"}]}}",
            "an alert without the label alertname {\"x\":\"1\"}",
            "labels.alertname"),
        Arguments.of(
            "{\"status\":\"success\",\"data\":{\"alerts\":[{\"labels\":{\"alertname\":\"A\"},\"state\":\"firing\",\"activeAt\":\"yesterday\"}]}}",
            "the time activeAt=\"yesterday\"",
            "an RFC 3339 time such as 2026-11-26T15:35:00Z"),
        Arguments.of(
            "{\"status\":\"success\",\"data\":{\"alerts\":[{\"labels\":{\"alertname\":7},\"state\":\"firing\"}]}}",
            "the labels value alertname=7",
            "text"));
  }

  @ParameterizedTest
  @MethodSource("wrongPrometheusShapes")
  @Fault(Fault.Area.ANSWERS)
  void aWrongPrometheusAnswerIsANamedError(String body, String came, String expected)
      throws Exception {
    try (CannedPrometheus server = new CannedPrometheus(CannedPrometheus.Canned.json(200, body))) {
      String url = server.url("");
      assertThatThrownBy(
              () ->
                  PrometheusAlertSource.prometheus(PrometheusSettings.of(url))
                      .activeAlerts(Cancellation.none()))
          .isInstanceOf(SourceException.class)
          .hasMessage(
              "Prometheus at "
                  + url
                  + " answered /api/v1/alerts with "
                  + came
                  + "; expected "
                  + expected
                  + ". Is the URL a Prometheus API?");
    }
  }

  @Test
  @Fault(Fault.Area.ANSWERS)
  void alertmanagerAnsweringSomethingElseIsANamedError() throws Exception {
    try (CannedPrometheus server =
        new CannedPrometheus(
            CannedPrometheus.Canned.json(200, "{\"status\":\"success\",\"data\":{}}"),
            new CannedPrometheus.Canned(
                200, "text/html", "<html><title>Login</title></html>", Map.of()))) {
      String url = server.url("");
      PrometheusAlertSource source = PrometheusAlertSource.alertmanager(PrometheusSettings.of(url));
      assertThatThrownBy(() -> source.activeAlerts(Cancellation.none()))
          .isInstanceOf(SourceException.class)
          .hasMessage(
              "Alertmanager at "
                  + url
                  + " answered /api/v2/alerts with the body {\"status\":\"success\",\"data\":{}};"
                  + " expected a list of alerts [{labels, annotations, startsAt, status}]. Is the"
                  + " URL an Alertmanager (API v2)?");
      assertThatThrownBy(() -> source.activeAlerts(Cancellation.none()))
          .isInstanceOf(SourceException.class)
          .hasMessage(
              "Alertmanager "
                  + url
                  + " answered HTTP 200 with something that is not Alertmanager API JSON (Login);"
                  + " is the URL right, including a path prefix?");
    }
  }

  @Test
  @Fault(Fault.Area.ANSWERS)
  void anUnreachableAlertmanagerSaysSoByName() {
    PrometheusAlertSource source =
        PrometheusAlertSource.alertmanager(PrometheusSettings.of("http://127.0.0.1:9"));
    assertThatThrownBy(() -> source.activeAlerts(Cancellation.none()))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "Alertmanager http://127.0.0.1:9 unreachable: connection refused; is Alertmanager"
                + " running there and the URL's port right?")
        .extracting(e -> ((SourceException) e).kind())
        .isEqualTo(SourceException.Kind.UNREACHABLE);
  }

  @Test
  void alertmanagerOverloadedIsRetriedThenAnswered() throws Exception {
    try (CannedPrometheus server =
        new CannedPrometheus(
            CannedPrometheus.Canned.json(503, "{}"), CannedPrometheus.Canned.json(200, "[]"))) {
      List<ActiveAlert> alerts =
          PrometheusAlertSource.alertmanager(PrometheusSettings.of(server.url("")))
              .activeAlerts(Cancellation.none());
      assertThat(alerts).isEmpty();
      assertThat(server.received()).hasSize(2);
    }
  }
}
