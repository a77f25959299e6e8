package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stuck} runs the estimate stage beside the exact analysis, not before it, and still prints
 * the estimate first: a fake Elasticsearch holds the estimate's key sample back until the exact
 * analysis has asked for its key scan (run one after the other, that never happens and the sample
 * is answered only after the wait), and answers the scan at once, so the exact figures are ready
 * before the estimate.
 */
class StuckEstimateAlongsideTest {

  private static final String SHARDS =
      "\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0}";
  private static final String NO_KEYS =
      "{" + SHARDS + ",\"aggregations\":{\"keys\":{\"buckets\":[]}}}";

  @TempDir Path dir;

  @Test
  void theEstimateRunsBesideTheKeyScanAndIsPrintedFirstThoughTheExactCameFirst() throws Exception {
    CountDownLatch scanAsked = new CountDownLatch(1);
    AtomicBoolean sampleSawScan = new AtomicBoolean();
    try (FakeBackend es =
        new FakeBackend(
            r -> {
              if (r.body().contains("\"partition\"")) {
                try {
                  sampleSawScan.set(scanAsked.await(60, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException("interrupted while holding the sample", e);
                }
                return FakeBackend.Answer.json(NO_KEYS);
              }
              if (r.body().contains("\"composite\"")) {
                scanAsked.countDown();
                return FakeBackend.Answer.json(NO_KEYS);
              }
              if (r.body().contains("\"cardinality\"")) {
                return FakeBackend.Answer.json(
                    "{"
                        + SHARDS
                        + ",\"aggregations\":{\"sets\":{\"buckets\":{\"keys\":"
                        + "{\"doc_count\":0,\"distinct\":{\"value\":0}}}}}}");
              }
              return FakeBackend.Answer.json(TinyPath.msearch(r.body(), null));
            })) {
      CliRun run =
          CliRun.run(
              "stuck",
              "--path",
              TinyPath.NAME,
              "--es",
              es.url(),
              "--paths-dir",
              TinyPath.write(dir).toString(),
              "--from",
              TinyPath.FROM,
              "--to",
              TinyPath.TO);

      assertThat(run.exitCode).as(run.toString()).isZero();
      assertThat(sampleSawScan).as("the key scan was asked while the sample waited").isTrue();
      assertThat(run.out).as(run.toString()).startsWith("ESTIMATE in ");
      assertThat(run.out.indexOf("\nEXACT (key scan):\n"))
          .as(run.toString())
          .isGreaterThan(run.out.indexOf("ESTIMATE in "));
      assertThat(run.out)
          .as(run.toString())
          .contains(
              "\ngateway                                0                 0                 0"
                  + "                 0                 0\n");
    }
  }
}
