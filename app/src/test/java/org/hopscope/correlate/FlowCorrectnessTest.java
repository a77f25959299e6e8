package org.hopscope.correlate;

import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The engine over the real sandbox Elasticsearch against the seed's manifest. */
@ExtendWith(SandboxExtension.class)
class FlowCorrectnessTest {

  private static ManifestChecks checks(TestSandbox sandbox) {
    return new ManifestChecks(RealSources.events(sandbox), Manifest.read(sandbox.manifest()));
  }

  @Test
  void everyClassHasTheManifestVerdict(TestSandbox sandbox) {
    checks(sandbox).everyClassHasItsVerdict(200);
  }

  @Test
  void reKeyedMessagesAndTraceIdsLeadToTheSameFlow(TestSandbox sandbox) {
    checks(sandbox).reKeyedAndTraceSearchesFindTheSameMessage(40);
  }

  @Test
  void incidentWindowCountsEqualTheManifest(TestSandbox sandbox) {
    checks(sandbox).incidentWindowEqualsManifest();
  }
}
