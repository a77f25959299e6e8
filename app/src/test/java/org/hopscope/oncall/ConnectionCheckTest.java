package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.faults.Fault;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.oncall.ConnectionReport.SourceCheck;
import org.hopscope.oncall.ConnectionReport.State;
import org.hopscope.sandbox.ElasticsearchNode;
import org.hopscope.sandbox.PrometheusBinary;
import org.hopscope.sandbox.SearchEngine;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.hopscope.ui.UiSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** "Test connection" against the real test sandbox and against a port where nothing listens. */
@ExtendWith(SandboxExtension.class)
class ConnectionCheckTest {

  private final ConnectionCheck check = new ConnectionCheck();

  @Test
  void sandboxReportsVersionClusterHealthAndPrometheusBuild(TestSandbox sandbox) {
    ConnectionReport report = check.check(UiSandbox.profile(sandbox), Cancellation.none());

    SourceCheck es = report.elasticsearch();
    assertThat(es.state()).isEqualTo(State.REACHABLE);
    assertThat(es.url()).isEqualTo(sandbox.state().elasticsearchUrl());
    // the engine that answered names the check: "OpenSearch 2.19.4" on the OpenSearch sandbox
    assertThat(es.source() + " " + es.version()).isEqualTo(engineAndVersion(sandbox));
    assertThat(es.clusterName()).isEqualTo(ElasticsearchNode.CLUSTER);
    // the seed's indices have no replicas on the one-node cluster
    assertThat(es.health()).isEqualTo("green");
    assertThat(es.error()).isNull();
    assertThat(es.notes()).isEmpty();
    assertThat(es.summary()).isEqualTo("green " + es.version());

    SourceCheck prom = report.prometheus();
    String expected = PrometheusBinary.onPath().orElseThrow().version();
    assertThat(expected).matches("\\d+\\.\\d+\\.\\d+\\S*"); // Debian: 2.42.0+ds
    assertThat(prom.state()).isEqualTo(State.REACHABLE);
    assertThat(prom.url()).isEqualTo(sandbox.state().prometheusUrl());
    assertThat(prom.version()).isEqualTo(expected);
    assertThat(prom.summary()).isEqualTo("up " + expected);
    assertThat(report.notices()).isEmpty();
    assertThat(report.profile()).isEqualTo("test");
    // the status bar's probe checks the sources only
    assertThat(report.paths()).isEqualTo(PathsCheck.notChecked());
  }

  private static String engineAndVersion(TestSandbox sandbox) {
    return sandbox.engine() == SearchEngine.OPENSEARCH
        ? "OpenSearch 2.19.4"
        : "Elasticsearch 8.19.21";
  }

  @Test
  void withItsPathsEveryPatternOfEveryPathIsCheckedAndTheOrdersPathIsFine(
      TestSandbox sandbox, @TempDir Path dir) throws IOException {
    Files.copy(UiSandbox.queriesDir().resolve("orders.yaml"), dir.resolve("orders.yaml"));
    ConnectionCheck withPaths = new ConnectionCheck(ConnectionCheck.pathsOf(dir, dir));

    ConnectionReport report = withPaths.check(UiSandbox.profile(sandbox), Cancellation.none());

    assertThat(report.elasticsearch().source() + " " + report.elasticsearch().summary())
        .isEqualTo(engineAndVersion(sandbox).replace(" ", " green "));
    assertThat(report.paths())
        .isEqualTo(new PathsCheck(PathsCheck.State.OK, List.of("orders"), 7, List.of(), null));
    assertThat(report.paths().summary())
        .isEqualTo("7 index patterns of 1 path readable, fields mapped");
  }

  @Test
  void aMisspeltPatternAndMissingOrWronglyTypedFieldsAreListedWhereWritten(
      TestSandbox sandbox, @TempDir Path dir) throws IOException {
    Path file = BrokenPath.writeInto(dir);
    ConnectionCheck withPaths = new ConnectionCheck(ConnectionCheck.pathsOf(dir, dir));

    ConnectionReport report = withPaths.check(UiSandbox.profile(sandbox), Cancellation.none());

    assertThat(report.elasticsearch().state()).isEqualTo(State.REACHABLE);
    PathsCheck paths = report.paths();
    assertThat(paths.state()).isEqualTo(PathsCheck.State.PROBLEMS);
    assertThat(paths.findings()).containsExactlyElementsOf(BrokenPath.findings(file));
    assertThat(paths.summary()).isEqualTo("4 problems in 5 index patterns of 1 path");
    assertThat(paths.findings().get(2).text())
        .isEqualTo(
            file
                + ":25:16: path broken, hop fulfilment-service, index logs-fulfilmnet-*: no index,"
                + " alias or data stream this user may read matches it (index_not_found_exception:"
                + " no such index [logs-fulfilmnet-*]); did you mean logs-fulfilment-*?");
  }

  @Test
  void pathsAreNotCheckedWhenElasticsearchDoesNotAnswer(@TempDir Path dir) throws IOException {
    BrokenPath.writeInto(dir);
    String url = "http://127.0.0.1:" + freePort();
    ConnectionProfile dead =
        new ConnectionProfile("dead", Endpoint.of(URI.create(url)), null, null);

    ConnectionReport report =
        new ConnectionCheck(ConnectionCheck.pathsOf(dir, dir)).check(dead, Cancellation.none());

    assertThat(report.elasticsearch().state()).isEqualTo(State.FAILED);
    assertThat(report.paths()).isEqualTo(PathsCheck.notChecked());
  }

  @Fault(Fault.Area.BACKENDS)
  @Test
  void checkingPathsOnAnUnreachableClusterFailsNamingIt(@TempDir Path dir) throws IOException {
    BrokenPath.writeInto(dir);
    String url = "http://127.0.0.1:" + freePort();

    PathsCheck check =
        new ConnectionCheck()
            .checkPaths(
                Endpoint.of(URI.create(url)),
                new org.hopscope.config.PathDefinitions().readDirectory(dir),
                Cancellation.none());

    assertThat(check.state()).isEqualTo(PathsCheck.State.FAILED);
    assertThat(check.paths()).containsExactly("broken");
    assertThat(check.error())
        .isEqualTo(
            "Elasticsearch at "
                + url
                + " is unreachable (connection refused) for the check of the index patterns"
                + " [gateway-access-*, logs-order-service-*, logs-fulfilmnet-*, jaeger-span-*,"
                + " logs-erp-confirmation-*]. Check the URL, that Elasticsearch is running, and"
                + " your VPN or network.");
    assertThat(check.summary()).isEqualTo("check failed");
  }

  @Test
  void deadPortsGiveTheExactErrorNamingTheUrl() throws IOException {
    String url = "http://127.0.0.1:" + freePort();
    ConnectionProfile dead =
        new ConnectionProfile(
            "dead", Endpoint.of(URI.create(url)), Endpoint.of(URI.create(url)), null);

    ConnectionReport report = check.check(dead, Cancellation.none());

    SourceCheck es = report.elasticsearch();
    assertThat(es.state()).isEqualTo(State.FAILED);
    assertThat(es.failure()).isEqualTo(SourceException.Kind.UNREACHABLE);
    assertThat(es.error())
        .isEqualTo(
            "Elasticsearch at "
                + url
                + " is unreachable (connection refused) for GET"
                + " /_nodes/_local?filter_path=cluster_name,nodes.*.version. Check the URL, that"
                + " Elasticsearch is running, and your VPN or network.");
    assertThat(es.summary()).isEqualTo("unreachable");
    SourceCheck prom = report.prometheus();
    assertThat(prom.state()).isEqualTo(State.FAILED);
    assertThat(prom.failure()).isEqualTo(SourceException.Kind.UNREACHABLE);
    assertThat(prom.error())
        .isEqualTo(
            "Prometheus "
                + url
                + " unreachable: connection refused; is Prometheus running there and the URL's"
                + " port right?");
  }

  @Test
  @Fault(Fault.Area.SECRETS)
  void aProfileWithTlsVerificationOffSaysSoInTheReport() throws IOException {
    String url = "https://127.0.0.1:" + freePort();
    Endpoint insecure =
        new Endpoint(
            URI.create(url),
            new org.hopscope.model.connection.Auth.None(),
            new org.hopscope.model.connection.Tls(null, true, null, null),
            Endpoint.DEFAULT_CONNECT_TIMEOUT,
            Endpoint.DEFAULT_REQUEST_TIMEOUT);

    ConnectionReport report =
        check.check(new ConnectionProfile("tls-off", insecure, null, null), Cancellation.none());

    assertThat(report.notices())
        .containsExactly(new org.hopscope.model.Notice.TlsVerificationOff("Elasticsearch", url));
  }

  @Test
  void prometheusIsOptional(TestSandbox sandbox) {
    ConnectionProfile esOnly =
        new ConnectionProfile(
            "es-only", Endpoint.of(URI.create(sandbox.state().elasticsearchUrl())), null, null);

    ConnectionReport report = check.check(esOnly, Cancellation.none());

    assertThat(report.elasticsearch().state()).isEqualTo(State.REACHABLE);
    assertThat(report.prometheus())
        .isEqualTo(
            new SourceCheck(
                "Prometheus", State.NOT_CONFIGURED, null, null, null, null, null, null, List.of()));
    assertThat(report.prometheus().summary()).isEqualTo("not configured");
  }

  @Test
  void prometheusUrlPointingAtElasticsearchSaysSoNamingTheUrl(TestSandbox sandbox) {
    String esUrl = sandbox.state().elasticsearchUrl();
    ConnectionProfile wrong =
        new ConnectionProfile(
            "wrong", Endpoint.of(URI.create(esUrl)), Endpoint.of(URI.create(esUrl)), null);

    SourceCheck prom = check.check(wrong, Cancellation.none()).prometheus();

    assertThat(prom.state()).isEqualTo(State.FAILED);
    assertThat(prom.failure()).isEqualTo(SourceException.Kind.REJECTED);
    assertThat(prom.error()).startsWith("Prometheus " + esUrl + " answered HTTP ");
  }

  @Test
  void aCancelledCheckThrowsInsteadOfReporting() throws IOException {
    Cancellation cancel = new Cancellation();
    cancel.cancel();
    String url = "http://127.0.0.1:" + freePort();
    ConnectionProfile p = new ConnectionProfile("p", Endpoint.of(URI.create(url)), null, null);

    assertThatThrownBy(() -> check.check(p, cancel))
        .isInstanceOf(Cancellation.CancelledException.class);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
