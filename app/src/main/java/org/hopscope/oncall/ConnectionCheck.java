package org.hopscope.oncall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.model.Notice;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.oncall.ConnectionReport.SourceCheck;
import org.hopscope.oncall.ConnectionReport.State;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.hopscope.source.elastic.ClusterInfo;
import org.hopscope.source.elastic.ElasticConnection;
import org.hopscope.source.elastic.ElasticSettings;
import org.hopscope.source.prometheus.PrometheusMetricSource;
import org.hopscope.source.prometheus.PrometheusSettings;

/**
 * "Test connection": asks a profile's Elasticsearch for its version, cluster name and health, and
 * its Prometheus (when configured) for its build, one after the other. A source that fails does not
 * stop the other's check; its exact error (naming the URL) goes into the report. Blocking: call it
 * off the FX thread. Stateless and thread-safe.
 */
public final class ConnectionCheck {

  /** Longest wait for one answer during a check, whatever the profile's request timeout. */
  public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private static final String ELASTICSEARCH = "Elasticsearch";
  private static final String PROMETHEUS = "Prometheus";

  /**
   * Checks both sources of {@code profile}.
   *
   * @throws Cancellation.CancelledException when {@code cancel} was cancelled
   */
  public ConnectionReport check(ConnectionProfile profile, Cancellation cancel) {
    List<Notice> notices = new ArrayList<>();
    tlsOff(ELASTICSEARCH, profile.elasticsearch(), notices);
    tlsOff(PROMETHEUS, profile.prometheus(), notices);
    SourceCheck elastic = elasticsearch(profile.elasticsearch(), cancel);
    cancel.check();
    SourceCheck prometheus =
        profile.prometheus() == null
            ? SourceCheck.notConfigured(PROMETHEUS)
            : prometheus(profile.prometheus(), cancel);
    cancel.check();
    return new ConnectionReport(profile.name(), elastic, prometheus, notices);
  }

  private static void tlsOff(String source, Endpoint endpoint, List<Notice> notices) {
    if (endpoint != null && endpoint.tls().insecure()) {
      notices.add(new Notice.TlsVerificationOff(source, endpoint.url().toString()));
    }
  }

  private static SourceCheck elasticsearch(Endpoint endpoint, Cancellation cancel) {
    String url = endpoint.url().toString();
    try {
      ElasticSettings settings =
          ElasticSettings.from(endpoint)
              .withTimeouts(endpoint.connectTimeout(), shorter(endpoint.requestTimeout()))
              .withMaxAttempts(1);
      try (ElasticConnection es = ElasticConnection.open(settings)) {
        ClusterInfo info = es.info(cancel);
        return new SourceCheck(
            ELASTICSEARCH,
            State.REACHABLE,
            es.url(),
            info.version(),
            info.clusterName(),
            info.health(),
            null,
            null,
            info.notes());
      }
    } catch (Cancellation.CancelledException e) {
      throw e;
    } catch (SourceException e) {
      return SourceCheck.failed(ELASTICSEARCH, url, e.kind(), e.getMessage());
    } catch (RuntimeException e) {
      return SourceCheck.failed(
          ELASTICSEARCH, url, SourceException.Kind.REJECTED, problem(ELASTICSEARCH, url, e));
    }
  }

  private static SourceCheck prometheus(Endpoint endpoint, Cancellation cancel) {
    String url = endpoint.url().toString();
    try {
      PrometheusSettings settings =
          PrometheusSettings.from(endpoint)
              .withTimeouts(endpoint.connectTimeout(), shorter(endpoint.requestTimeout()))
              .withRetries(0, Duration.ofMillis(100));
      try (PrometheusMetricSource prometheus = new PrometheusMetricSource(settings)) {
        PrometheusMetricSource.BuildInfo build = prometheus.buildInfo(cancel);
        return new SourceCheck(
            PROMETHEUS,
            State.REACHABLE,
            settings.url().toString(),
            build.version(),
            null,
            null,
            null,
            null,
            List.of());
      }
    } catch (Cancellation.CancelledException e) {
      throw e;
    } catch (SourceException e) {
      return SourceCheck.failed(PROMETHEUS, url, e.kind(), e.getMessage());
    } catch (RuntimeException e) {
      return SourceCheck.failed(
          PROMETHEUS, url, SourceException.Kind.REJECTED, problem(PROMETHEUS, url, e));
    }
  }

  /** A failure that is not a SourceException (a bad certificate file, unreadable JSON). */
  private static String problem(String source, String url, RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.contains(url) ? message : source + " " + url + ": " + message;
  }

  private static Duration shorter(Duration requestTimeout) {
    return requestTimeout.compareTo(MAX_REQUEST_TIMEOUT) > 0 ? MAX_REQUEST_TIMEOUT : requestTimeout;
  }
}
