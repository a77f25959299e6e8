package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hopscope.faults.Fault;
import org.hopscope.model.BlindSource;
import org.hopscope.model.BlindSource.Reason;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Tls;
import org.hopscope.sandbox.Sandbox;
import org.hopscope.sandbox.SandboxConfig;
import org.hopscope.sandbox.SandboxState;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.hopscope.source.TlsContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Authentication and TLS against a real Elasticsearch with security on: a sandbox of its own
 * ({@code up --security}), on ports 19250/19350/19351 unless the system properties {@code
 * hopscope.elastic.security-test.{es,prometheus,exporter}-port} say otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticSecurityTest {

  private static final Path DIR = Path.of("target", "it-elastic-security").toAbsolutePath();

  private Sandbox sandbox;
  private SandboxConfig config;
  private SandboxState state;
  private String https;

  @BeforeAll
  void up() {
    config =
        new SandboxConfig(
            DIR,
            "127.0.0.1",
            Integer.getInteger("hopscope.elastic.security-test.es-port", 19250),
            Integer.getInteger("hopscope.elastic.security-test.prometheus-port", 19350),
            Integer.getInteger("hopscope.elastic.security-test.exporter-port", 19351));
    sandbox = new Sandbox(config, new PrintStream(PrintStream.nullOutputStream()));
    state = sandbox.up(true);
    https = state.elasticsearchUrl();
  }

  @AfterAll
  void down() {
    sandbox.down();
  }

  private ElasticSettings trusted() {
    return ElasticSettings.of(https).withTls(new Tls(state.caCertificate(), false, null, null));
  }

  private static ClusterInfo info(ElasticSettings settings) {
    try (ElasticConnection c = ElasticConnection.open(settings)) {
      return c.info(Cancellation.none());
    }
  }

  @Test
  void basicAuthOverHttpsWithTheSandboxCa() {
    ElasticSettings settings = trusted().withAuth(new Auth.Basic(state.user(), state.password()));
    assertThat(info(settings).version()).isEqualTo("8.19.21");
    try (ElasticEventSource source = new ElasticEventSource(ElasticConnection.open(settings))) {
      assertThat(
              source
                  .find(SeededOrders.byMessageId(Set.of("ord-1")), null, 10, Cancellation.none())
                  .events())
          .isEmpty();
    }
  }

  @Test
  void bearerToken() {
    ClusterInfo info = info(trusted().withAuth(new Auth.Bearer(state.serviceToken())));
    assertThat(info.version()).isEqualTo("8.19.21");
  }

  @Test
  void wrongPasswordIsAnAuthErrorThatSaysWhatToCheck() {
    ElasticSettings settings = trusted().withAuth(new Auth.Basic(state.user(), "wrong-password"));
    assertThatThrownBy(() -> info(settings))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SourceException.Kind.AUTH);
              assertThat(e.getMessage())
                  .startsWith("Elasticsearch at " + https + " refused the credentials (401")
                  .contains("unable to authenticate user [" + state.user() + "]")
                  .endsWith(
                      "Check the user and password, API key or token of the connection profile.");
            });
  }

  @Test
  void noCredentialsIsAnAuthError() {
    assertThatThrownBy(() -> info(trusted()))
        .isInstanceOfSatisfying(
            SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.AUTH));
  }

  @Test
  @Fault(Fault.Area.SECRETS)
  void withoutTheCaTheTlsErrorSaysToConfigureIt() {
    ElasticSettings settings =
        ElasticSettings.of(https).withAuth(new Auth.Basic(state.user(), state.password()));
    assertThatThrownBy(() -> info(settings))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE);
              assertThat(e.getMessage())
                  .startsWith(
                      "TLS: the certificate of Elasticsearch at " + https + " is not trusted")
                  .contains("Configure the cluster's CA certificate (PEM file)");
            });
  }

  @Test
  void insecureWorks() {
    ElasticSettings settings =
        ElasticSettings.of(https)
            .withTls(new Tls(null, true, null, null))
            .withAuth(new Auth.Basic(state.user(), state.password()));
    assertThat(info(settings).version()).isEqualTo("8.19.21");
  }

  @Test
  @Fault(Fault.Area.SECRETS)
  void plainHttpToTheHttpsPortIsUnreachable() {
    String http = https.replace("https://", "http://");
    assertThatThrownBy(
            () ->
                info(
                    ElasticSettings.of(http)
                        .withAuth(new Auth.Basic(state.user(), state.password()))))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE);
              assertThat(e.getMessage()).contains(http);
            });
  }

  @Test
  void aUserWithoutReadOnANamedIndexFindsItNoPrivilegeAndAForbiddenWildcardNoIndex()
      throws Exception {
    RestrictedUser blind = RestrictedUser.ensure(config, state);
    ElasticSettings restricted = trusted().withAuth(new Auth.Basic(blind.name(), blind.password()));
    List<String> patterns =
        List.of("blind-open-*", "blind-secret-1", "blind-secret-*", "blind-*", "blind-nothing-*");

    try (ElasticEventSource source = new ElasticEventSource(ElasticConnection.open(restricted))) {
      assertThat(source.blindSources(patterns, Cancellation.none()))
          .containsExactly(
              new BlindSource(
                  "blind-secret-1",
                  Reason.NO_PRIVILEGE,
                  "security_exception: action [indices:data/read/search] is unauthorized for user"
                      + " [hopscope-blind] with effective roles [hopscope-blind-reader] on indices"
                      + " [blind-secret-1], this action is granted by the index privileges"
                      + " [read,all]"),
              // Elasticsearch does not tell a wildcard over forbidden indices from a missing one
              new BlindSource(
                  "blind-secret-*",
                  Reason.NO_INDEX,
                  "index_not_found_exception: no such index [blind-secret-*]"),
              new BlindSource(
                  "blind-nothing-*",
                  Reason.NO_INDEX,
                  "index_not_found_exception: no such index [blind-nothing-*]"));
    }
    ElasticSettings superuser = trusted().withAuth(new Auth.Basic(state.user(), state.password()));
    try (ElasticEventSource source = new ElasticEventSource(ElasticConnection.open(superuser))) {
      assertThat(source.blindSources(patterns, Cancellation.none()))
          .containsExactly(
              new BlindSource(
                  "blind-nothing-*",
                  Reason.NO_INDEX,
                  "index_not_found_exception: no such index [blind-nothing-*]"));
    }
  }

  @Test
  void clientCertificateFromPemIsLoadedForMutualTls() throws Exception {
    ClientCertificate client = ClientCertificate.make(DIR.resolve("client"));
    for (Path key : List.of(client.pkcs8Key(), client.pkcs1Key())) {
      ElasticSettings settings =
          ElasticSettings.of(https)
              .withTls(new Tls(state.caCertificate(), false, client.certificate(), key))
              .withAuth(new Auth.Basic(state.user(), state.password()));
      assertThat(info(settings).version()).as(key.toString()).isEqualTo("8.19.21");
    }
    assertThatThrownBy(() -> new Tls(state.caCertificate(), false, client.certificate(), null))
        .hasMessage("mutual TLS needs both a client certificate and its private key (PEM files)");
    Tls certificateAsKey = new Tls(null, false, client.certificate(), client.certificate());
    assertThatThrownBy(() -> TlsContexts.context(certificateAsKey))
        .hasMessageContaining("holds no unencrypted PKCS#8 or RSA private key");
    assertThatThrownBy(() -> TlsContexts.context(new Tls(client.pkcs8Key(), false, null, null)))
        .hasMessageContaining("is not a PEM certificate");
  }
}
