package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stuck} runs the estimate stage first and the key scans after it, but an estimate slower
 * than {@link org.hopscope.oncall.EstimateFirst#GRACE} does not hold them back; the estimate is
 * printed first either way. A fake Elasticsearch answers the requests.
 */
class StuckEstimateAlongsideTest {

  private static final String SHARDS =
      "\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0}";
  private static final String NO_KEYS =
      "{" + SHARDS + ",\"aggregations\":{\"keys\":{\"buckets\":[]}}}";

  @TempDir Path dir;

  @Test
  void theKeyScansWaitForTheEstimate() throws Exception {
    List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    try (FakeBackend es = backend(() -> order.add("sample"), () -> order.add("scan"))) {
      CliRun run = stuck(es);
      assertThat(run.exitCode).as(run.toString()).isZero();
      assertThat(order).as(run.toString()).contains("sample", "scan");
      assertThat(order.indexOf("scan"))
          .as("every sample before the first key scan: " + order)
          .isGreaterThan(order.lastIndexOf("sample"));
      assertThat(run.out).as(run.toString()).startsWith("ESTIMATE in ");
    }
  }

  /**
   * A fake Elasticsearch of the tiny path: every sample and key scan answered without keys, after
   * {@code onSample} or {@code onScan} ran; distinct counts 0; the rest from {@link TinyPath}.
   */
  private static FakeBackend backend(Runnable onSample, Runnable onScan) throws Exception {
    return new FakeBackend(
        r -> {
          if (r.body().contains("\"partition\"")) {
            onSample.run();
            return FakeBackend.Answer.json(NO_KEYS);
          }
          if (r.body().contains("\"composite\"")) {
            onScan.run();
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
        });
  }

  private CliRun stuck(FakeBackend es) throws Exception {
    return CliRun.run(
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
  }

  /** The sample is held until the key scan was asked: only the grace lets the scan go first. */
  @Test
  void anEstimateSlowerThanTheGraceDoesNotHoldTheScansBackAndIsStillPrintedFirst()
      throws Exception {
    CountDownLatch scanAsked = new CountDownLatch(1);
    AtomicBoolean sampleSawScan = new AtomicBoolean();
    try (FakeBackend es =
        backend(
            () -> {
              try {
                sampleSawScan.set(scanAsked.await(60, TimeUnit.SECONDS));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while holding the sample", e);
              }
            },
            scanAsked::countDown)) {
      CliRun run = stuck(es);

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
