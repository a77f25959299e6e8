package org.hopscope.cli;

import java.util.function.Consumer;
import org.hopscope.config.Auth;
import org.hopscope.config.Endpoint;
import org.hopscope.config.ResolvedConnection;
import org.hopscope.source.EventSource;
import org.hopscope.source.MetricSource;
import org.hopscope.source.elastic.ElasticConnection;
import org.hopscope.source.elastic.ElasticEventSource;
import org.hopscope.source.elastic.ElasticSettings;
import org.hopscope.source.prometheus.PrometheusMetricSource;
import org.hopscope.source.prometheus.PrometheusSettings;

/**
 * The event and metric sources of one command run, built from the resolved connection; closes both.
 * Prometheus is optional: without it flows come without metrics.
 */
final class Backends implements AutoCloseable {

  private final EventSource events;
  private final MetricSource metrics;

  private Backends(EventSource events, MetricSource metrics) {
    this.events = events;
    this.metrics = metrics;
  }

  static Backends open(ResolvedConnection connection, Consumer<String> warnings) {
    connection.warnings().forEach(warnings);
    EventSource events =
        new ElasticEventSource(
            ElasticConnection.open(elastic(connection.profile().elasticsearch()), warnings));
    Endpoint prom = connection.profile().prometheus();
    return new Backends(events, prom == null ? null : new PrometheusMetricSource(prometheus(prom)));
  }

  EventSource events() {
    return events;
  }

  /** The metrics backend, or null when none is configured. */
  MetricSource metrics() {
    return metrics;
  }

  static ElasticSettings elastic(Endpoint e) {
    ElasticSettings s =
        ElasticSettings.of(e.url().toString())
            .withTimeouts(e.connectTimeout(), e.requestTimeout())
            .withInsecure(e.tls().insecure());
    if (e.tls().caPem() != null) {
      s = s.withCaCertificate(e.tls().caPem());
    }
    if (e.tls().clientCertPem() != null) {
      s = s.withClientCertificate(e.tls().clientCertPem(), e.tls().clientKeyPem());
    }
    Auth auth = e.auth();
    if (auth instanceof Auth.Basic b) {
      return s.withAuth(new ElasticSettings.Auth.Basic(b.user(), b.password()));
    }
    if (auth instanceof Auth.ApiKey k) {
      return s.withAuth(new ElasticSettings.Auth.ApiKey(k.key()));
    }
    if (auth instanceof Auth.Bearer t) {
      return s.withAuth(new ElasticSettings.Auth.Bearer(t.token()));
    }
    return s;
  }

  static PrometheusSettings prometheus(Endpoint e) {
    PrometheusSettings s =
        PrometheusSettings.of(e.url().toString())
            .withTimeouts(e.connectTimeout(), e.requestTimeout())
            .withTls(
                new PrometheusSettings.Tls(
                    e.tls().caPem(),
                    e.tls().insecure(),
                    e.tls().clientCertPem(),
                    e.tls().clientKeyPem()));
    Auth auth = e.auth();
    if (auth instanceof Auth.Basic b) {
      return s.withAuth(new PrometheusSettings.Auth.Basic(b.user(), b.password()));
    }
    if (auth instanceof Auth.Bearer t) {
      return s.withAuth(new PrometheusSettings.Auth.Bearer(t.token()));
    }
    if (auth instanceof Auth.ApiKey) {
      throw new org.hopscope.config.ConfigException(
          "Prometheus", "API keys are for Elasticsearch; use basic or bearer for Prometheus");
    }
    return s;
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
