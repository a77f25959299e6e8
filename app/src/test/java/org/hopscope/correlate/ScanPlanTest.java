package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.hopscope.model.Condition;
import org.hopscope.model.Hop;
import org.hopscope.model.IdLink;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.junit.jupiter.api.Test;

/**
 * The message pass' link marker rides on the hop's own scan when that scan reads the same keys; the
 * look-back is read as a slice of its own.
 */
class ScanPlanTest {

  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T03:00:00Z"));

  private final PathDef path = OrdersPath.path();
  private final IdLink link = path.links().get(0);
  private final int from = path.indexOf(link.fromHop());
  private final Hop hop = path.hops().get(from);

  @Test
  void theMarkerIsCountedByTheHopsOwnScan() {
    ScanPlan plan = new ScanPlan(WINDOW);
    plan.add(from, hop, null, true);
    List<ScanPlan.Stream> own = plan.streams();

    plan.addMarker(from, hop, link.fromField());

    List<ScanPlan.Stream> streams = plan.streams();
    assertThat(streams).hasSameSizeAs(own).isNotEmpty();
    for (int i = 0; i < streams.size(); i++) {
      ScanPlan.Stream s = streams.get(i);
      assertThat(s.marker()).isFalse();
      assertThat(s.scan().withMark(List.of())).isEqualTo(own.get(i).scan());
      assertThat(s.scan().mark())
          .containsExactly(new Condition(link.fromField(), Condition.Op.EXISTS, List.of()));
    }
  }

  @Test
  void withoutTheHopsOwnScanTheMarkerScansOnItsOwn() {
    ScanPlan plan = new ScanPlan(WINDOW);

    plan.addMarker(from, hop, link.fromField());

    List<ScanPlan.Stream> streams = plan.streams();
    assertThat(streams).isNotEmpty().allMatch(ScanPlan.Stream::marker);
    assertThat(streams)
        .allSatisfy(
            s -> {
              assertThat(s.scan().mark()).isEmpty();
              assertThat(s.scan().failure())
                  .containsExactly(new Condition(link.fromField(), Condition.Op.EXISTS, List.of()));
            });
  }

  @Test
  void aBlindSourceIsNeitherScannedNorMarked() {
    assertThat(hop.sources()).hasSize(1);
    ScanPlan plan = new ScanPlan(WINDOW, Set.of(hop.sources().get(0).index()));
    plan.add(from, hop, null, true);
    plan.addMarker(from, hop, link.fromField());

    assertThat(plan.streams()).isEmpty();
  }

  @Test
  void theLookBackIsASliceOfItsOwnForEveryScan() {
    Instant cut = Instant.parse("2026-01-01T00:17:15Z");
    ScanPlan plan = new ScanPlan(WINDOW, cut, Set.of());
    plan.add(from, hop, null, true);
    plan.addValues(from, hop, null, link.fromField());

    List<ScanPlan.Stream> streams = plan.streams();
    assertThat(streams).hasSize(2);
    assertThat(streams.get(0).scan().window()).isEqualTo(new TimeWindow(WINDOW.from(), cut));
    assertThat(streams.get(1).scan().window()).isEqualTo(new TimeWindow(cut, WINDOW.to()));
    assertThat(streams.get(1).scan().within(WINDOW))
        .isEqualTo(streams.get(0).scan().within(WINDOW));
    assertThat(streams.get(0).name()).endsWith(", 2026-01-01T00:00:00Z .. 2026-01-01T00:17:15Z");
    assertThat(plan.valueStreams())
        .extracting(v -> v.scan().window())
        .containsExactly(new TimeWindow(WINDOW.from(), cut), new TimeWindow(cut, WINDOW.to()));
  }

  @Test
  void aCutOutsideTheWindowOrOnItsEdgeLeavesItWhole() {
    assertThat(ScanPlan.slices(WINDOW, null)).containsExactly(WINDOW);
    assertThat(ScanPlan.slices(WINDOW, WINDOW.from())).containsExactly(WINDOW);
    assertThat(ScanPlan.slices(WINDOW, WINDOW.to())).containsExactly(WINDOW);
    assertThat(ScanPlan.slices(WINDOW, WINDOW.from().minusSeconds(1))).containsExactly(WINDOW);
  }
}
