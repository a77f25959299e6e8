package org.hopscope.correlate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hopscope.model.BlindSource;
import org.hopscope.sandbox.seed.PaymentsManifest;
import org.hopscope.sandbox.seed.PaymentsSeed;
import org.hopscope.sandbox.seed.SeedOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine on the payments path's exact documents, generated in memory by the seed's own
 * generator, against its manifest: the checks of {@link PaymentsCorrectnessTest} without
 * Elasticsearch, in every build.
 */
class PaymentsGroundTruthTest {

  private static InMemoryEventSource events;
  private static PaymentsManifest manifest;

  @BeforeAll
  static void seed() {
    ObjectMapper json = new ObjectMapper();
    TypeReference<Map<String, Object>> map = new TypeReference<>() {};
    events = new InMemoryEventSource();
    manifest =
        PaymentsSeed.generate(
            new SeedOptions(
                3_000,
                Long.getLong("hopscope.test.seed.seed", 7),
                Duration.ofHours(3),
                true,
                Instant.parse("2026-11-26T12:00:00Z"),
                // a larger seed: -Dhopscope.test.seed.payments=N
                Long.getLong("hopscope.test.seed.payments", 1_500)),
            (index, id, source) -> {
              try {
                events.add(index, id, json.readValue(source, map));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    // the seed creates no ledger-audit-* index: Elasticsearch answers index_not_found for it
    events.blind("ledger-audit-*", BlindSource.Reason.NO_INDEX);
  }

  @Test
  void everyClassHasTheManifestVerdictAttemptsAndPartProgress() {
    new PaymentsChecks(events, manifest).everyPaymentHasItsVerdictAttemptsAndParts(40);
  }

  @Test
  void incidentWindowCountsAndStuckSetsEqualTheManifest() {
    new PaymentsChecks(events, manifest).incidentWindowEqualsManifest();
  }

  @Test
  void theBlindLedgerSourceIsNamedAndJudgesNothing() {
    new PaymentsChecks(events, manifest).theBlindSourceIsNamedNotJudged();
  }
}
