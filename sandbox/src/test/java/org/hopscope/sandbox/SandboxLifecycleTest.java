package org.hopscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code up}, {@code status}, {@code down} in plain mode against the real servers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxLifecycleTest {

  private static final Path DIR = Path.of("target", "it-lifecycle").toAbsolutePath();
  private static final List<String> ARGS =
      List.of(
          "--dir", DIR.toString(),
          "--es-port", "19230",
          "--prometheus-port", "19330",
          "--exporter-port", "19331");
  private static final SandboxConfig CONFIG =
      new SandboxConfig(DIR, "127.0.0.1", 19230, 19330, 19331);

  /** A sandbox with --dir writes its own profile, named after the folder, never 'sandbox'. */
  private static final Path PROFILE =
      CONFIG.configDir().resolve("profiles").resolve("sandbox-it-lifecycle.yaml");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private CliRun firstUp;

  @BeforeAll
  void up() throws IOException {
    java.nio.file.Files.deleteIfExists(PROFILE); // left by an earlier run: this up writes it
    firstUp = CliRun.of(ARGS, "up");
    assertThat(firstUp.exitCode()).as(firstUp.toString()).isZero();
  }

  @AfterAll
  void down() {
    CliRun down = CliRun.of(ARGS, "down");
    assertThat(down.exitCode()).as(down.toString()).isZero();
  }

  @Test
  @Order(1)
  void upReportsEachServiceAndWritesTheState() {
    assertThat(firstUp.out())
        .contains("Elasticsearch 8.19.21 started on http://127.0.0.1:19230 (green)")
        .contains("started on http://127.0.0.1:19330 in ")
        .contains("Exporter started on http://127.0.0.1:19331/metrics")
        .contains("Alertmanager started on http://127.0.0.1:19333 in ");
    SandboxState state =
        new Sandbox(CONFIG, new PrintStream(PrintStream.nullOutputStream())).state().orElseThrow();
    assertThat(state)
        .isEqualTo(
            new SandboxState(
                "http://127.0.0.1:19230",
                false,
                null,
                null,
                null,
                null,
                "http://127.0.0.1:19330",
                "http://127.0.0.1:19331",
                null,
                null,
                PROFILE,
                "http://127.0.0.1:19333"));
    assertThat(firstUp.out())
        .contains(
            "Profile         sandbox-it-lifecycle written to "
                + PROFILE
                + " (hopscope flow --profile sandbox-it-lifecycle ...)");
  }

  @Test
  @Order(2)
  void statusJsonHasTheAgreedKeys() throws IOException {
    CliRun status = CliRun.of(ARGS, "status", "--json");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    JsonNode s = json.readTree(status.out());
    assertThat(s.path("elasticsearch").asText()).isEqualTo("http://127.0.0.1:19230");
    assertThat(s.path("prometheus").asText()).isEqualTo("http://127.0.0.1:19330");
    assertThat(s.path("seeded").isBoolean()).isTrue();
    assertThat(s.path("seeded").asBoolean()).isFalse();
    assertThat(s.path("manifest").asText()).isEqualTo(DIR.resolve("manifest.json").toString());
    assertThat(s.path("versions").path("elasticsearch").asText()).isEqualTo("8.19.21");
    assertThat(s.path("versions").path("prometheus").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(s.path("documents").asLong(-1)).isZero();
    assertThat(s.path("security").path("enabled").asBoolean(true)).isFalse();
    assertThat(s.path("alertmanager").asText())
        .as("prometheus-alertmanager is installed (./hopscope check installs it)")
        .isEqualTo("http://127.0.0.1:19333");
    for (String p : List.of("elasticsearch", "prometheus", "exporter", "alertmanager")) {
      assertThat(s.path("processes").path(p).path("running").asBoolean()).as(p).isTrue();
      assertThat(s.path("processes").path(p).path("pid").asLong()).as(p).isPositive();
    }
  }

  @Test
  @Order(3)
  void elasticsearchIsGreenAndTheConfiguredVersion() throws Exception {
    JsonNode nodes = getJson("http://127.0.0.1:19230/_nodes/_local").path("nodes");
    assertThat(nodes.size()).isEqualTo(1);
    assertThat(nodes.elements().next().path("version").asText())
        .isEqualTo("8.19.21")
        .isEqualTo(Versions.elasticsearch());
    assertThat(getJson("http://127.0.0.1:19230/_cluster/health").path("status").asText())
        .isEqualTo("green");
  }

  @Test
  @Order(4)
  void prometheusScrapesTheExporterAsTheBackfilledSeries() throws Exception {
    String query =
        "http://127.0.0.1:19330/api/v1/query?query="
            + URLEncoder.encode(
                "up{job=\"orders-sandbox\",instance=\"sandbox\"}", StandardCharsets.UTF_8);
    JsonNode[] last = new JsonNode[1];
    boolean scraped =
        Poll.until(
            Duration.ofSeconds(30),
            () -> {
              last[0] = getJsonUnchecked(query).path("data").path("result");
              return last[0].size() == 1
                  && last[0].get(0).path("value").get(1).asText().equals("1");
            });
    assertThat(scraped).as("up{job=orders-sandbox} = 1, last answer %s", last[0]).isTrue();
  }

  @Test
  @Order(4)
  void prometheusHasTheAlertingRulesAndSendsToTheAlertmanager() throws Exception {
    JsonNode groups = getJson("http://127.0.0.1:19330/api/v1/rules").path("data").path("groups");
    assertThat(groups.size()).isEqualTo(1);
    assertThat(groups.get(0).path("name").asText()).isEqualTo(SandboxAlertRules.GROUP);
    List<String> names = new java.util.ArrayList<>();
    groups.get(0).path("rules").forEach(r -> names.add(r.path("name").asText()));
    assertThat(names)
        .containsExactlyElementsOf(
            SandboxAlertRules.RULES.stream().map(SandboxAlertRules.Rule::name).toList());
    // Prometheus discovers its Alertmanagers after it starts answering: wait for it
    JsonNode[] managers = new JsonNode[1];
    boolean discovered =
        Poll.until(
            Duration.ofSeconds(30),
            () -> {
              managers[0] =
                  getJsonUnchecked("http://127.0.0.1:19330/api/v1/alertmanagers")
                      .path("data")
                      .path("activeAlertmanagers");
              return managers[0].size() == 1;
            });
    assertThat(discovered).as("active Alertmanagers, last answer %s", managers[0]).isTrue();
    assertThat(managers[0].get(0).path("url").asText())
        .isEqualTo("http://127.0.0.1:19333/api/v2/alerts");
    assertThat(java.nio.file.Files.readString(PROFILE))
        .contains("alertmanager:\n  url: \"http://127.0.0.1:19333\"\n  auth: none\n");
  }

  @Test
  @Order(5)
  void secondUpIsANoOp() throws IOException {
    Map<String, Long> before = pids();
    CliRun again = CliRun.of(ARGS, "up");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out())
        .contains("Everything is already running in " + DIR + "; nothing started.")
        .contains("Profile         sandbox-it-lifecycle unchanged in " + PROFILE)
        .doesNotContain("started on");
    assertThat(pids()).isEqualTo(before);
  }

  @Test
  @Order(6)
  void aBusyPortIsNamedWithItsFlagAndNothingStarts() throws IOException {
    Path busyDir = Path.of("target", "it-busy").toAbsolutePath();
    Tree.delete(busyDir);
    int freeProm;
    int freeExporter;
    try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      freeProm = a.getLocalPort();
      freeExporter = b.getLocalPort();
    }
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      CliRun up =
          CliRun.of(
              List.of(
                  "--dir", busyDir.toString(),
                  "--es-port", Integer.toString(port),
                  "--prometheus-port", Integer.toString(freeProm),
                  "--exporter-port", Integer.toString(freeExporter)),
              "up");
      assertThat(up.exitCode()).as(up.toString()).isEqualTo(1);
      assertThat(up.err())
          .contains(
              "port "
                  + port
                  + " on 127.0.0.1 (Elasticsearch HTTP) is already in use by another"
                  + " program; choose another with --es-port PORT")
          .contains("Nothing was started.");
    }
    assertThat(busyDir.resolve("run")).doesNotExist();
    assertThat(busyDir.resolve("elasticsearch")).doesNotExist();
    assertThat(Ports.isFree("127.0.0.1", freeProm)).isTrue();
    assertThat(Ports.isFree("127.0.0.1", freeExporter)).isTrue();
  }

  @Test
  @Order(7)
  void downStopsExactlyWhatUpStartedAndStatusSaysStopped() throws IOException {
    Map<String, Long> pids = pids();
    CliRun down = CliRun.of(ARGS, "down");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(down.out())
        .contains("Exporter stopped (pid " + pids.get("exporter") + ")")
        .contains("Prometheus stopped (pid " + pids.get("prometheus") + ")")
        .contains("Alertmanager stopped (pid " + pids.get("alertmanager") + ")")
        .contains("Elasticsearch stopped (pid " + pids.get("elasticsearch") + ")");
    for (long pid : pids.values()) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
          .as("pid " + pid)
          .isNotEqualTo(java.util.Optional.of(true));
    }
    for (int port : List.of(19230, 20230, 19330, 19331, 19333)) {
      assertThat(Ports.isFree("127.0.0.1", port)).as("port " + port).isTrue();
    }
    assertThat(DIR.resolve("run").resolve("prometheus.pid")).doesNotExist();
    assertThat(DIR.resolve("run").resolve("exporter.pid")).doesNotExist();

    CliRun status = CliRun.of(ARGS, "status");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out().lines().filter(l -> l.contains(" stopped ")).count()).isEqualTo(4);
    CliRun again = CliRun.of(ARGS, "down");
    assertThat(again.out()).isEqualTo("Nothing was running in " + DIR + ".\n");
  }

  private Map<String, Long> pids() throws IOException {
    JsonNode processes = json.readTree(CliRun.of(ARGS, "status", "--json").out()).path("processes");
    return Map.of(
        "elasticsearch", processes.path("elasticsearch").path("pid").asLong(),
        "prometheus", processes.path("prometheus").path("pid").asLong(),
        "exporter", processes.path("exporter").path("pid").asLong(),
        "alertmanager", processes.path("alertmanager").path("pid").asLong());
  }

  private JsonNode getJson(String url) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url + " -> " + r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private JsonNode getJsonUnchecked(String url) {
    try {
      return getJson(url);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
