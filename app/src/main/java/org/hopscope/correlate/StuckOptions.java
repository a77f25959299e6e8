package org.hopscope.correlate;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Limits and reach of a stuck analysis.
 *
 * @param pageSize buckets per scan page (memory per open scan)
 * @param lookback how far before the window's start hops are scanned, so a message's earlier events
 *     are seen (its first event at a hop, its hops before); null: the sum of the path's SLAs
 * @param lookupBatch linked IDs resolved per lookup round trip (see {@link StuckAnalyzer})
 * @param prefetch fetches each scan's next page while the current one is merged (one page ahead per
 *     scan, so memory stays flat); {@code Runnable::run} fetches on the caller's thread
 * @param lookBackSlice whether each scan reads the look-back as a slice of its own (a paged scan
 *     costs about documents x pages, see {@link ScanPlan}); false for scans of one round trip
 */
public record StuckOptions(
    int pageSize, Duration lookback, int lookupBatch, Executor prefetch, boolean lookBackSlice) {

  /** Options whose scans read the look-back as a slice of its own. */
  public StuckOptions(int pageSize, Duration lookback, int lookupBatch, Executor prefetch) {
    this(pageSize, lookback, lookupBatch, prefetch, true);
  }

  public StuckOptions {
    if (pageSize < 1 || lookupBatch < 1) {
      throw new IllegalArgumentException(
          "pageSize and lookupBatch must be positive: " + pageSize + ", " + lookupBatch);
    }
    Objects.requireNonNull(prefetch, "prefetch");
  }

  /**
   * 10,000 buckets a page, lookback = sum of SLAs (its own slice), 500 lookups per round trip, no
   * prefetch.
   */
  public static StuckOptions defaults() {
    return new StuckOptions(10_000, null, 500, Runnable::run, true);
  }

  public StuckOptions withPrefetch(Executor executor) {
    return new StuckOptions(pageSize, lookback, lookupBatch, executor, lookBackSlice);
  }

  /** These options with the look-back read in the same scan as the window (one round trip each). */
  public StuckOptions withLookBackInOneScan() {
    return new StuckOptions(pageSize, lookback, lookupBatch, prefetch, false);
  }
}
