package org.hopscope.source.prometheus;

import java.util.List;
import org.hopscope.model.alert.ActiveAlert;
import org.hopscope.model.alert.AlertOrigin;
import org.hopscope.source.AlertSource;
import org.hopscope.source.Cancellation;

/**
 * The active alerts of a Prometheus-style backend: Prometheus' rules ({@code GET /api/v1/alerts})
 * or Alertmanager's received alerts ({@code GET /api/v2/alerts}), over the same HTTP client as the
 * metrics (deadline, retries on 429/503, TLS, auth and error words: {@link PrometheusHttp}).
 */
public final class PrometheusAlertSource implements AlertSource {

  static final String PROMETHEUS_ALERTS = "/api/v1/alerts";
  static final String ALERTMANAGER_ALERTS =
      "/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true";

  private final AlertOrigin origin;
  private final PrometheusSettings settings;
  private final PrometheusHttp http;

  private PrometheusAlertSource(AlertOrigin origin, PrometheusSettings settings) {
    this.origin = origin;
    this.settings = settings;
    this.http = new PrometheusHttp(settings, origin.label());
  }

  /** Prometheus' firing and pending alerts. */
  public static PrometheusAlertSource prometheus(PrometheusSettings settings) {
    return new PrometheusAlertSource(AlertOrigin.PROMETHEUS, settings);
  }

  /** The alerts Alertmanager holds (active, silenced and inhibited ones). */
  public static PrometheusAlertSource alertmanager(PrometheusSettings settings) {
    return new PrometheusAlertSource(AlertOrigin.ALERTMANAGER, settings);
  }

  @Override
  public AlertOrigin origin() {
    return origin;
  }

  @Override
  public String url() {
    return settings.url().toString();
  }

  @Override
  public List<ActiveAlert> activeAlerts(Cancellation cancel) {
    if (origin == AlertOrigin.PROMETHEUS) {
      PrometheusHttp.Answer answer = http.get(PROMETHEUS_ALERTS, cancel);
      return new AlertAnswers(origin, url(), PROMETHEUS_ALERTS).prometheus(answer.data());
    }
    PrometheusHttp.Answer answer = http.getBare(ALERTMANAGER_ALERTS, cancel);
    return new AlertAnswers(origin, url(), "/api/v2/alerts").alertmanager(answer.data());
  }
}
