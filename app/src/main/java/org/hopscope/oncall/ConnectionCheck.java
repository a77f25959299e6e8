package org.hopscope.oncall;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.PathCatalog;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.Notice;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.oncall.ConnectionReport.SourceCheck;
import org.hopscope.oncall.ConnectionReport.State;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.hopscope.source.elastic.ClusterInfo;
import org.hopscope.source.elastic.ElasticConnection;
import org.hopscope.source.elastic.ElasticSettings;
import org.hopscope.source.elastic.IndexProbe;
import org.hopscope.source.prometheus.PrometheusMetricSource;
import org.hopscope.source.prometheus.PrometheusSettings;

/**
 * "Test connection": asks a profile's Elasticsearch (or OpenSearch: the check then names it as its
 * source, e.g. {@code OpenSearch 2.19.4}) for its version, cluster name and health, and its
 * Prometheus (when configured) for its build, one after the other. A source that fails does not
 * stop the other's check; its exact error (naming the URL) goes into the report. Made with the path
 * definitions a profile uses, it also checks every index pattern of every path against the cluster
 * ({@link PathsCheck}: exists, readable, has the fields the path queries with usable types).
 * Blocking: call it off the FX thread. Stateless and thread-safe.
 */
public final class ConnectionCheck {

  /** Longest wait for one answer during a check, whatever the profile's request timeout. */
  public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private static final String ELASTICSEARCH = "Elasticsearch";
  private static final String PROMETHEUS = "Prometheus";

  /** The path definitions of a profile, or null for none to check. */
  private final Function<ConnectionProfile, PathCatalog> paths;

  /** A check of the sources only (the status bar's health probe). */
  public ConnectionCheck() {
    this(profile -> null);
  }

  /**
   * A check of the sources and of the path definitions {@code paths} gives for the profile (see
   * {@link #pathsOf}); null from it checks none.
   */
  public ConnectionCheck(Function<ConnectionProfile, PathCatalog> paths) {
    this.paths = paths;
  }

  /**
   * The path definitions a profile uses, as {@link Connector} reads them: its {@code pathsDir}
   * (relative to {@code workingDir}), else {@code defaultPathsDir}. Reads the files on each call.
   */
  public static Function<ConnectionProfile, PathCatalog> pathsOf(
      Path workingDir, Path defaultPathsDir) {
    return profile ->
        new PathDefinitions()
            .readDirectory(
                profile.pathsDir() != null
                    ? workingDir.resolve(profile.pathsDir())
                    : defaultPathsDir);
  }

  /**
   * Checks both sources of {@code profile}, and its path definitions when this check was made with
   * them (only once Elasticsearch answered: else {@link PathsCheck.State#NOT_CHECKED}).
   *
   * @throws Cancellation.CancelledException when {@code cancel} was cancelled
   */
  public ConnectionReport check(ConnectionProfile profile, Cancellation cancel) {
    List<Notice> notices = new ArrayList<>();
    tlsOff(ELASTICSEARCH, profile.elasticsearch(), notices);
    tlsOff(PROMETHEUS, profile.prometheus(), notices);
    PathCatalog catalog = paths.apply(profile);
    Elastic elastic = elasticsearch(profile.elasticsearch(), catalog, cancel);
    cancel.check();
    SourceCheck prometheus =
        profile.prometheus() == null
            ? SourceCheck.notConfigured(PROMETHEUS)
            : prometheus(profile.prometheus(), cancel);
    cancel.check();
    return new ConnectionReport(
        profile.name(), elastic.check(), prometheus, notices, elastic.paths());
  }

  /**
   * Checks every index pattern of every path of {@code catalog} against {@code elasticsearch}
   * ({@code paths --validate --profile P}); the catalog's own file problems come first.
   *
   * @throws Cancellation.CancelledException when {@code cancel} was cancelled
   */
  public PathsCheck checkPaths(Endpoint elasticsearch, PathCatalog catalog, Cancellation cancel) {
    try (ElasticConnection es = ElasticConnection.open(settings(elasticsearch))) {
      return paths(es, catalog, cancel);
    } catch (IllegalArgumentException e) { // a certificate or key file that cannot be used
      return PathsCheck.failed(
          names(catalog), problem(ELASTICSEARCH, elasticsearch.url().toString(), e));
    }
  }

  private static PathsCheck paths(ElasticConnection es, PathCatalog catalog, Cancellation cancel) {
    try {
      return new PathsChecker(PathsChecker.Cluster.of(new IndexProbe(es)), cancel).check(catalog);
    } catch (Cancellation.CancelledException e) {
      throw e;
    } catch (SourceException e) {
      return PathsCheck.failed(names(catalog), e.getMessage());
    } catch (RuntimeException e) {
      return PathsCheck.failed(names(catalog), problem(ELASTICSEARCH, es.url(), e));
    }
  }

  private static List<String> names(PathCatalog catalog) {
    return catalog.paths().stream().map(org.hopscope.model.PathDef::name).toList();
  }

  private static ElasticSettings settings(Endpoint endpoint) {
    return ElasticSettings.from(endpoint)
        .withTimeouts(endpoint.connectTimeout(), shorter(endpoint.requestTimeout()))
        .withMaxAttempts(1);
  }

  private static void tlsOff(String source, Endpoint endpoint, List<Notice> notices) {
    if (endpoint != null && endpoint.tls().insecure()) {
      notices.add(new Notice.TlsVerificationOff(source, endpoint.url().toString()));
    }
  }

  /** What Elasticsearch said about itself, and about the paths' patterns and fields. */
  private record Elastic(SourceCheck check, PathsCheck paths) {}

  /** The cluster's facts; then, on the same connection, the check of {@code catalog} if any. */
  private static Elastic elasticsearch(
      Endpoint endpoint, PathCatalog catalog, Cancellation cancel) {
    String url = endpoint.url().toString();
    try {
      try (ElasticConnection es = ElasticConnection.open(settings(endpoint))) {
        ClusterInfo info = es.info(cancel);
        PathsCheck paths = catalog == null ? PathsCheck.notChecked() : paths(es, catalog, cancel);
        return new Elastic(
            new SourceCheck(
                info.product(),
                State.REACHABLE,
                es.url(),
                info.version(),
                info.clusterName(),
                info.health(),
                null,
                null,
                info.notes()),
            paths);
      }
    } catch (Cancellation.CancelledException e) {
      throw e;
    } catch (SourceException e) {
      return new Elastic(
          SourceCheck.failed(ELASTICSEARCH, url, e.kind(), e.getMessage()),
          PathsCheck.notChecked());
    } catch (RuntimeException e) {
      return new Elastic(
          SourceCheck.failed(
              ELASTICSEARCH, url, SourceException.Kind.REJECTED, problem(ELASTICSEARCH, url, e)),
          PathsCheck.notChecked());
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
