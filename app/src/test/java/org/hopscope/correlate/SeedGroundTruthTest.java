package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import org.hopscope.sandbox.seed.InMemorySeed;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.sandbox.seed.SeedOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine on the seed's exact documents, generated in memory by the seed's own generator,
 * against its manifest: the same checks as {@link FlowCorrectnessTest}, without Elasticsearch, so
 * the engine's rules are proven against the ground truth in every build.
 */
class SeedGroundTruthTest {

  private static InMemoryEventSource events;
  private static Manifest manifest;

  @BeforeAll
  static void seed() {
    events = new InMemoryEventSource();
    manifest =
        InMemorySeed.generate(
            new SeedOptions(
                // a larger or other seed: -Dhopscope.test.seed.messages=N
                // -Dhopscope.test.seed.seed=S
                Long.getLong("hopscope.test.seed.messages", 3_000),
                Long.getLong("hopscope.test.seed.seed", 7),
                Duration.ofHours(3),
                true,
                Instant.parse("2026-11-26T12:00:00Z")),
            events::add);
  }

  @Test
  void everyClassHasTheManifestVerdict() {
    new ManifestChecks(events, manifest).everyClassHasItsVerdict(200);
  }

  @Test
  void reKeyedMessagesAndTraceIdsLeadToTheSameFlow() {
    new ManifestChecks(events, manifest).reKeyedAndTraceSearchesFindTheSameMessage(40);
  }

  @Test
  void incidentWindowCountsEqualTheManifest() {
    new ManifestChecks(events, manifest).incidentWindowEqualsManifest();
  }
}
