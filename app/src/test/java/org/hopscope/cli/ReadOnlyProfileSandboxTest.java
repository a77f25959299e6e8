package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.hopscope.config.PathDefinitions;
import org.hopscope.faults.Fault;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.Hop;
import org.hopscope.model.PathDef;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.sandbox.EsEndpoint;
import org.hopscope.sandbox.Sandbox;
import org.hopscope.sandbox.SandboxConfig;
import org.hopscope.sandbox.SandboxState;
import org.hopscope.sandbox.SecuritySetup;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.sandbox.seed.PaymentsManifest;
import org.hopscope.sandbox.seed.SeedOptions;
import org.hopscope.sandbox.seed.Seeder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/**
 * The {@code --security} sandbox's profile as users run it: its read-only user (role {@value
 * SecuritySetup#READER_ROLE}: read and view_index_metadata on the paths' indices, no cluster
 * privilege) gets the same flows, stuck analyses and playbook outcomes as the superuser; an index
 * it may not read is unreadable, never zero. A sandbox of its own, seeded like the test sandbox, on
 * ports 19260/19360/19361 (the shared test sandbox has 19210/19290/19291); run it under {@code
 * flock /tmp/hopscope-sandbox.lock}.
 */
@Fault(Fault.Area.SANDBOX)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadOnlyProfileSandboxTest {

  private static final Path DIR = Path.of("target", "it-reader").toAbsolutePath();

  /** The tests' configuration folder (the build's hopscope.config.dir), where CliRun looks. */
  private static final Path CONFIG = Path.of(System.getProperty("hopscope.config.dir"));

  /**
   * A concrete index the read-only user may not read, holding copies of the settlement batcher's
   * documents; a copy of the payments path reads the batcher from it.
   */
  private static final String VAULT = "batcher-vault-1";

  private final ObjectMapper json = new ObjectMapper();
  private Sandbox sandbox;
  private SandboxState state;
  private Manifest manifest;
  private PaymentsManifest payments;
  private Path vaultPaths;

  @BeforeAll
  void up() throws Exception {
    SandboxConfig config = new SandboxConfig(DIR, "127.0.0.1", 19260, 19360, 19361, CONFIG);
    Files.deleteIfExists(CONFIG.resolve("profiles/sandbox-it-reader.yaml"));
    sandbox = new Sandbox(config, new PrintStream(PrintStream.nullOutputStream()));
    state = sandbox.up(true);
    if (!Files.isRegularFile(config.manifestFile())) {
      new Seeder(config, new PrintStream(PrintStream.nullOutputStream()))
          .seed(
              new SeedOptions(
                  3000,
                  7,
                  Duration.ofHours(3),
                  true,
                  Instant.now().truncatedTo(ChronoUnit.SECONDS),
                  SeedOptions.defaultPayments(3000)));
    }
    manifest = Manifest.read(config.manifestFile());
    payments = PaymentsManifest.read(config.paymentsManifestFile());
    writeSuperuserProfile();
    copyPostingsIntoTheVault();
    vaultPaths = DIR.resolveSibling("it-reader-vault-paths");
    Files.createDirectories(vaultPaths);
    Files.writeString(
        vaultPaths.resolve("payments.yaml"),
        Files.readString(Path.of(System.getProperty("hopscope.home"), "queries", "payments.yaml"))
            .replace("index: settlement-batcher-*", "index: " + VAULT));
  }

  @AfterAll
  void down() {
    sandbox.down();
  }

  /** The same sandbox as its superuser, for comparison. */
  private void writeSuperuserProfile() throws Exception {
    Path file = CONFIG.resolve("profiles/it-reader-superuser.yaml");
    Files.writeString(
        file,
        Files.readString(state.profile())
            .replace("\"" + state.readerUser() + "\"", "\"" + state.user() + "\"")
            .replace("\"" + state.readerPassword() + "\"", "\"" + state.password() + "\""));
    // a profile holding a password is for its owner only (else every command warns about it)
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
  }

  private void copyPostingsIntoTheVault() throws Exception {
    EsEndpoint admin = state.elasticsearch();
    HttpClient http = admin.newClient();
    send(http, admin, "DELETE", "/" + VAULT + "?ignore_unavailable=true", null);
    JsonNode mappings = send(http, admin, "GET", "/settlement-batcher-*/_mapping", null);
    JsonNode mapping = mappings.elements().next().path("mappings");
    send(http, admin, "PUT", "/" + VAULT, "{\"mappings\":" + mapping + "}");
    List<String> postings = new ArrayList<>();
    vaultPayment().parts().forEach(p -> postings.add(p.id()));
    JsonNode hits =
        send(
                http,
                admin,
                "POST",
                "/settlement-batcher-*/_search?size=500",
                "{\"query\":{\"terms\":{\"posting.id\":"
                    + json.writeValueAsString(postings)
                    + "}}}")
            .path("hits")
            .path("hits");
    assertThat(hits.size()).as("batcher documents of the vault payment").isPositive();
    StringBuilder bulk = new StringBuilder();
    for (JsonNode hit : hits) {
      bulk.append("{\"index\":{}}\n").append(hit.path("_source")).append('\n');
    }
    send(http, admin, "POST", "/" + VAULT + "/_bulk?refresh=true", bulk.toString());
  }

  /** A payment whose postings reached the settlement batcher. */
  private PaymentsManifest.PaymentTruth vaultPayment() {
    return payments.journeys().payments().stream()
        .filter(p -> p.parts().stream().anyMatch(part -> part.batch() != null))
        .findFirst()
        .orElseThrow();
  }

  private JsonNode send(HttpClient http, EsEndpoint es, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder req =
        es.request(path)
            .header(
                "Content-Type",
                path.contains("_bulk") ? "application/x-ndjson" : "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isLessThan(300);
    return json.readTree(r.body());
  }

  private CliRun run(String profile, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--profile", profile));
    return CliRun.run(all.toArray(String[]::new));
  }

  private String reader() {
    return state.profileName();
  }

  /** The JSON without what differs between two runs of the same question (timings). */
  private JsonNode stable(String text) throws Exception {
    JsonNode node = json.readTree(text);
    strip(node);
    return node;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (String volatileField : List.of("took", "tookMs", "elapsed", "elapsedMs", "seconds")) {
        o.remove(volatileField);
      }
    }
    node.forEach(ReadOnlyProfileSandboxTest::strip);
  }

  @Test
  void theProfileIsTheReadOnlyUsersAndTheRoleCoversExactlyThePathsIndices() throws Exception {
    assertThat(reader()).isEqualTo("sandbox-it-reader");
    assertThat(Files.readString(state.profile()))
        .contains("  user: \"hopscope-reader\"\n")
        .doesNotContain(state.password());
    Set<String> patterns = new LinkedHashSet<>();
    Path queries = Path.of(System.getProperty("hopscope.home"), "queries");
    for (PathDef path : new PathDefinitions().readDirectory(queries).paths()) {
      for (Hop hop : path.hops()) {
        hop.sources().stream().map(EventSourceDef::index).forEach(patterns::add);
      }
    }
    assertThat(SecuritySetup.READER_INDICES).containsExactlyInAnyOrderElementsOf(patterns);
  }

  @Test
  void flowsAsTheReaderAreTheSuperusersFlows() throws Exception {
    List<String> ids = new ArrayList<>();
    for (String c : List.of("STUCK", "FAILED", "HEALTHY")) {
      ids.add(manifest.classes().get(c).messages().get(0).id());
    }
    for (String id : ids) {
      String[] args = {
        "flow",
        "--path",
        "orders",
        "--id",
        id,
        "--from",
        manifest.from(),
        "--to",
        manifest.now(),
        "--json"
      };
      CliRun asReader = run(reader(), args);
      CliRun asSuperuser = run("it-reader-superuser", args);
      assertThat(asReader.exitCode).as(asReader.toString()).isZero();
      assertThat(stable(asReader.out)).as(id).isEqualTo(stable(asSuperuser.out));
      assertThat(asReader.err).isEqualTo(asSuperuser.err);
    }
    CliRun stuck =
        run(
            reader(),
            "flow",
            "--path",
            "orders",
            "--id",
            ids.get(0),
            "--from",
            manifest.from(),
            "--to",
            manifest.now(),
            "--json");
    assertThat(json.readTree(stuck.out).path("verdict").asText()).isEqualTo("STUCK");
  }

  @Test
  void stuckAnalysesAsTheReaderAreTheSuperusersOnBothPaths() throws Exception {
    for (String path : List.of("orders", "payments")) {
      String from = path.equals("orders") ? manifest.from() : payments.from();
      String to = path.equals("orders") ? manifest.now() : payments.now();
      String[] args = {"stuck", "--path", path, "--from", from, "--to", to, "--json"};
      CliRun asReader = run(reader(), args);
      CliRun asSuperuser = run("it-reader-superuser", args);
      assertThat(asReader.exitCode).as(asReader.toString()).isEqualTo(asSuperuser.exitCode);
      assertThat(stable(asReader.out)).as(path).isEqualTo(stable(asSuperuser.out));
      assertThat(json.readTree(asReader.out).path("messages").size()).as(path).isPositive();
    }
  }

  @Test
  void playbookChecksAsTheReaderPassAndFailAsTheSuperusers() {
    for (String playbook : List.of("dead-letters", "payments-stuck-settlement")) {
      String[] args = {"playbook", "run", playbook, "--at", manifest.now()};
      CliRun asReader = run(reader(), args);
      CliRun asSuperuser = run("it-reader-superuser", args);
      assertThat(asReader.exitCode).as(asReader.toString()).isEqualTo(asSuperuser.exitCode);
      assertThat(asReader.out).as(playbook).isEqualTo(asSuperuser.out);
      assertThat(asReader.out).as(playbook).containsPattern("(?m)^(PASS|FAIL) ");
      assertThat(asReader.out).doesNotContain("ERROR ").doesNotContain("privilege");
    }
  }

  @Test
  void anIndexTheReaderMayNotReadIsUnreadableNeverZero() throws Exception {
    String id = vaultPayment().id();
    String[] flow = {
      "flow",
      "--path",
      "payments",
      "--id",
      id,
      "--from",
      payments.from(),
      "--to",
      payments.now(),
      "--paths-dir",
      vaultPaths.toString(),
      "--json"
    };
    JsonNode superLedger =
        hop(json.readTree(run("it-reader-superuser", flow).out), "settlement-batcher");
    JsonNode readerLedger = hop(json.readTree(run(reader(), flow).out), "settlement-batcher");

    assertThat(superLedger.path("verdict").asText()).isNotEqualTo("UNKNOWN");
    assertThat(superLedger.path("events").size()).isPositive();
    assertThat(readerLedger.path("verdict").asText()).isEqualTo("UNKNOWN");
    assertThat(readerLedger.path("events").size()).isZero();
    assertThat(readerLedger.path("blind").get(0).path("pattern").asText()).isEqualTo(VAULT);
    assertThat(readerLedger.path("blind").get(0).path("reason").asText()).isEqualTo("NO_PRIVILEGE");
    assertThat(readerLedger.path("blind").get(0).path("detail").asText())
        .contains("is unauthorized for user [hopscope-reader]");

    String[] stuck = {
      "stuck",
      "--path",
      "payments",
      "--from",
      payments.from(),
      "--to",
      payments.now(),
      "--paths-dir",
      vaultPaths.toString(),
      "--json"
    };
    CliRun superStuck = run("it-reader-superuser", stuck);
    CliRun readerStuck = run(reader(), stuck);
    assertThat(superStuck.exitCode).as(superStuck.toString()).isZero();
    assertThat(hop(json.readTree(superStuck.out), "settlement-batcher").path("entered").asLong())
        .isPositive();
    assertThat(readerStuck.exitCode).as("unknown counts: exit 6\n" + readerStuck).isEqualTo(6);
    assertThat(hop(json.readTree(readerStuck.out), "settlement-batcher").path("entered").isNull())
        .isTrue();
  }

  @Test
  void aPlaybookCountOnAnIndexTheReaderMayNotReadIsNotAPassAndNamesThePrivilege() {
    Run asSuperuser = vaultCount("it-reader-superuser");
    Run asReader = vaultCount(reader());

    assertThat(asSuperuser.out()).as(asSuperuser.toString()).containsPattern("(?m)^PASS vault ");
    assertThat(asReader.out())
        .as(asReader.toString())
        .doesNotContainPattern("(?m)^PASS ")
        .containsPattern("(?m)^(NO DATA|ERROR) vault ")
        .contains(VAULT)
        .contains("privilege");
    assertThat(asReader.exitCode()).isNotZero();
  }

  private static JsonNode hop(JsonNode answer, String name) {
    for (JsonNode hop : answer.path("hops")) {
      if (hop.path("name").asText().equals(name)) {
        return hop;
      }
    }
    throw new AssertionError("no hop " + name + " in " + answer);
  }

  private record Run(int exitCode, String out, String err) {}

  /** {@code playbook run} of one ES count at the batcher (the vault index) as {@code profile}. */
  private Run vaultCount(String profile) {
    Playbook playbook =
        new Playbook(
            "dead-letters",
            "Settlement batches",
            new Playbook.AppliesTo(List.of("payments"), List.of(), List.of()),
            List.of(new Playbook.Variable("window", "3h", "")),
            List.of(
                new Step(
                    "vault",
                    "Postings batched?",
                    "",
                    new Check(
                        Check.Kind.ES_COUNT,
                        "hop: settlement-batcher, count: events",
                        Check.Comparison.GT,
                        0,
                        Check.Severity.CRITICAL,
                        "postings are batched",
                        "the batcher batches nothing",
                        7),
                    List.of(),
                    5)),
            "in code");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Properties system = new Properties();
    system.setProperty("hopscope.home", System.getProperty("hopscope.home"));
    system.setProperty("user.home", System.getProperty("user.home"));
    system.setProperty("hopscope.config.dir", CONFIG.toString());
    CliContext ctx =
        new CliContext(
            Map.of(),
            system,
            Clock.systemUTC(),
            Path.of("").toAbsolutePath(),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    CommandLine cl = new CommandLine(new Main(ctx));
    cl.addSubcommand("playbook-run", new PlaybookRunCommand(file -> playbook));
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    int code =
        cl.execute(
            "playbook-run",
            "dead-letters",
            "--path",
            "payments",
            "--paths-dir",
            vaultPaths.toString(),
            "--profile",
            profile,
            "--at",
            payments.now());
    return new Run(code, out.toString(), err.toString());
  }
}
