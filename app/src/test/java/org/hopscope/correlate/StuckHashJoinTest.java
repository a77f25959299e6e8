package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.HopCounts;
import org.hopscope.model.IdLink;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.sandbox.seed.InMemorySeed;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.sandbox.seed.SeedOptions;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hash join ({@link SegmentAnalysis}) on the orders seed's exact documents, in memory: with the
 * link's cardinality left to detect, it gives the manifest's incident-window counts and the same
 * report and messages as the flat passes of a declared one-to-one link.
 */
class StuckHashJoinTest {

  private static InMemoryEventSource events;
  private static Manifest manifest;

  @BeforeAll
  static void seed() {
    events = new InMemoryEventSource();
    manifest =
        InMemorySeed.generate(
            new SeedOptions(
                3_000, 7, Duration.ofHours(3), true, Instant.parse("2026-11-26T12:00:00Z")),
            events::add);
  }

  @Test
  void anUndeclaredLinkIsJoinedByHashAndCountsAsTheFlatPasses() {
    PathDef flat = OrdersPath.path();
    IdLink declared = flat.links().get(0);
    assertThat(declared.cardinality()).isEqualTo(IdLink.Cardinality.ONE_TO_ONE);
    PathDef undeclared =
        new PathDef(
            flat.name(),
            flat.description(),
            flat.hops(),
            List.of(
                new IdLink(
                    declared.fromHop(),
                    declared.fromField(),
                    declared.toHop(),
                    declared.toField())),
            flat.origin(),
            flat.maxJourney());
    Instant now = Instant.parse(manifest.now());
    TimeWindow incident = new TimeWindow(Instant.parse(manifest.incidentStart()), now);
    List<StuckMessage> flatMessages = new ArrayList<>();
    List<StuckMessage> joinedMessages = new ArrayList<>();

    StuckReport flatReport = analyze(flat, incident, now, flatMessages);
    StuckReport joined = analyze(undeclared, incident, now, joinedMessages);

    Map<String, Manifest.HopWindow> counts = new LinkedHashMap<>();
    for (HopCounts c : joined.hops()) {
      counts.put(
          c.hop(),
          new Manifest.HopWindow(
              c.entered(), c.left(), c.stuck(), c.failed(), c.deadLettered(), c.slow()));
    }
    assertThat(counts).isEqualTo(manifest.incidentWindow().hops());
    assertThat(joined.hops()).isEqualTo(flatReport.hops());
    assertThat(joined.totals()).isEqualTo(flatReport.totals());
    assertThat(new HashSet<>(joinedMessages)).isEqualTo(new HashSet<>(flatMessages));
    assertThat(joinedMessages).hasSameSizeAs(flatMessages);
    assertThat(joined.notices())
        .containsExactly(
            new Notice.CardinalityDetected(
                "erp-adapter",
                "erp-confirmation",
                "one-to-one",
                "no key carries several values and no value with later evidence is shared;"
                    + " declare 'cardinality: one-to-one' for the flat-memory analysis"));
  }

  private static StuckReport analyze(
      PathDef path, TimeWindow window, Instant now, List<StuckMessage> messages) {
    return new StuckAnalyzer(events, StuckOptions.defaults())
        .analyze(path, window, now, messages::add, Cancellation.none());
  }
}
