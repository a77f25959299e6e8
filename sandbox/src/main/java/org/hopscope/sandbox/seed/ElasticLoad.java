package org.hopscope.sandbox.seed;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.hopscope.sandbox.EsEndpoint;

/**
 * The Elasticsearch half of a seed: replaces the seed's indices, streams every generated orders
 * journey's documents through a bulk loader (and to {@code alsoTo}, e.g. the metrics), then the
 * payments path's, and returns both ground-truth manifests (not yet written). Memory stays flat
 * whatever the message count.
 */
public final class ElasticLoad {

  /** Size of one {@code _bulk} body in characters (about as many bytes). */
  static final int BULK_CHARS = 8 << 20;

  /** Bulk requests on the wire while the next body is generated. */
  static final int IN_FLIGHT = 2;

  private final ElasticCalls es;
  private final PrintStream progress;
  private final boolean console;
  private final int bulkChars;
  private final int inFlight;

  /**
   * @param endpoint the sandbox's Elasticsearch
   * @param progress where the progress line goes
   * @param console whether {@code progress} is a terminal (one line rewritten with {@code \r})
   */
  public ElasticLoad(EsEndpoint endpoint, PrintStream progress, boolean console) {
    this(endpoint, progress, console, BULK_CHARS, IN_FLIGHT);
  }

  /** With other bulk body sizes and request counts (benchmarks). */
  ElasticLoad(
      EsEndpoint endpoint, PrintStream progress, boolean console, int bulkChars, int inFlight) {
    this.es = new ElasticCalls(endpoint);
    this.progress = progress;
    this.console = console;
    this.bulkChars = bulkChars;
    this.inFlight = inFlight;
  }

  /**
   * What a load wrote and how long it took.
   *
   * @param manifest the orders ground truth
   * @param payments the payments ground truth, null when no payments were asked for
   * @param seconds time spent loading both
   */
  public record Result(Manifest manifest, PaymentsManifest payments, double seconds) {
    /** Documents of both paths. */
    public long documents() {
      return manifest.documents() + (payments == null ? 0 : payments.documents());
    }

    public double documentsPerSecond() {
      return documents() / Math.max(1e-3, seconds);
    }
  }

  /** Throws a {@link org.hopscope.sandbox.SandboxException} unless Elasticsearch answers. */
  public void checkReachable() {
    es.get("/_cluster/health?wait_for_status=yellow&timeout=10s");
  }

  /**
   * Deletes the previous seed's indices, installs templates, loads the orders journeys and the
   * payments of {@code options}, restores refresh and refreshes.
   *
   * @param alsoTo receives every journey after its documents were queued (may be a no-op)
   */
  public Result load(SeedOptions options, Consumer<Journey> alsoTo) {
    JourneyGenerator generator = new JourneyGenerator(options);
    IncidentTimeline timeline = generator.timeline();
    SeedIndices indices = new SeedIndices(es);
    indices.deleteExisting();
    indices.installTemplates();
    indices.createDaily(
        timeline.fromMillis() - 1_000, timeline.nowMillis(), SeedIndices.ORDERS_FAMILIES);
    if (options.payments() > 0) {
      // the payment-service host runs up to 4.5 s behind
      indices.createDaily(
          timeline.fromMillis() - 5_000, timeline.nowMillis(), SeedIndices.PAYMENTS_FAMILIES);
    }
    ManifestRecorder recorder = new ManifestRecorder(options, timeline, generator.skews());
    JourneyDocuments documents = new JourneyDocuments(generator.skews(), timeline);
    LoadProgress shown =
        new LoadProgress(progress, console, options.messages() + options.payments());
    long[] messages = {0};
    BulkLoader bulk = new BulkLoader(es, bulkChars, inFlight);
    while (generator.hasNext()) {
      Journey journey = generator.next();
      documents.write(journey, bulk);
      recorder.accept(journey);
      alsoTo.accept(journey);
      shown.update(++messages[0], bulk.documents());
    }
    Manifest manifest =
        recorder.manifest(bulk::count, generator.chattyId(), generator.hostileIds());
    PaymentsManifest payments =
        options.payments() > 0
            ? PaymentsSeed.run(
                options, bulk, bulk::count, () -> shown.update(++messages[0], bulk.documents()))
            : null;
    bulk.close();
    shown.finish(messages[0], bulk.documents());
    double seconds = shown.elapsedSeconds();
    indices.finishLoad();
    return new Result(manifest, payments, seconds);
  }
}
