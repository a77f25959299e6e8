package org.hopscope.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestRecorderTest {

  private static final SeedOptions OPTIONS =
      new SeedOptions(20_000, 3, Duration.ofHours(3), true, Instant.parse("2026-11-26T12:00:00Z"));

  private static Manifest record(Map<String, Journey> journeys) {
    JourneyGenerator generator = new JourneyGenerator(OPTIONS);
    ManifestRecorder recorder =
        new ManifestRecorder(OPTIONS, generator.timeline(), generator.skews());
    generator.forEachRemaining(
        j -> {
          journeys.put(j.messageId(), j);
          recorder.accept(j);
        });
    return recorder.manifest(f -> f.ordinal() + 1, generator.chattyId(), generator.hostileIds());
  }

  @Test
  void listsRareClassesCompletelyAndSamplesTheCommonOnes() {
    Map<String, Journey> journeys = new HashMap<>();
    Manifest manifest = record(journeys);
    long total = 0;
    for (MessageClass c : MessageClass.values()) {
      Manifest.ClassMessages listed = manifest.classes().get(c.name());
      long actual = journeys.values().stream().filter(j -> j.messageClass() == c).count();
      assertThat(listed.count()).as(c.name()).isEqualTo(actual);
      assertThat(listed.messages())
          .hasSize((int) Math.min(actual, ManifestRecorder.complete(c) ? actual : 1_000));
      assertThat(listed.complete()).isEqualTo(listed.messages().size() == actual);
      for (Manifest.ClassMessage m : listed.messages()) {
        Journey j = journeys.get(m.id());
        assertThat(j.messageClass()).isEqualTo(c);
        assertThat(m.hop()).isEqualTo(j.classHop() == null ? null : j.classHop().hopName());
      }
      total += listed.count();
    }
    assertThat(total).isEqualTo(20_000);
    assertThat(manifest.classes().get("HEALTHY").complete()).isFalse();
    assertThat(manifest.classes().get("STUCK").complete()).isTrue();
    assertThat(manifest.reKeys().pairs()).hasSize(1_000);
    assertThat(manifest.reKeys().count())
        .isEqualTo(journeys.values().stream().filter(j -> j.erpDocumentNumber() != null).count());
    manifest
        .reKeys()
        .pairs()
        .forEach(
            p ->
                assertThat(journeys.get(p.messageId()).erpDocumentNumber())
                    .isEqualTo(p.erpDocumentNumber()));
    assertThat(manifest.chattyId())
        .isEqualTo(manifest.classes().get("CHATTY").messages().get(0).id());
    assertThat(record(new HashMap<>())).as("deterministic, samples included").isEqualTo(manifest);
  }

  @Test
  void incidentWindowCountsWhatEnteredEachHopAndWhatBecameOfIt() {
    Map<String, Journey> journeys = new HashMap<>();
    Manifest manifest = record(journeys);
    Map<String, Manifest.HopWindow> window = manifest.incidentWindow().hops();
    long stuckAtFulfilment =
        journeys.values().stream()
            .filter(
                j -> j.messageClass() == MessageClass.STUCK && j.classHop() == OrdersHop.FULFILMENT)
            .count();
    Manifest.HopWindow fulfilment = window.get("fulfilment-service");
    assertThat(fulfilment.stuck()).isEqualTo(stuckAtFulfilment).isPositive();
    assertThat(fulfilment.deadLettered())
        .isEqualTo(manifest.classes().get("DEAD_LETTERED").count());
    assertThat(fulfilment.left()).isLessThan(fulfilment.entered());
    Manifest.HopWindow confirmation = window.get("erp-confirmation");
    assertThat(confirmation.left()).isEqualTo(confirmation.entered()).isPositive();
    Manifest.HopWindow gateway = window.get("api-gateway");
    assertThat(gateway.entered()).isBetween(5_550L, 5_560L);
    assertThat(gateway.failed()).isZero();
    assertThat(gateway.left()).isEqualTo(gateway.entered());
    assertThat(window.get("erp-adapter").failed()).isPositive();
    assertThat(manifest.hops().get("order-service").indices())
        .extracting(Manifest.IndexDocuments::pattern, Manifest.IndexDocuments::documents)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("apm-order-service-*", 2L),
            org.assertj.core.groups.Tuple.tuple("logs-order-service-*", 3L));
    assertThat(manifest.documents()).isEqualTo(28);
  }
}
