package org.hopscope.sandbox.junit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.hopscope.sandbox.Sandbox;
import org.hopscope.sandbox.SandboxConfig;
import org.hopscope.sandbox.SandboxProfile;
import org.hopscope.sandbox.SandboxState;
import org.hopscope.sandbox.SearchEngine;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.sandbox.seed.PaymentsManifest;
import org.hopscope.sandbox.seed.PaymentsSeed;
import org.hopscope.sandbox.seed.SeedOptions;
import org.hopscope.sandbox.seed.Seeder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests a running, seeded sandbox: started once per test run (JVM), reused by
 * every test class, stopped at the end of the run if this run started it.
 *
 * <p>Declare a {@link TestSandbox} parameter (constructor, lifecycle or test method) in a class
 * annotated {@code @ExtendWith(SandboxExtension.class)}. Settings, as system properties: {@code
 * hopscope.sandbox.test.dir} (state folder; the build sets {@code target/sandbox-test} of the
 * reactor), {@code hopscope.sandbox.test.messages} (default 3000), {@code
 * hopscope.sandbox.test.payments} (default half the messages), {@code hopscope.sandbox.test.seed}
 * (default 7), {@code hopscope.sandbox.test.keep} ({@code true} leaves it running for the next run,
 * which then reuses it and its seed when the settings match). Ports 19210 (Elasticsearch), 19290
 * (Prometheus), 19291 (exporter), 19293 (Alertmanager, {@code
 * hopscope.sandbox.test.alertmanager-port}; default the Prometheus port + 3), so a developer's own
 * sandbox on the default ports is never touched. Its connection profile, named {@code sandbox},
 * goes to {@code <state folder>/config/profiles/sandbox.yaml} ({@code config().configDir()}), never
 * to the user's.
 *
 * <p>{@code hopscope.sandbox.test.engine} picks the search engine: {@code elasticsearch} (the
 * default) or {@code opensearch} (ADR 0030; the build's {@code opensearch-correctness} execution
 * runs the correctness tests of the engine against it, on ports of its own). A test that needs what
 * only Elasticsearch's sandbox has (security, users, privileges) calls {@link
 * TestSandbox#assumeElasticsearch}. A state folder holds one engine: asking for the other one fails
 * with what to do. Each setting above may be given per engine, {@code
 * hopscope.sandbox.test.opensearch.dir} etc., which wins over the plain one.
 */
public final class SandboxExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(SandboxExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestSandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NS)
        .getOrComputeIfAbsent("sandbox", k -> start(), RunningSandbox.class)
        .sandbox();
  }

  private static RunningSandbox start() {
    SearchEngine engine =
        SearchEngine.parse(System.getProperty("hopscope.sandbox.test.engine", "elasticsearch"));
    Path dir = Path.of(setting(engine, "dir", "target/sandbox-test"));
    SandboxConfig config =
        new SandboxConfig(
            dir,
            "127.0.0.1",
            Integer.parseInt(setting(engine, "es-port", "19210")),
            Integer.parseInt(setting(engine, "prometheus-port", "19290")),
            Integer.parseInt(setting(engine, "exporter-port", "19291")),
            dir.resolve("config"),
            SandboxProfile.NAME,
            Integer.parseInt(setting(engine, "alertmanager-port", "0")));
    PrintStream log = System.out;
    Sandbox sandbox = new Sandbox(config, log, engine);
    boolean wasRunning = sandbox.status().allRunning();
    SandboxState state = sandbox.up(false);
    long messages = Long.getLong("hopscope.sandbox.test.messages", 3000);
    long seed = Long.getLong("hopscope.sandbox.test.seed", 7);
    long payments =
        Long.getLong("hopscope.sandbox.test.payments", SeedOptions.defaultPayments(messages));
    SeedOptions wanted =
        new SeedOptions(
            messages,
            seed,
            Duration.ofHours(3),
            true,
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            payments);
    SeedOptions seeded =
        seededMatching(config.manifestFile(), config.paymentsManifestFile(), wanted)
            .orElseGet(
                () -> {
                  new Seeder(config, log).seed(wanted);
                  return wanted;
                });
    boolean keep = Boolean.parseBoolean(setting(engine, "keep", "false"));
    return new RunningSandbox(
        new TestSandbox(config, state, seeded, config.manifestFile()),
        keep || wasRunning ? null : sandbox);
  }

  /**
   * The setting {@code key} for {@code engine}: {@code hopscope.sandbox.test.ENGINE.KEY} when set
   * (the OpenSearch run's own folder and ports, which a {@code -Dhopscope.sandbox.test.dir=...} on
   * the command line meant for the Elasticsearch sandbox does not override), else {@code
   * hopscope.sandbox.test.KEY}, else {@code fallback}.
   */
  private static String setting(SearchEngine engine, String key, String fallback) {
    String own = System.getProperty("hopscope.sandbox.test." + engine.id() + "." + key);
    return own != null ? own : System.getProperty("hopscope.sandbox.test." + key, fallback);
  }

  /**
   * The options of an existing seed when it matches what the tests want (same size and seed, and
   * its payments manifest is there with the same number of payments and equal to what this
   * generator writes for them).
   */
  private static Optional<SeedOptions> seededMatching(
      Path manifestFile, Path paymentsFile, SeedOptions wanted) {
    if (!Files.isRegularFile(manifestFile)) {
      return Optional.empty();
    }
    Manifest manifest = Manifest.read(manifestFile);
    PaymentsManifest payments =
        Files.isRegularFile(paymentsFile) ? PaymentsManifest.read(paymentsFile) : null;
    if (payments == null ? wanted.payments() > 0 : !payments.now().equals(manifest.now())) {
      return Optional.empty();
    }
    Manifest.Options o = manifest.options();
    SeedOptions found =
        new SeedOptions(
            o.messages(),
            o.seed(),
            Duration.parse(o.window()),
            o.chatty(),
            Instant.parse(manifest.now()),
            payments == null ? 0 : payments.options().payments());
    boolean same =
        found.messages() == wanted.messages()
            && found.seed() == wanted.seed()
            && found.window().equals(wanted.window())
            && found.chatty() == wanted.chatty()
            && found.payments() == wanted.payments()
            // a payments seed written by another version of the generator is not reused
            && (payments == null
                || PaymentsSeed.generate(found, (index, id, json) -> {}).equals(payments));
    return same ? Optional.of(found) : Optional.empty();
  }

  /** Stops the sandbox when the test run ends, if this run started it. */
  private record RunningSandbox(TestSandbox sandbox, Sandbox startedHere) implements AutoCloseable {
    @Override
    public void close() {
      if (startedHere != null) {
        startedHere.down();
      }
    }
  }
}
