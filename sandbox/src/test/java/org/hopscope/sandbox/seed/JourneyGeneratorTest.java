package org.hopscope.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.sandbox.seed.Journey.Attempt;
import org.hopscope.sandbox.seed.Journey.Outcome;
import org.hopscope.sandbox.seed.Journey.Visit;
import org.junit.jupiter.api.Test;

class JourneyGeneratorTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private static SeedOptions options(long messages, long seed, Instant now) {
    return new SeedOptions(messages, seed, Duration.ofHours(3), true, now);
  }

  @Test
  void sameSeedGivesSameIdsClassesAndRelativeTimes() {
    JourneyGenerator a = new JourneyGenerator(options(3_000, 42, NOW));
    JourneyGenerator b = new JourneyGenerator(options(3_000, 42, NOW.plusSeconds(86_400 + 17)));
    long shift = 86_400_000L + 17_000;
    int compared = 0;
    while (a.hasNext()) {
      assertThat(b.next()).isEqualTo(shifted(a.next(), shift));
      compared++;
    }
    assertThat(compared).isEqualTo(3_000);
    assertThat(b.hasNext()).isFalse();
    assertThat(a.skews()).isEqualTo(b.skews());
    assertThat(ids(new JourneyGenerator(options(200, 43, NOW))))
        .doesNotContainAnyElementsOf(ids(new JourneyGenerator(options(200, 42, NOW))));
  }

  @Test
  void twentyThousandMessagesTellTheIncidentStory() {
    JourneyGenerator generator = new JourneyGenerator(options(20_000, 1, NOW));
    IncidentTimeline timeline = generator.timeline();
    Map<String, Integer> byClassHop = new java.util.TreeMap<>();
    int incidentMessages = 0;
    int duplicates = 0;
    while (generator.hasNext()) {
      Journey j = generator.next();
      byClassHop.merge(
          j.messageClass() + "@" + (j.classHop() == null ? "-" : j.classHop().hopName()),
          1,
          Integer::sum);
      if (j.visits().get(0).firstStart() >= timeline.incidentStartMillis()) {
        incidentMessages++;
      }
      Visit fulfilment = j.visit(OrdersHop.FULFILMENT);
      if (fulfilment != null
          && fulfilment.attempts().stream()
              .anyMatch(a -> AttemptDetail.DUPLICATE_DELIVERY.equals(a.detail()))) {
        duplicates++;
      }
    }
    assertThat(incidentMessages).isBetween(5_550, 5_560);
    assertThat(byClassHop.get("STUCK@fulfilment-service")).isBetween(200, 500);
    assertThat(byClassHop.get("DEAD_LETTERED@fulfilment-service"))
        .isBetween(incidentMessages / 100, incidentMessages * 3 / 100);
    assertThat(byClassHop.get("FAILED@api-gateway")).isBetween(8, 15);
    assertThat(byClassHop.get("FAILED@erp-adapter")).isBetween(20, 120);
    assertThat(byClassHop.get("SLOW@erp-adapter")).isBetween(30, 300);
    assertThat(byClassHop.get("CHATTY@fulfilment-service")).isEqualTo(1);
    assertThat(byClassHop.get("HEALTHY@-")).isBetween(17_000, 19_000);
    assertThat(byClassHop.get("RETRIED@fulfilment-service")).isBetween(100, 1_000);
    assertThat(duplicates).isBetween(50, 150);
    assertThat(byClassHop.get("IN_FLIGHT@orders.v1")).isBetween(50, 400);
    assertThat(generator.hostileIds()).hasSize(5);
  }

  @Test
  void everyJourneyKeepsTheInvariantsAndItsClassFollowsTheRules() {
    JourneyGenerator generator = new JourneyGenerator(options(20_000, 7, NOW));
    long now = NOW.toEpochMilli();
    Set<String> ids = new HashSet<>();
    Set<String> documentNumbers = new HashSet<>();
    Map<MessageClass, Integer> seen = new EnumMap<>(MessageClass.class);
    List<String> hostileSeen = new ArrayList<>();
    while (generator.hasNext()) {
      Journey j = generator.next();
      HostSkews skews = generator.skews();
      assertThat(ids.add(j.messageId())).as("unique id %s", j.messageId()).isTrue();
      assertThat(j.frontTraceId()).hasSize(32).isNotEqualTo(j.backTraceId());
      assertThat(j.backTraceId()).hasSize(32);
      for (int k = 0; k < j.visits().size(); k++) {
        Visit v = j.visits().get(k);
        assertThat(v.hop()).isEqualTo(OrdersHop.values()[k]);
        assertThat(v.attempts()).isNotEmpty();
        for (Attempt a : v.attempts()) {
          assertThat(skews.observed(v.hop(), a.start())).isLessThanOrEqualTo(now);
          if (a.outcome() == Outcome.PENDING) {
            assertThat(a.durationMillis()).isEqualTo(-1);
          } else {
            assertThat(skews.observed(v.hop(), a.end())).isLessThanOrEqualTo(now);
          }
        }
      }
      Visit erp = j.visit(OrdersHop.ERP_ADAPTER);
      boolean erpSuccess =
          erp != null && erp.attempts().stream().anyMatch(a -> a.outcome() == Outcome.SUCCESS);
      assertThat(j.erpDocumentNumber() != null)
          .as("re-key of %s", j.messageId())
          .isEqualTo(erpSuccess);
      if (j.erpDocumentNumber() != null) {
        assertThat(documentNumbers.add(j.erpDocumentNumber())).isTrue();
      }
      assertThat(j.messageClass() + "@" + j.classHop())
          .as("class of %s", j.messageId())
          .isEqualTo(expectedClass(j, skews, now, j.messageId().equals(generator.chattyId())));
      seen.merge(j.messageClass(), 1, Integer::sum);
      if (generator.hostileIds().contains(j.messageId())) {
        hostileSeen.add(j.messageId());
        assertThat(j.messageClass()).isEqualTo(MessageClass.HEALTHY);
      }
    }
    assertThat(seen).containsOnlyKeys(MessageClass.values());
    assertThat(hostileSeen).containsExactlyElementsOf(generator.hostileIds());
  }

  /** The documented rules, re-derived independently of JourneyRules. */
  private static String expectedClass(Journey j, HostSkews skews, long now, boolean chatty) {
    List<Visit> visits = j.visits();
    for (int k = visits.size() - 1; k >= 0; k--) {
      if (visits.get(k).attempts().stream().anyMatch(a -> a.outcome() == Outcome.FAILURE)) {
        return "FAILED@" + visits.get(k).hop();
      }
    }
    if (visits.stream()
        .flatMap(v -> v.attempts().stream())
        .anyMatch(a -> a.outcome() == Outcome.DEAD_LETTERED)) {
      return "DEAD_LETTERED@" + OrdersHop.FULFILMENT;
    }
    Visit last = visits.get(visits.size() - 1);
    if (last.hop() != OrdersHop.ERP_CONFIRMATION) {
      long age = now - (last.firstStart() + skews.of(last.hop()));
      return (age > last.hop().sla().toMillis() ? "STUCK@" : "IN_FLIGHT@") + last.hop();
    }
    for (int k = 0; k < 5; k++) {
      long handover =
          visits.get(k + 1).firstStart()
              + skews.of(visits.get(k + 1).hop())
              - visits.get(k).firstStart()
              - skews.of(visits.get(k).hop());
      if (handover > visits.get(k).hop().sla().toMillis()) {
        return "SLOW@" + visits.get(k).hop();
      }
    }
    for (Visit v : visits) {
      if (v.attempts().size() > 1) {
        return "RETRIED@" + v.hop();
      }
    }
    return chatty ? "CHATTY@" + OrdersHop.FULFILMENT : "HEALTHY@null";
  }

  private static List<String> ids(JourneyGenerator generator) {
    List<String> ids = new ArrayList<>();
    generator.forEachRemaining(j -> ids.add(j.messageId()));
    ids.removeAll(generator.hostileIds());
    return ids;
  }

  private static Journey shifted(Journey j, long millis) {
    List<Visit> visits = new ArrayList<>();
    for (Visit v : j.visits()) {
      List<Attempt> attempts = new ArrayList<>();
      for (Attempt a : v.attempts()) {
        attempts.add(new Attempt(a.start() + millis, a.durationMillis(), a.outcome(), a.detail()));
      }
      visits.add(new Visit(v.hop(), List.copyOf(attempts)));
    }
    return new Journey(
        j.messageId(),
        j.messageClass(),
        j.classHop(),
        j.frontTraceId(),
        j.backTraceId(),
        j.partition(),
        j.offset(),
        j.erpDocumentNumber(),
        List.copyOf(visits));
  }
}
