package org.hopscope.sandbox.seed;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Runs the {@code payments} path of a seed: generates every payment, writes its documents and the
 * finished batches' documents to a sink, and records the ground truth. Used by {@link ElasticLoad}
 * (into {@code _bulk}) and, through {@link #generate}, by engine tests that want the exact
 * documents in memory.
 */
public final class PaymentsSeed {

  /** Receives each document: index name, a document ID, the JSON {@code _source}. */
  public interface Documents {
    void add(String index, String id, String json);
  }

  private PaymentsSeed() {}

  /**
   * Writes every payments document of {@code options} to {@code sink}; {@code counts} gives the
   * documents written per family at the end; {@code afterEach} runs after each payment.
   */
  static PaymentsManifest run(
      SeedOptions options,
      DocumentSink sink,
      ToLongFunction<IndexFamily> counts,
      Runnable afterEach) {
    PaymentsGenerator generator = new PaymentsGenerator(options);
    PaymentsRecorder recorder =
        new PaymentsRecorder(options, generator.timeline(), generator.skews());
    PaymentsDocuments documents = new PaymentsDocuments(generator.skews());
    while (generator.hasNext()) {
      Payment p = generator.next();
      documents.write(p, sink);
      recorder.accept(p);
      for (PaymentBatches.Finished b : generator.finishedBatches()) {
        documents.writeBatch(b, sink);
        recorder.accept(b);
      }
      afterEach.run();
    }
    return recorder.manifest(counts);
  }

  /** Generates the payments documents of {@code options} into {@code out}; returns the manifest. */
  public static PaymentsManifest generate(SeedOptions options, Documents out) {
    Map<IndexFamily, Long> counts = new EnumMap<>(IndexFamily.class);
    DocumentSink sink =
        new DocumentSink() {
          private final StringBuilder sb = new StringBuilder();
          private JsonOut doc;
          private String index;
          private long n;

          @Override
          public JsonOut begin(IndexFamily family, long observedMillis) {
            sb.setLength(0);
            index = family.indexName(Math.floorDiv(observedMillis, 86_400_000L));
            counts.merge(family, 1L, Long::sum);
            doc = new JsonOut(sb).startDocument();
            return doc;
          }

          @Override
          public void end() {
            doc.endDocument();
            out.add(index, "pay-doc-" + (++n), sb.toString());
          }
        };
    return run(options, sink, f -> counts.getOrDefault(f, 0L), () -> {});
  }
}
