package org.hopscope.oncall;

import java.util.concurrent.ExecutorService;
import org.hopscope.config.ResolvedConnection;
import org.hopscope.correlate.HopMetricsFetcher;
import org.hopscope.correlate.TemplatePanelQueries;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.source.AlertSource;
import org.hopscope.source.EventSource;
import org.hopscope.source.MetricSource;
import org.hopscope.source.elastic.ElasticConnection;
import org.hopscope.source.elastic.ElasticEventSource;
import org.hopscope.source.elastic.ElasticSettings;
import org.hopscope.source.prometheus.PrometheusAlertSource;
import org.hopscope.source.prometheus.PrometheusMetricSource;
import org.hopscope.source.prometheus.PrometheusSettings;

/**
 * The event and metric sources of one command run, built from the resolved connection; closes both.
 * Prometheus is optional: without it flows come without metrics.
 */
public final class Backends implements AutoCloseable {

  private final EventSource events;
  private final MetricSource metrics;
  private final AlertSource prometheusAlerts;
  private final AlertSource alertmanagerAlerts;

  private Backends(
      EventSource events,
      MetricSource metrics,
      AlertSource prometheusAlerts,
      AlertSource alertmanagerAlerts) {
    this.events = events;
    this.metrics = metrics;
    this.prometheusAlerts = prometheusAlerts;
    this.alertmanagerAlerts = alertmanagerAlerts;
  }

  /**
   * Connects to the profile's backends. What the user must know about the connection (e.g. TLS
   * checks off) is {@link ResolvedConnection#notices()}; the face that opened it shows them.
   */
  public static Backends open(ResolvedConnection connection) {
    Endpoint prometheus = connection.profile().prometheus();
    PrometheusSettings metrics = prometheus == null ? null : PrometheusSettings.from(prometheus);
    Endpoint alertmanager = connection.profile().alertmanager();
    PrometheusSettings alerts = alertmanager == null ? null : PrometheusSettings.from(alertmanager);
    ElasticSettings elastic = ElasticSettings.from(connection.profile().elasticsearch());
    return new Backends(
        new ElasticEventSource(ElasticConnection.open(elastic)),
        metrics == null ? null : new PrometheusMetricSource(metrics),
        metrics == null ? null : PrometheusAlertSource.prometheus(metrics),
        alerts == null ? null : PrometheusAlertSource.alertmanager(alerts));
  }

  /** Prometheus' alerts ({@code /api/v1/alerts}), or null without Prometheus. */
  public AlertSource prometheusAlerts() {
    return prometheusAlerts;
  }

  /** Alertmanager's alerts ({@code /api/v2/alerts}), or null when the profile names none. */
  public AlertSource alertmanagerAlerts() {
    return alertmanagerAlerts;
  }

  public EventSource events() {
    return events;
  }

  /** The metrics backend, or null when none is configured. */
  public MetricSource metrics() {
    return metrics;
  }

  /**
   * The hop metrics fetcher for flows on these backends (each hop's panels over the flow's span
   * widened by {@link Engine#METRICS_MARGIN}), or null without a metrics backend.
   *
   * @param panels runs the panels' queries in parallel (the caller owns and shuts it down)
   */
  public HopMetricsFetcher hopMetrics(ExecutorService panels) {
    return metrics == null
        ? null
        : new HopMetricsFetcher(metrics, new TemplatePanelQueries(), panels, Engine.METRICS_MARGIN);
  }

  @Override
  public void close() {
    try {
      events.close();
    } finally {
      if (metrics != null) {
        metrics.close();
      }
    }
  }
}
