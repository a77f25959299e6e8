package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.config.ResolvedConnection;
import org.hopscope.faults.Fault;
import org.hopscope.model.BlindSource;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.Hop;
import org.hopscope.model.HopCounts;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckEstimate.Figure;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Backends;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.UiSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The estimate stage against the exact analysis on the test sandbox's incident window (3,000
 * messages): read whole it is the exact count; sampled, every figure holds its bound; a hop whose
 * index is missing is unknown, never 0.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StuckEstimatorSandboxTest {

  private Instant now;
  private TimeWindow incident;
  private final PathDef path = UiSandbox.ordersPath();

  @BeforeAll
  void seeded(TestSandbox sandbox) {
    Manifest manifest = Manifest.read(sandbox.manifest());
    now = Instant.parse(manifest.now());
    incident = new TimeWindow(Instant.parse(manifest.incidentStart()), now);
  }

  @Test
  void aWindowThatFitsTheSampleIsCountedExactly(TestSandbox sandbox) {
    try (Backends b = backends(sandbox)) {
      StuckEstimate e =
          new StuckEstimator(b.events(), null).estimate(path, incident, now, Cancellation.none());
      StuckReport exact = exact(b, path);
      for (int k = 0; k < path.hops().size(); k++) {
        StuckEstimate.HopEstimate h = e.hops().get(k);
        assertThat(h.figures()).as(h.hop()).allMatch(f -> f.known() && f.bound() == 0);
        assertThat(values(h)).as(h.hop()).containsExactly(counts(exact.hops().get(k)));
      }
      // the incident parks messages at fulfilment-service: the estimate says so too
      assertThat(e.hops().get(3).stuck().value()).isGreaterThanOrEqualTo(10);
    }
  }

  @Test
  void aSampleHoldsItsBoundOnEveryFigure(TestSandbox sandbox) {
    try (Backends b = backends(sandbox)) {
      StuckEstimate e =
          new StuckEstimator(b.events(), null, 400)
              .estimate(path, incident, now, Cancellation.none());
      StuckReport exact = exact(b, path);
      for (int k = 0; k < path.hops().size(); k++) {
        StuckEstimate.HopEstimate h = e.hops().get(k);
        long[] truth = counts(exact.hops().get(k));
        for (int i = 0; i < 5; i++) {
          Figure f = h.figures().get(i);
          assertThat(f.known()).as(h.hop() + " #" + i).isTrue();
          assertThat(f.bound()).as(h.hop() + " #" + i).isPositive();
          assertThat(f.why()).as(h.hop() + " #" + i).startsWith("hash sample of 1/");
          assertThat(f.holds(truth[i]))
              .as("%s #%d: %s against exact %d", h.hop(), i, f.text(), truth[i])
              .isTrue();
        }
      }
    }
  }

  @Test
  @Fault(Fault.Area.BACKENDS)
  void aHopWhoseIndexIsMissingIsUnknownNeverZero(TestSandbox sandbox) {
    List<Hop> hops = new ArrayList<>(path.hops());
    Hop f = hops.get(3);
    List<EventSourceDef> missing = new ArrayList<>();
    for (EventSourceDef s : f.sources()) {
      missing.add(new EventSourceDef("no-such-index-" + s.index(), s.kind(), s.fields()));
    }
    hops.set(3, new Hop(f.name(), f.kind(), f.service(), missing, f.sla(), f.panels()));
    PathDef blind =
        new PathDef(path.name(), path.description(), hops, path.links(), null, path.maxJourney());
    try (Backends b = backends(sandbox)) {
      StuckEstimate e =
          new StuckEstimator(b.events(), null).estimate(blind, incident, now, Cancellation.none());
      StuckEstimate.HopEstimate h = e.hops().get(3);
      assertThat(h.figures()).allMatch(x -> !x.known() && x.text().equals("unknown"));
      assertThat(h.entered().why())
          .isEqualTo("every source of hop fulfilment-service cannot be read");
      assertThat(h.blind())
          .extracting(BlindSource::reason)
          .containsOnly(BlindSource.Reason.NO_INDEX);
      // orders.v1 may have handed its messages on to the unreadable hop: neither left nor stuck
      StuckEstimate.HopEstimate before = e.hops().get(2);
      assertThat(before.entered().known()).isTrue();
      assertThat(before.entered().value()).isEqualTo(exact(b, blind).hops().get(2).entered());
    }
  }

  private Backends backends(TestSandbox sandbox) {
    return Backends.open(new ResolvedConnection(UiSandbox.profile(sandbox), List.of()));
  }

  private StuckReport exact(Backends b, PathDef p) {
    return new StuckAnalyzer(b.events(), StuckOptions.defaults())
        .analyze(p, incident, now, m -> {}, Cancellation.none());
  }

  private static long[] counts(HopCounts c) {
    return new long[] {c.entered(), c.left(), c.stuck(), c.failed(), c.deadLettered()};
  }

  private static long[] values(StuckEstimate.HopEstimate h) {
    return h.figures().stream().mapToLong(Figure::value).toArray();
  }
}
