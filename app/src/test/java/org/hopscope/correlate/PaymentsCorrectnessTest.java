package org.hopscope.correlate;

import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.PaymentsManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine over the real sandbox Elasticsearch against the payments path's manifest: a split into
 * postings, batches answered by clearing, retried requests, a host clock seconds behind,
 * epoch-millisecond timestamps, IDs with {@code :} and {@code /}, a blind index pattern.
 */
@ExtendWith(SandboxExtension.class)
class PaymentsCorrectnessTest {

  private static PaymentsChecks checks(TestSandbox sandbox) {
    return new PaymentsChecks(
        RealSources.events(sandbox), PaymentsManifest.read(sandbox.paymentsManifest()));
  }

  @Test
  void everyClassHasTheManifestVerdictAttemptsAndPartProgress(TestSandbox sandbox) {
    checks(sandbox).everyPaymentHasItsVerdictAttemptsAndParts(40);
  }

  @Test
  void incidentWindowCountsAndStuckSetsEqualTheManifest(TestSandbox sandbox) {
    checks(sandbox).incidentWindowEqualsManifest();
  }

  @Test
  void theBlindLedgerSourceIsNamedAndJudgesNothing(TestSandbox sandbox) {
    checks(sandbox).theBlindSourceIsNamedNotJudged();
  }
}
