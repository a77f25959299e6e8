package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hopscope.faults.Fault;
import org.hopscope.faults.SilencingProxy;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sandbox's Elasticsearch answers the first half of a stuck analysis' requests and then goes
 * silent (a proxy holds the rest): the command ends with exit 4 naming the backend, its URL and the
 * timeout, and the requests queued behind the silent one are not sent, each to wait its own
 * timeout.
 */
@ExtendWith(SandboxExtension.class)
@Fault(Fault.Area.WAITS)
class SilentMidCommandSandboxTest {

  private static final Map<String, String> FAST =
      Map.of(
          "HOPSCOPE_ES_CONNECT_TIMEOUT", "1s",
          "HOPSCOPE_ES_REQUEST_TIMEOUT", "3s");

  private static String[] stuck(Manifest manifest, String es) {
    return new String[] {
      "stuck",
      "--path",
      "orders",
      "--from",
      manifest.from(),
      "--to",
      manifest.now(),
      "--es",
      es,
      "--json"
    };
  }

  @Test
  void elasticsearchGoingSilentMidAnalysisEndsItNamedAfterOneTimeout(TestSandbox sandbox) {
    Manifest manifest = Manifest.read(sandbox.manifest());
    String es = sandbox.state().elasticsearchUrl();
    int all;
    try (SilencingProxy passing = SilencingProxy.of(es, Integer.MAX_VALUE)) {
      CliRun whole = CliRun.run(FAST, stuck(manifest, passing.url()));
      assertThat(whole.exitCode).as(whole.toString()).isZero();
      all = passing.requests();
    }
    assertThat(all).as("the analysis takes several requests").isGreaterThanOrEqualTo(4);

    try (SilencingProxy proxy = SilencingProxy.of(es, all / 2)) {
      CliRun run = CliRun.run(FAST, stuck(manifest, proxy.url()));
      assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
      assertThat(run.out).isEmpty();
      assertThat(run.err)
          .startsWith("hopscope: Elasticsearch at " + proxy.url() + " did not answer ")
          .contains(" within 3 s (request timeout).");
      assertThat(run.err.lines()).hasSize(1);
      // those in flight when it went silent were held; the rest were never sent
      assertThat(proxy.requests()).isGreaterThan(all / 2).isLessThan(all);
    }
  }
}
