package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One key of a segment after a link (an ERP number, a part, a batch), held for the hash join: its
 * evidence at the segment's hops, packed into longs (an analysis holds one per key), and the nodes
 * of the next segment its values lead to. Shared by every key linked to it (a batch's members).
 */
final class SegmentNode {

  /** A value with no evidence in the next segment (the part or batch was never seen there). */
  static final SegmentNode NONE = new SegmentNode(new long[0]);

  private static final int FAILURE = 1;
  private static final int TERMINAL = 2;
  private static final int DEAD = 4;
  private static final long ABSENT = Long.MIN_VALUE;
  private static final int SLOTS = 4;

  /** Per hop of the segment: first, last, last failure (epoch nanos or ABSENT), flags. */
  private final long[] packed;

  /** The next segment's nodes: null, one node, or an array of them. */
  private Object next;

  /** How often a key of the previous segment was linked to it (2 = at least twice). */
  private byte linked;

  /** Whether a message reached it. */
  private boolean reached;

  private SegmentNode(long[] packed) {
    this.packed = packed;
  }

  /** Packs {@code evidence}'s hops {@code [start, end)}. */
  static SegmentNode of(List<HopEvidence> evidence, int start, int end) {
    long[] packed = new long[(end - start) * SLOTS];
    for (int k = start; k < end; k++) {
      HopEvidence e = evidence.get(k);
      int i = (k - start) * SLOTS;
      packed[i] = nanos(e.first());
      packed[i + 1] = nanos(e.last());
      packed[i + 2] = nanos(e.lastFailure());
      packed[i + 3] =
          (e.failure() ? FAILURE : 0) | (e.terminal() ? TERMINAL : 0) | (e.deadLetter() ? DEAD : 0);
    }
    return new SegmentNode(packed);
  }

  /** Whether it has evidence at some hop (false for {@link #NONE}). */
  boolean present() {
    for (int i = 0; i < packed.length; i += SLOTS) {
      if (packed[i] != ABSENT) {
        return true;
      }
    }
    return false;
  }

  /**
   * Its evidence at the segment's {@code i}-th hop, or {@code absent} without events there.
   *
   * @param sla the hop's SLA
   */
  HopEvidence evidence(int i, HopEvidence absent, Duration sla) {
    int j = i * SLOTS;
    if (j >= packed.length || packed[j] == ABSENT) {
      return absent;
    }
    long flags = packed[j + 3];
    return new HopEvidence(
        instant(packed[j]),
        instant(packed[j + 1]),
        (flags & FAILURE) != 0,
        instant(packed[j + 2]),
        (flags & TERMINAL) != 0,
        (flags & DEAD) != 0,
        sla,
        false);
  }

  /** Links {@code to} as one of its next nodes; returns whether {@code to} was linked before. */
  boolean link(SegmentNode to) {
    if (next == null) {
      next = to;
    } else if (next instanceof SegmentNode one) {
      next = new SegmentNode[] {one, to};
    } else {
      SegmentNode[] many = (SegmentNode[]) next;
      SegmentNode[] more = Arrays.copyOf(many, many.length + 1);
      more[many.length] = to;
      next = more;
    }
    if (to == NONE) {
      return false;
    }
    boolean before = to.linked > 0;
    to.linked = (byte) Math.min(2, to.linked + 1);
    return before;
  }

  /** Its next nodes (empty without any). */
  SegmentNode[] next() {
    if (next == null) {
      return new SegmentNode[0];
    }
    return next instanceof SegmentNode one ? new SegmentNode[] {one} : (SegmentNode[]) next;
  }

  void reach() {
    reached = true;
  }

  boolean reached() {
    return reached;
  }

  private static long nanos(Instant t) {
    if (t == null) {
      return ABSENT;
    }
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  private static Instant instant(long nanos) {
    return nanos == ABSENT
        ? null
        : Instant.ofEpochSecond(
            Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
