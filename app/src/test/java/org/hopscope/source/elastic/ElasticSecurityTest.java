package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hopscope.sandbox.Sandbox;
import org.hopscope.sandbox.SandboxConfig;
import org.hopscope.sandbox.SandboxState;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
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
  private SandboxState state;
  private String https;

  @BeforeAll
  void up() {
    sandbox =
        new Sandbox(
            new SandboxConfig(
                DIR,
                "127.0.0.1",
                Integer.getInteger("hopscope.elastic.security-test.es-port", 19250),
                Integer.getInteger("hopscope.elastic.security-test.prometheus-port", 19350),
                Integer.getInteger("hopscope.elastic.security-test.exporter-port", 19351)),
            new PrintStream(PrintStream.nullOutputStream()));
    state = withShortClassPath(() -> sandbox.up(true));
    https = state.elasticsearchUrl();
  }

  /**
   * Runs {@code up} with {@code java.class.path} pointing at a one-entry "pathing" jar whose
   * manifest lists this JVM's class path. Why: the sandbox recognises its exporter process by its
   * command line, which the JDK cuts at 4,096 bytes on Linux; the test JVM's long class path pushed
   * the marker past that, so {@code up} reported "exited while starting" for a running exporter.
   */
  private static SandboxState withShortClassPath(java.util.function.Supplier<SandboxState> up) {
    String original = System.getProperty("java.class.path");
    try {
      Path jar = DIR.resolve("classpath.jar");
      Files.createDirectories(DIR);
      java.util.jar.Manifest manifest = new java.util.jar.Manifest();
      manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest
          .getMainAttributes()
          .put(
              java.util.jar.Attributes.Name.CLASS_PATH,
              java.util.Arrays.stream(original.split(java.io.File.pathSeparator))
                  .map(e -> Path.of(e).toAbsolutePath().toUri().toString())
                  .collect(java.util.stream.Collectors.joining(" ")));
      try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
        out.flush();
      }
      System.setProperty("java.class.path", jar.toString());
      return up.get();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      System.setProperty("java.class.path", original);
    }
  }

  @AfterAll
  void down() {
    sandbox.down();
  }

  private ElasticSettings trusted() {
    return ElasticSettings.of(https).withCaCertificate(state.caCertificate());
  }

  private static ClusterInfo info(ElasticSettings settings, List<String> warnings) {
    try (ElasticConnection c = ElasticConnection.open(settings, warnings::add)) {
      return c.info(Cancellation.none());
    }
  }

  @Test
  void basicAuthOverHttpsWithTheSandboxCa() {
    List<String> warnings = new ArrayList<>();
    ElasticSettings settings =
        trusted().withAuth(new ElasticSettings.Auth.Basic(state.user(), state.password()));
    assertThat(info(settings, warnings).version()).isEqualTo("8.19.21");
    assertThat(warnings).isEmpty();
    try (ElasticEventSource source =
        new ElasticEventSource(ElasticConnection.open(settings, warnings::add))) {
      assertThat(
              source
                  .find(SeededOrders.byMessageId(Set.of("ord-1")), null, 10, Cancellation.none())
                  .events())
          .isEmpty();
    }
  }

  @Test
  void bearerToken() {
    ClusterInfo info =
        info(trusted().withAuth(new ElasticSettings.Auth.Bearer(state.serviceToken())), List.of());
    assertThat(info.version()).isEqualTo("8.19.21");
  }

  @Test
  void wrongPasswordIsAnAuthErrorThatSaysWhatToCheck() {
    ElasticSettings settings =
        trusted().withAuth(new ElasticSettings.Auth.Basic(state.user(), "wrong-password"));
    assertThatThrownBy(() -> info(settings, List.of()))
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
    assertThatThrownBy(() -> info(trusted(), List.of()))
        .isInstanceOfSatisfying(
            SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.AUTH));
  }

  @Test
  void withoutTheCaTheTlsErrorSaysToConfigureIt() {
    ElasticSettings settings =
        ElasticSettings.of(https)
            .withAuth(new ElasticSettings.Auth.Basic(state.user(), state.password()));
    assertThatThrownBy(() -> info(settings, List.of()))
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
  void insecureWorksAndWarns() {
    List<String> warnings = new ArrayList<>();
    ElasticSettings settings =
        ElasticSettings.of(https)
            .withInsecure(true)
            .withAuth(new ElasticSettings.Auth.Basic(state.user(), state.password()));
    assertThat(info(settings, warnings).version()).isEqualTo("8.19.21");
    assertThat(warnings)
        .containsExactly(
            "WARNING: TLS certificate verification is OFF for "
                + https
                + " (insecure): anyone on the network path can read and change the traffic."
                + " Configure the cluster's CA certificate instead.");
  }

  @Test
  void plainHttpToTheHttpsPortIsUnreachable() {
    String http = https.replace("https://", "http://");
    assertThatThrownBy(
            () ->
                info(
                    ElasticSettings.of(http)
                        .withAuth(new ElasticSettings.Auth.Basic(state.user(), state.password())),
                    List.of()))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE);
              assertThat(e.getMessage()).contains(http);
            });
  }

  @Test
  void clientCertificateFromPemIsLoadedForMutualTls() throws Exception {
    ClientCertificate client = ClientCertificate.make(DIR.resolve("client"));
    for (Path key : List.of(client.pkcs8Key(), client.pkcs1Key())) {
      ElasticSettings settings =
          trusted()
              .withClientCertificate(client.certificate(), key)
              .withAuth(new ElasticSettings.Auth.Basic(state.user(), state.password()));
      assertThat(info(settings, List.of()).version()).as(key.toString()).isEqualTo("8.19.21");
    }
    assertThatThrownBy(() -> trusted().withClientCertificate(client.certificate(), null))
        .hasMessage("mutual TLS needs both a client certificate and its private key (PEM files)");
    assertThatThrownBy(() -> ElasticTls.privateKey(client.certificate()))
        .hasMessageContaining("holds no unencrypted PKCS#8 or RSA private key");
    assertThatThrownBy(() -> ElasticTls.certificates(client.pkcs8Key(), "CA certificate"))
        .hasMessageContaining("is not a PEM certificate");
  }
}
