package org.hopscope.sandbox.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.hopscope.sandbox.EsEndpoint;

/**
 * Measures a large Elasticsearch load (not a test): {@code java ... SeedBenchmark URL MESSAGES
 * [chatty]}. Prints the progress, then documents, seconds and docs/s.
 */
public final class SeedBenchmark {

  private SeedBenchmark() {}

  public static void main(String[] args) {
    EsEndpoint es = EsEndpoint.plain(args[0]);
    long messages = Long.parseLong(args[1]);
    boolean chatty = args.length > 2 && Boolean.parseBoolean(args[2]);
    long t0 = System.nanoTime();
    ElasticLoad.Result r =
        new ElasticLoad(
                es,
                System.out,
                System.console() != null,
                Integer.getInteger("bulkChars", ElasticLoad.BULK_CHARS),
                Integer.getInteger("inFlight", ElasticLoad.IN_FLIGHT))
            .load(
                new SeedOptions(messages, 1, Duration.ofHours(3), chatty, Instant.now()), j -> {});
    System.out.printf(
        Locale.ROOT,
        "%,d messages, %,d documents, load %.1f s, %,.0f docs/s, total with setup %.1f s%n",
        messages,
        r.manifest().documents(),
        r.seconds(),
        r.documentsPerSecond(),
        (System.nanoTime() - t0) / 1e9);
  }
}
