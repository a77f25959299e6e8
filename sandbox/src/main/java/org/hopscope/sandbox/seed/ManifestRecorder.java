package org.hopscope.sandbox.seed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.hopscope.sandbox.seed.Journey.Visit;

/**
 * Collects the ground truth while journeys stream by, in memory bounded by the number of
 * non-healthy messages: full ID lists for the rare classes, 1,000-ID reservoir samples for HEALTHY,
 * RETRIED, IN_FLIGHT and the re-keyed pairs, counters for the incident window.
 */
final class ManifestRecorder implements Consumer<Journey> {

  static final int SAMPLE = 1_000;
  private static final int HOPS = OrdersHop.values().length;

  private final SeedOptions options;
  private final IncidentTimeline timeline;
  private final HostSkews skews;
  private final SplittableRandom sampling;
  private final Map<MessageClass, Long> counts = new EnumMap<>(MessageClass.class);
  private final Map<MessageClass, List<Manifest.ClassMessage>> messages =
      new EnumMap<>(MessageClass.class);
  private final List<Manifest.ReKey> reKeys = new ArrayList<>();
  private long reKeyCount;
  private final long[][] window = new long[HOPS][6];

  ManifestRecorder(SeedOptions options, IncidentTimeline timeline, HostSkews skews) {
    this.options = options;
    this.timeline = timeline;
    this.skews = skews;
    this.sampling = new SplittableRandom(options.seed() ^ 0x5EED_F00D_CAFEL);
    for (MessageClass c : MessageClass.values()) {
      counts.put(c, 0L);
      messages.put(c, new ArrayList<>());
    }
  }

  /** Whether {@code c} lists every ID (else a sample). */
  static boolean complete(MessageClass c) {
    return c != MessageClass.HEALTHY && c != MessageClass.RETRIED && c != MessageClass.IN_FLIGHT;
  }

  @Override
  public void accept(Journey j) {
    MessageClass c = j.messageClass();
    long n = counts.merge(c, 1L, Long::sum);
    Manifest.ClassMessage m =
        new Manifest.ClassMessage(
            j.messageId(), j.classHop() == null ? null : j.classHop().hopName());
    if (complete(c)) {
      messages.get(c).add(m);
    } else {
      sample(messages.get(c), m, n);
    }
    if (j.erpDocumentNumber() != null) {
      sample(reKeys, new Manifest.ReKey(j.messageId(), j.erpDocumentNumber()), ++reKeyCount);
    }
    List<Visit> visits = j.visits();
    for (int k = 0; k < visits.size(); k++) {
      long first = JourneyRules.firstObserved(visits.get(k), skews);
      if (first < timeline.incidentStartMillis() || first >= timeline.nowMillis()) {
        continue;
      }
      OrdersHop hop = visits.get(k).hop();
      long[] w = window[hop.ordinal()];
      w[0]++;
      if (hop.terminal() || k + 1 < visits.size()) {
        w[1]++;
      }
      if (j.classHop() == hop) {
        switch (c) {
          case STUCK -> w[2]++;
          case FAILED -> w[3]++;
          case DEAD_LETTERED -> w[4]++;
          case SLOW -> w[5]++;
          default -> {}
        }
      }
    }
  }

  private <T> void sample(List<T> reservoir, T item, long seen) {
    if (reservoir.size() < SAMPLE) {
      reservoir.add(item);
    } else {
      long slot = sampling.nextLong(seen);
      if (slot < SAMPLE) {
        reservoir.set((int) slot, item);
      }
    }
  }

  /** The manifest, with the document counts the loader reports per family. */
  Manifest manifest(
      ToLongFunction<IndexFamily> documentCounts, String chattyId, List<String> hostileIds) {
    Map<String, Long> slas = new LinkedHashMap<>();
    Map<String, Integer> skewMillis = new LinkedHashMap<>();
    Map<String, Manifest.HopDocuments> hops = new LinkedHashMap<>();
    Map<String, Manifest.HopWindow> windows = new LinkedHashMap<>();
    long total = 0;
    for (OrdersHop hop : OrdersHop.values()) {
      if (hop.sla() != null) {
        slas.put(hop.hopName(), hop.sla().toMillis());
      }
      skewMillis.put(hop.hopName(), skews.of(hop));
      List<Manifest.IndexDocuments> indices = new ArrayList<>();
      long hopTotal = 0;
      for (IndexFamily f : IndexFamily.values()) {
        if (f.hop() == hop) {
          long n = documentCounts.applyAsLong(f);
          indices.add(new Manifest.IndexDocuments(f.pattern(), f.idField(), n));
          hopTotal += n;
        }
      }
      total += hopTotal;
      hops.put(hop.hopName(), new Manifest.HopDocuments(indices, hopTotal));
      long[] w = window[hop.ordinal()];
      windows.put(hop.hopName(), new Manifest.HopWindow(w[0], w[1], w[2], w[3], w[4], w[5]));
    }
    Map<String, Manifest.ClassMessages> classes = new LinkedHashMap<>();
    for (MessageClass c : MessageClass.values()) {
      classes.put(
          c.name(),
          new Manifest.ClassMessages(
              counts.get(c), counts.get(c) == messages.get(c).size(), messages.get(c)));
    }
    return new Manifest(
        1,
        new Manifest.Options(
            options.messages(), options.seed(), options.window().toString(), options.chatty()),
        iso(timeline.nowMillis()),
        iso(timeline.fromMillis()),
        iso(timeline.incidentStartMillis()),
        iso(timeline.tokenRotationMillis()),
        iso(timeline.poolExhaustionMillis()),
        slas,
        skewMillis,
        hops,
        total,
        classes,
        new Manifest.ReKeys(reKeyCount, reKeyCount == reKeys.size(), reKeys),
        chattyId,
        hostileIds,
        new Manifest.IncidentWindow(
            iso(timeline.incidentStartMillis()), iso(timeline.nowMillis()), windows));
  }

  private static String iso(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
