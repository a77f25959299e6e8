package org.hopscope.correlate;

/**
 * Limits of one flow search.
 *
 * @param maxLinkDepth rounds after the first that follow newly found IDs and trace IDs (default 4)
 * @param maxIds most distinct values (message IDs, linked IDs, trace IDs) followed (default 1,000)
 * @param eventsPerQuery most documents one query of a round returns (default 200,000)
 */
public record FlowOptions(int maxLinkDepth, int maxIds, int eventsPerQuery) {

  public FlowOptions {
    if (maxLinkDepth < 0 || maxIds < 1 || eventsPerQuery < 1) {
      throw new IllegalArgumentException(
          "flow limits must be positive: maxLinkDepth=%d, maxIds=%d, eventsPerQuery=%d"
              .formatted(maxLinkDepth, maxIds, eventsPerQuery));
    }
  }

  public static FlowOptions defaults() {
    return new FlowOptions(4, 1_000, 200_000);
  }
}
