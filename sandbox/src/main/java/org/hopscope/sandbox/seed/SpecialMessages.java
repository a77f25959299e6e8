package org.hopscope.sandbox.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which messages (by arrival index) play a special part in the story: the gateway 401s in the
 * minutes after the token rotation, the healthy messages with hostile IDs, and the chatty one.
 * Counts are exact, not drawn, so that even small seeds contain every part.
 */
final class SpecialMessages {

  /** A special part. */
  enum Part {
    UNAUTHORIZED,
    HOSTILE,
    CHATTY
  }

  static final String[] HOSTILE_IDS = {
    "ord-\"quoted\"-7", "ord\\back\\slash", "ord-*-wild?", "ord with spaces", "ord-ünïcødé-注文-✓-😀"
  };

  /** 401s per 20,000 messages (scaled, at least 2). */
  private static final double UNAUTHORIZED_PER_20K = 11;

  private final long messages;
  private final long fromMillis;
  private final double spacing;
  private final Map<Integer, Part> parts = new HashMap<>();
  private final Map<Integer, String> hostileByIndex = new HashMap<>();
  private final List<String> hostileIds = new ArrayList<>();

  /**
   * @param spacing milliseconds between two arrivals
   * @param random draws where in the 401 minutes the rejected requests fall
   */
  SpecialMessages(
      SeedOptions options, IncidentTimeline timeline, double spacing, SplittableRandom random) {
    this.messages = options.messages();
    this.fromMillis = timeline.fromMillis();
    this.spacing = spacing;
    long rotation = timeline.tokenRotationMillis();
    if (rotation > fromMillis) {
      long first = (long) Math.ceil((rotation - fromMillis) / spacing);
      long afterLast = rotation + IncidentTimeline.UNAUTHORIZED_SPAN.toMillis() - fromMillis;
      long last = Math.min(messages - 1, (long) (afterLast / spacing) - 1);
      long span = last - first + 1;
      long wanted =
          Math.min(span, Math.max(2, Math.round(UNAUTHORIZED_PER_20K * messages / 20_000)));
      for (long k = 0; k < wanted; k++) {
        long at = first + (long) ((k + random.nextDouble()) * span / wanted);
        parts.put((int) Math.min(at, last), Part.UNAUTHORIZED);
      }
    }
    // the forced-healthy messages sit before the incident where the window allows it
    long now = timeline.nowMillis();
    long healthyEnd =
        Math.max(fromMillis + (now - fromMillis) / 2, Math.min(rotation, now - 15 * 60_000));
    int hostile = (int) Math.min(HOSTILE_IDS.length, messages / 10);
    for (int k = 0; k < hostile; k++) {
      long at =
          fromMillis + (healthyEnd - fromMillis) * (2 * k + 1) / (2L * HOSTILE_IDS.length + 1);
      int index = indexAt(at);
      if (parts.putIfAbsent(index, Part.HOSTILE) == null) {
        hostileByIndex.put(index, HOSTILE_IDS[k]);
        hostileIds.add(HOSTILE_IDS[k]);
      }
    }
    if (options.chatty()) {
      parts.putIfAbsent(indexAt(fromMillis + (healthyEnd - fromMillis) * 2 / 3), Part.CHATTY);
    }
  }

  /** The part of the message with arrival index {@code index}, or null for an ordinary one. */
  Part partOf(int index) {
    return parts.get(index);
  }

  /** The hostile ID of the message at {@code index} (only for {@link Part#HOSTILE}). */
  String hostileId(int index) {
    return hostileByIndex.get(index);
  }

  /** All hostile IDs in arrival order. */
  List<String> hostileIds() {
    return List.copyOf(hostileIds);
  }

  private int indexAt(long millis) {
    return (int) Math.min(messages - 1, Math.max(0, (long) ((millis - fromMillis) / spacing)));
  }
}
