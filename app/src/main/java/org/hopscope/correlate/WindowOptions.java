package org.hopscope.correlate;

import java.time.Duration;

/**
 * Limits and reach of a window analysis.
 *
 * @param pageSize buckets per scan page (memory per open scan)
 * @param lookback how far before the window's start hops are scanned, so a message's earlier events
 *     are seen (its first event at a hop, its hops before); null: the sum of the path's SLAs
 * @param lookupBatch linked IDs resolved per lookup round trip (see {@link WindowAnalyzer})
 */
public record WindowOptions(int pageSize, Duration lookback, int lookupBatch) {

  public WindowOptions {
    if (pageSize < 1 || lookupBatch < 1) {
      throw new IllegalArgumentException(
          "pageSize and lookupBatch must be positive: " + pageSize + ", " + lookupBatch);
    }
  }

  /** 10,000 buckets a page, lookback = sum of SLAs, 500 lookups per round trip. */
  public static WindowOptions defaults() {
    return new WindowOptions(10_000, null, 500);
  }
}
