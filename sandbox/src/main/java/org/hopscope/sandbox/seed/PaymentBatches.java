package org.hopscope.sandbox.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The settlement batcher: postings join a batch of their 3-minute cell (one of {@code lanes}
 * parallel batches per cell, so batches hold ~10-40 postings whatever the rate); a batch closes at
 * the end of its cell and is submitted to clearing, which answers as the story says. Only batches
 * that can still take postings are kept: a batch is finished once a payment arrives after its cell
 * ended, so memory stays bounded by the open cells.
 */
final class PaymentBatches {

  /** Postings per batch the lanes aim at. */
  static final double TARGET_POSTINGS = 25;

  /** A batch that takes no more postings: its fate, its size and (lane 0 only) its members. */
  record Finished(Payment.Batch batch, int postings, int lane, List<Member> members) {}

  /** A posting in a batch and the payment it belongs to. */
  record Member(String postingId, String paymentId) {}

  private static final class Open {
    final Payment.Batch batch;
    final long cellEnd;
    final int lane;
    final List<Member> members;
    int postings;

    Open(Payment.Batch batch, long cellEnd, int lane) {
      this.batch = batch;
      this.cellEnd = cellEnd;
      this.lane = lane;
      this.members = lane == 0 ? new ArrayList<>() : null;
    }
  }

  private final PaymentsTimeline timeline;
  private final long cutoff;
  private final int lanes;
  private final long firstNumber;
  private final long rejectedCell;
  private final SplittableRandom random;
  private final TreeMap<Long, Open> open = new TreeMap<>();

  PaymentBatches(PaymentsTimeline timeline, long cutoff, int lanes, SplittableRandom random) {
    this.timeline = timeline;
    this.cutoff = cutoff;
    this.lanes = lanes;
    this.random = random;
    this.firstNumber = 100 + random.nextInt(900);
    this.rejectedCell = timeline.cell(timeline.rejectedBatchMillis());
  }

  /** Lanes for {@code postings} expected over a window of {@code windowMillis}. */
  static int lanes(double postings, long windowMillis) {
    double perCell = postings * PaymentsTimeline.BATCH_MILLIS / windowMillis;
    return (int) Math.max(1, Math.round(perCell / TARGET_POSTINGS));
  }

  /** Adds the posting added at {@code addedMillis} (true time) to a batch and returns it. */
  Payment.Batch join(long addedMillis, String postingId, String paymentId) {
    long cell = timeline.cell(addedMillis);
    int lane = random.nextInt(lanes);
    long key = cell * lanes + lane;
    Open b = open.get(key);
    if (b == null) {
      b = new Open(fate(key, cell, lane), timeline.cellEnd(cell), lane);
      open.put(key, b);
    }
    b.postings++;
    if (b.members != null) {
      b.members.add(new Member(postingId, paymentId));
    }
    return b.batch;
  }

  /** The batches whose cell ended at or before {@code arrivalMillis}, in batch order. */
  List<Finished> finishedBy(long arrivalMillis) {
    List<Finished> out = new ArrayList<>();
    while (!open.isEmpty() && open.firstEntry().getValue().cellEnd <= arrivalMillis) {
      out.add(finished(open.pollFirstEntry().getValue()));
    }
    return out;
  }

  /** All batches still open (at the end of the generation). */
  List<Finished> finishAll() {
    List<Finished> out = new ArrayList<>();
    for (Map.Entry<Long, Open> e : open.entrySet()) {
      out.add(finished(e.getValue()));
    }
    open.clear();
    return out;
  }

  /** Batches kept in memory right now. */
  int openCount() {
    return open.size();
  }

  private static Finished finished(Open b) {
    return new Finished(
        b.batch, b.postings, b.lane, b.members == null ? List.of() : List.copyOf(b.members));
  }

  /** What happens to a batch, drawn when its first posting joins it. */
  private Payment.Batch fate(long key, long cell, int lane) {
    String id = String.format("B-%05d", firstNumber + key);
    long closed = timeline.cellEnd(cell) + 200 + random.nextInt(700);
    long answer = closed + 20_000 + random.nextInt(70_000);
    boolean rejected = cell == rejectedCell && lane == 0;
    if (!rejected && closed >= timeline.outageFromMillis()) {
      if (closed < timeline.outageToMillis()) {
        answer = -1; // submitted into the outage: never answered
      } else if (closed < timeline.backlogMillis()) {
        answer = timeline.backlogMillis() + 5_000 + random.nextInt(55_000);
      }
    }
    if (closed > cutoff) {
      return new Payment.Batch(id, -1, -1, false);
    }
    long answered = answer > cutoff ? -1 : answer;
    return new Payment.Batch(id, closed, answered, rejected && answered >= 0);
  }
}
