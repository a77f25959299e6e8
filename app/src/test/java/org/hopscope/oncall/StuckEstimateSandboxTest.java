package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.hopscope.model.HopCounts;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckEstimate.Figure;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.UiSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The estimate stage against the exact analysis of the test sandbox's incident window. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StuckEstimateSandboxTest {

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
  void estimatesHoldTheirBoundsAgainstTheExactAnalysis(TestSandbox sandbox) {
    try (Engine engine = UiSandbox.engine(sandbox)) {
      StuckEstimate e = engine.estimateStuck(path, incident, now, Cancellation.none());
      StuckReport exact = engine.stuck(path, incident, now, m -> {}, Cancellation.none());
      for (int k = 0; k < path.hops().size(); k++) {
        StuckEstimate.HopEstimate h = e.hops().get(k);
        HopCounts c = exact.hops().get(k);
        System.out.println(h.hop() + " exact " + List.of(c.entered(), c.left(), c.stuck(), c.failed(), c.deadLettered()));
        for (Figure f : h.figures()) {
          System.out.println("   " + f.text() + "  " + f.why());
        }
      }
    }
  }
}
