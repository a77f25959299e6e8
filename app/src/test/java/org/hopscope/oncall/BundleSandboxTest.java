package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.PathDefinitions;
import org.hopscope.config.ResolvedConnection;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.bundle.Bundle;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flow captured from the real sandbox, kept as evidence, exported as a bundle and opened with no
 * backend: the same JSON (unmasked), the same verdicts (masked too), and imported elsewhere.
 */
@ExtendWith(SandboxExtension.class)
class BundleSandboxTest {

  @TempDir Path dir;

  @Test
  void aSandboxFlowTravelsInABundleAndKeepsItsVerdicts(TestSandbox sandbox) throws Exception {
    Manifest manifest = Manifest.read(sandbox.manifest());
    Instant asOf = Instant.parse(manifest.now());
    TimeWindow window = new TimeWindow(Instant.parse(manifest.from()), asOf);
    String id = manifest.classes().get("STUCK").messages().get(0).id();
    Flow flow;
    try (Engine engine =
        Engine.open(
            new ResolvedConnection(
                new ConnectionProfile(
                    "test",
                    org.hopscope.model.connection.Endpoint.of(
                        URI.create(sandbox.state().elasticsearchUrl())),
                    null,
                    null),
                List.of()))) {
      flow =
          engine.flow(
              new PathDefinitions().read(BundleFixture.home().resolve("queries/orders.yaml")),
              id,
              window,
              asOf,
              Cancellation.none());
    }
    assertThat(flow.verdict()).isEqualTo(HopVerdict.STUCK);
    StringWriter json = new StringWriter();
    new FlowJson().write(flow, json);
    byte[] captured = json.toString().getBytes(StandardCharsets.UTF_8);

    Clock clock = Clock.fixed(asOf, ZoneOffset.UTC);
    Path unmasked = dir.resolve("unmasked.hopscope");
    Path masked = dir.resolve("masked.hopscope");
    try (IncidentDesk desk = IncidentDesk.open(dir.resolve("a/hopscope.db"), clock, "alice")) {
      long incident = desk.open("orders stuck", Incident.Severity.SEV2, "orders", window).id();
      desk.recordFlow(incident, flow);
      desk.keep(incident, Evidence.Kind.FLOW_JSON, "flow " + id, id, "application/json", captured);
      BundleDesk bundles =
          new BundleDesk(
              desk,
              BundleFixture.home().resolve("queries"),
              BundleFixture.home().resolve("playbooks"),
              dir.resolve("config"),
              clock);
      bundles.exportBundle(incident, unmasked, true);
      bundles.exportBundle(incident, masked, false);
    }

    Bundle raw = BundleDesk.openBundle(unmasked);
    assertThat(raw.evidence()).hasSize(1);
    assertThat(raw.evidence().get(0).content()).isEqualTo(captured);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode original = mapper.readTree(captured);
    JsonNode shown = mapper.readTree(BundleDesk.openBundle(masked).evidence().get(0).content());
    assertThat(shown.path("verdict").asText()).isEqualTo("STUCK");
    assertThat(shown.path("stuckAt").asText()).isEqualTo(flow.stuckAt());
    assertThat(shown.path("hops").findValuesAsText("verdict"))
        .isEqualTo(original.path("hops").findValuesAsText("verdict"))
        .isEqualTo(flow.hops().stream().map(h -> h.verdict().name()).toList());
    assertThat(shown.path("hops").findValues("events").stream().mapToInt(JsonNode::size).sum())
        .isEqualTo(flow.hops().stream().mapToInt(h -> h.events().size()).sum());

    try (IncidentDesk other = IncidentDesk.open(dir.resolve("b/hopscope.db"), clock, "bob")) {
      Incident imported = new BundleDesk(other, null, null, null, clock).importBundle(unmasked);
      Evidence kept = other.loadEvidence(other.evidence(imported.id()).get(0).id()).orElseThrow();
      assertThat(kept.content()).isEqualTo(captured);
    }
  }
}
