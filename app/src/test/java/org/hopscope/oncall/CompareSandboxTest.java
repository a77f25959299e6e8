package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.PathDefinitions;
import org.hopscope.config.ResolvedConnection;
import org.hopscope.model.Comparison;
import org.hopscope.model.Comparison.Choice;
import org.hopscope.model.Comparison.EventKind;
import org.hopscope.model.Comparison.HopComparison;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** "Compare with a healthy one" through the engine, against the seeded sandbox. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompareSandboxTest {

  private static final List<String> HOPS =
      List.of(
          "api-gateway",
          "order-service",
          "orders.v1",
          "fulfilment-service",
          "erp-adapter",
          "erp-confirmation");

  private Manifest manifest;
  private Engine engine;
  private PathDef orders;
  private TimeWindow window;
  private Instant asOf;

  @BeforeAll
  void open(TestSandbox sandbox) {
    manifest = Manifest.read(sandbox.manifest());
    engine =
        Engine.open(
            new ResolvedConnection(
                new ConnectionProfile(
                    "test",
                    org.hopscope.model.connection.Endpoint.of(
                        URI.create(sandbox.state().elasticsearchUrl())),
                    null,
                    null),
                List.of()));
    orders = new PathDefinitions().read(queries().resolve("orders.yaml"));
    asOf = Instant.parse(manifest.now());
    window = new TimeWindow(Instant.parse(manifest.from()), asOf);
  }

  @AfterAll
  void close() {
    engine.close();
  }

  private Comparison compare(PathDef path, String id, String with) {
    return engine.compare(path, id, with, window, asOf, Cancellation.none());
  }

  @Test
  void aStuckMessageIsComparedWithTheNearestOkOneAndMissesItsLaterEvents() {
    Manifest.ClassMessage stuck = manifest.classes().get("STUCK").messages().get(0);
    assertThat(stuck.hop()).isEqualTo("fulfilment-service");

    Comparison c = compare(orders, stuck.id(), null);

    assertThat(c.basis().choice()).isEqualTo(Choice.NEAREST_OK);
    assertThat(c.other().verdict()).isEqualTo(HopVerdict.OK);
    String other = c.basis().otherId();
    assertThat(other).isNotEqualTo(stuck.id()).isEqualTo(c.other().ids().get(0));
    assertThat(c.basis().text())
        .startsWith(other + ": the nearest OK message that reached erp-adapter (")
        .contains(stuck.id() + " reached fulfilment-service)")
        .contains("; it entered api-gateway ");
    assertThat(c.basis().searched()).isNotEmpty();
    assertThat(c.basis().searched().get(c.basis().searched().size() - 1))
        .startsWith("erp-adapter (jaeger-span-*) from ")
        .contains(" OK");
    assertThat(c.hops().stream().map(HopComparison::hop)).containsExactlyElementsOf(HOPS);

    HopComparison at = c.hops().get(3);
    assertThat(at.subject().verdict()).isEqualTo(HopVerdict.STUCK);
    assertThat(at.other().verdict()).isEqualTo(HopVerdict.OK);
    assertThat(at.latencyDeltaMs()).isNull();
    assertThat(ComparisonWords.latency(at.subject(), false)).isEqualTo("not handed over");
    assertThat(at.missing().stream().map(EventKind::key)).contains("INFO processed");
    assertThat(at.missing().stream().map(EventKind::key)).doesNotContain("INFO consumed");
    assertThat(at.extra().stream().map(EventKind::key))
        .containsExactly("ERROR ERP adapter pool exhausted (# active, # waiting), message parked");

    for (HopComparison after : c.hops().subList(4, 6)) {
      assertThat(after.subject().reached()).as(after.hop()).isFalse();
      assertThat(ComparisonWords.verdict(after.subject())).isEqualTo("not reached");
      assertThat(after.other().reached()).as(after.hop()).isTrue();
      assertThat(after.missing()).as(after.hop()).isNotEmpty();
      assertThat(after.extra()).isEmpty();
      assertThat(after.fields()).isEmpty();
    }
    for (HopComparison before : c.hops().subList(0, 3)) {
      assertThat(before.subject().reached()).isTrue();
      assertThat(before.other().reached()).isTrue();
      assertThat(before.latencyDeltaMs())
          .isEqualTo(before.subject().latencyMs() - before.other().latencyMs());
      assertThat(before.fields())
          .allSatisfy(
              f -> {
                assertThat(f.field()).doesNotContainIgnoringCase("time").doesNotEndWith(".id");
                assertThat(f.subject()).isNotEqualTo(f.other());
              });
    }
  }

  @Test
  void aNamedMessageIsComparedAndOneThatIsNotOkIsSaidToBeSo() {
    String stuck = manifest.classes().get("STUCK").messages().get(0).id();
    String healthy = manifest.classes().get("HEALTHY").messages().get(0).id();
    Manifest.ClassMessage dead = manifest.classes().get("DEAD_LETTERED").messages().get(0);

    Comparison ok = compare(orders, stuck, healthy);
    assertThat(ok.basis().choice()).isEqualTo(Choice.NAMED);
    assertThat(ok.basis().text()).isEqualTo(healthy + ": named by you; its verdict is OK.");
    assertThat(ok.basis().searched()).isEmpty();
    assertThat(ok.other().ids().get(0)).isEqualTo(healthy);
    assertThat(ok.hops()).hasSize(6);

    Comparison notOk = compare(orders, stuck, dead.id());
    assertThat(notOk.basis().text())
        .isEqualTo(
            dead.id()
                + ": named by you; its verdict is DEAD_LETTERED, not OK, so differences need not"
                + " point at the problem.");
    assertThat(notOk.hops().get(3).other().verdict()).isEqualTo(HopVerdict.DEAD_LETTERED);
  }

  @Test
  void withoutAnyOkMessageItSaysWhatWasSearched(@TempDir Path dir) throws Exception {
    // the same data, but an erp-adapter SLA no message meets: every finished message is SLOW
    String yaml = Files.readString(queries().resolve("orders.yaml"));
    assertThat(yaml).containsOnlyOnce("    sla: 10m\n");
    Path file = dir.resolve("orders.yaml");
    Files.writeString(file, yaml.replace("    sla: 10m\n", "    sla: 1ms\n"));
    PathDef strict = new PathDefinitions().read(file);
    String stuck = manifest.classes().get("STUCK").messages().get(0).id();

    Comparison c = compare(strict, stuck, null);

    assertThat(c.basis().choice()).isEqualTo(Choice.NONE);
    assertThat(c.other()).isNull();
    assertThat(c.hops()).isEmpty();
    assertThat(c.basis().text())
        .isEqualTo(
            "No OK message found near "
                + stuck
                + ": none of the nearest messages with events at erp-adapter (up to 5 per"
                + " window) was OK, so there is nothing healthy to compare with; name a message"
                + " to compare with instead.");
    assertThat(c.basis().searched()).hasSize(4);
    assertThat(c.basis().searched())
        .allSatisfy(s -> assertThat(s).startsWith("erp-adapter (jaeger-span-*) from "));
    assertThat(c.basis().searched().get(3)).contains("5 SLOW").doesNotContain(" OK");
  }

  @Test
  void aMessageThatWasNeverSeenHasNothingToCompare() {
    Comparison c = compare(orders, "ord-never-sent", null);
    assertThat(c.basis().choice()).isEqualTo(Choice.NONE);
    assertThat(c.basis().text())
        .isEqualTo(
            "Nothing was found for ord-never-sent in the window searched, so there is nothing to"
                + " compare; widen the window.");
  }

  private static Path queries() {
    String home = System.getProperty("hopscope.home");
    Path root = home != null ? Path.of(home) : Path.of("").toAbsolutePath().getParent();
    return root.resolve("queries");
  }
}
