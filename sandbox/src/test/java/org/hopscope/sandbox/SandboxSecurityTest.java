package org.hopscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code up --security}: HTTPS with the sandbox CA, basic auth, bearer token, refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxSecurityTest {

  private static final Path DIR = Path.of("target", "it-security").toAbsolutePath();
  private static final List<String> ARGS =
      List.of(
          "--dir", DIR.toString(),
          "--es-port", "19240",
          "--prometheus-port", "19340",
          "--exporter-port", "19341");
  private static final String HTTPS = "https://127.0.0.1:19240";

  private final ObjectMapper json = new ObjectMapper();
  private CliRun up;
  private SandboxState state;
  private HttpClient trusting;

  @BeforeAll
  void up() throws IOException {
    // left by an earlier run: this up writes it
    java.nio.file.Files.deleteIfExists(
        Path.of(System.getProperty("hopscope.config.dir"), "profiles", "sandbox-it-security.yaml"));
    up = CliRun.of(ARGS, "up", "--security");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    state =
        new Sandbox(
                new SandboxConfig(DIR, "127.0.0.1", 19240, 19340, 19341),
                new PrintStream(PrintStream.nullOutputStream()))
            .state()
            .orElseThrow();
    trusting = state.elasticsearch().newClient();
  }

  @AfterAll
  void down() {
    CliRun down = CliRun.of(ARGS, "down");
    assertThat(down.exitCode()).as(down.toString()).isZero();
  }

  @Test
  void stateAndOutputTellHowToConnect() {
    assertThat(state.elasticsearchUrl()).isEqualTo(HTTPS);
    assertThat(state.security()).isTrue();
    assertThat(state.caCertificate()).isEqualTo(DIR.resolve("security").resolve("ca.crt"));
    assertThat(state.user()).isEqualTo("hopscope");
    assertThat(state.password()).hasSize(20);
    assertThat(up.out())
        .contains("Elasticsearch 8.19.21 started on " + HTTPS + " (green)")
        .contains("hopscope / " + state.password() + " (superuser)")
        .contains(
            "hopscope-reader / "
                + state.readerPassword()
                + " (read-only, the paths' indices only: role hopscope-paths-reader)")
        .contains(
            "Profile         sandbox-it-security written to "
                + state.profile()
                + ", as the read-only user hopscope-reader")
        .contains(
            "curl --cacert "
                + state.caCertificate()
                + " -u hopscope:"
                + state.password()
                + " "
                + HTTPS
                + "/_cluster/health")
        .contains("Authorization: Bearer " + state.serviceToken());
  }

  @Test
  void basicAuthOverHttpsWithTheSandboxCa() throws Exception {
    HttpResponse<String> r =
        trusting.send(
            state.elasticsearch().request("/_security/_authenticate").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode who = json.readTree(r.body());
    assertThat(who.path("username").asText()).isEqualTo("hopscope");
    assertThat(who.path("roles").toString()).isEqualTo("[\"superuser\"]");
  }

  @Test
  void theReaderMayReadThePathsIndicesOnlyAndNothingOfTheCluster() throws Exception {
    EsEndpoint reader = state.reader();
    HttpResponse<String> me =
        trusting.send(
            reader.request("/_security/_authenticate").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(json.readTree(me.body()).path("roles").toString())
        .isEqualTo("[\"hopscope-paths-reader\"]");
    HttpResponse<String> privileges =
        trusting.send(
            reader
                .request("/_security/user/_has_privileges")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"cluster\":[\"monitor\",\"manage\"],\"index\":[{\"names\":"
                            + "[\"gateway-access-2026.01.01\",\"clearing-x\",\"secrets-1\"],"
                            + "\"privileges\":[\"read\",\"view_index_metadata\",\"write\"]}]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(privileges.statusCode()).as(privileges.body()).isEqualTo(200);
    JsonNode has = json.readTree(privileges.body());
    assertThat(has.path("cluster").toString()).isEqualTo("{\"monitor\":false,\"manage\":false}");
    assertThat(has.path("index").toString())
        .isEqualTo(
            "{\"clearing-x\":{\"read\":true,\"view_index_metadata\":true,\"write\":false},"
                + "\"gateway-access-2026.01.01\":{\"read\":true,\"view_index_metadata\":true,"
                + "\"write\":false},\"secrets-1\":{\"read\":false,\"view_index_metadata\":false,"
                + "\"write\":false}}");
    String profile = java.nio.file.Files.readString(state.profile());
    assertThat(profile)
        .contains("  user: \"hopscope-reader\"\n")
        .contains("  password: \"" + state.readerPassword() + "\"\n")
        .doesNotContain(state.password());
  }

  @Test
  void serviceTokenAsBearer() throws Exception {
    HttpResponse<String> r =
        trusting.send(
            HttpRequest.newBuilder(URI.create(HTTPS + "/_security/_authenticate"))
                .header("Authorization", "Bearer " + state.serviceToken())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json.readTree(r.body()).path("username").asText()).isEqualTo("elastic/kibana");
  }

  @Test
  void noCredentialsIsUnauthorized() throws Exception {
    HttpResponse<String> r =
        trusting.send(
            HttpRequest.newBuilder(URI.create(HTTPS + "/_cluster/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void plainHttpFails() {
    HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    assertThatThrownBy(
            () ->
                plain.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:19240/_cluster/health"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void plainUpWhileSecureRunsSaysDownFirst() {
    CliRun plainUp = CliRun.of(ARGS, "up");
    assertThat(plainUp.exitCode()).as(plainUp.toString()).isEqualTo(1);
    assertThat(plainUp.err())
        .contains(
            "Elasticsearch in "
                + DIR
                + " is already running in security mode (HTTPS), but `up`"
                + " asks for plain mode. Run `hopscope sandbox down` first, then `hopscope"
                + " sandbox up`.");
  }

  @Test
  void statusJsonShowsSecurity() throws IOException {
    CliRun status = CliRun.of(ARGS, "status", "--json");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    JsonNode s = json.readTree(status.out());
    assertThat(s.path("elasticsearch").asText()).isEqualTo(HTTPS);
    assertThat(s.path("security").path("enabled").asBoolean()).isTrue();
    assertThat(s.path("security").path("serviceToken").asText()).isEqualTo(state.serviceToken());
    assertThat(s.path("documents").asLong(-1)).isZero();
  }
}
