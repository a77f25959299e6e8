package org.hopscope.sandbox.seed;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of the {@code payments} path of one seed ({@code payments-manifest.json} beside
 * {@code manifest.json}), documented field by field in {@code docs/sandbox-manifest.md}. Times are
 * ISO-8601 UTC strings; maps keyed by hop name are in path order. The per-hop document counts,
 * class lists and incident window use the same shapes as the orders {@link Manifest}.
 *
 * @param version format version of this file (1)
 * @param path always {@code payments}
 * @param options what was asked for
 * @param now end of the recording (the orders manifest's {@code now})
 * @param from start of the recording
 * @param incidentStart start of the incident window ({@code now - 45 min})
 * @param story the story's turning points
 * @param slaMillis per hop the hand-over SLA in ms (the last hop has none)
 * @param hostSkewMillis per hop the clock skew added to every timestamp it writes
 * @param hops per hop its index patterns with exact document counts (the blind one with 0)
 * @param blindSources index patterns of the path that match no index
 * @param documents all documents of the path
 * @param classes per class the count and the IDs with their class hop
 * @param journeys a sample of payments with everything the flow must show
 * @param batches the settlement batches: counts, the rejected and unanswered ones, a sample
 * @param incidentWindow per hop what happened to payments that entered it in [incidentStart, now)
 * @param incidentMessages the payments behind the window's {@code stuck} and {@code failed} counts
 */
public record PaymentsManifest(
    int version,
    String path,
    Options options,
    String now,
    String from,
    String incidentStart,
    Story story,
    Map<String, Long> slaMillis,
    Map<String, Integer> hostSkewMillis,
    Map<String, Manifest.HopDocuments> hops,
    List<BlindSource> blindSources,
    long documents,
    Map<String, Manifest.ClassMessages> classes,
    Journeys journeys,
    Batches batches,
    Manifest.IncidentWindow incidentWindow,
    IncidentMessages incidentMessages) {

  /** File name in the sandbox folder. */
  public static final String FILE_NAME = "payments-manifest.json";

  /** The options of the payments part of the seed. */
  public record Options(long payments, long seed, String window) {}

  /**
   * The turning points of the payments story (ISO-8601).
   *
   * @param rejectedBatch the rejected batch's cell holds this instant
   * @param ledgerLock from here a share of postings is received but never booked
   * @param clearingOutageFrom batches closed from here on are never answered ...
   * @param clearingOutageTo ... up to here; later ones wait for the backlog
   * @param clearingBacklog when clearing answers the waiting batches
   */
  public record Story(
      String rejectedBatch,
      String ledgerLock,
      String clearingOutageFrom,
      String clearingOutageTo,
      String clearingBacklog) {}

  /** An index pattern of the path that resolves to no index (reason {@code NO_INDEX}). */
  public record BlindSource(String hop, String pattern, String reason) {}

  /**
   * Payments with their full ground truth.
   *
   * @param count all payments
   * @param perClass at most this many per class are listed (all of a class when it has fewer)
   * @param payments the listed payments, in arrival order
   */
  public record Journeys(long count, int perClass, List<PaymentTruth> payments) {}

  /**
   * What the flow of one payment must show.
   *
   * @param id the payment ID
   * @param paymentClass its class ({@code class} in JSON)
   * @param hop the class hop (null for HEALTHY)
   * @param attempts per hop reached at payment level: requests at payments-api, 1 at
   *     payment-service (hops from ledger on count per part, one each)
   * @param failures per hop with failure events, how many
   * @param recovered per hop with recovered failure events, how many
   * @param parts per ledger posting its progress (empty before payment-service)
   */
  public record PaymentTruth(
      String id,
      @JsonProperty("class") String paymentClass,
      String hop,
      Map<String, Integer> attempts,
      Map<String, Integer> failures,
      Map<String, Integer> recovered,
      List<PartTruth> parts) {}

  /**
   * One part (ledger posting) of a payment.
   *
   * @param id the posting ID
   * @param reached the furthest hop with evidence of the part
   * @param verdict OK, SLOW, IN_FLIGHT, STUCK or ERROR
   * @param hop the hop the verdict refers to (null for OK)
   * @param batch its settlement batch, null before the batcher
   * @param confirmed whether clearing acknowledged its batch
   */
  public record PartTruth(
      String id, String reached, String verdict, String hop, String batch, boolean confirmed) {}

  /**
   * Settlement batches.
   *
   * @param count batches with at least one posting
   * @param rejected IDs of the rejected batches
   * @param unanswered IDs of every batch submitted and not answered by {@code now}
   * @param sample batches with their members: the rejected one and up to 10 per other outcome
   */
  public record Batches(
      long count, List<String> rejected, List<String> unanswered, List<BatchTruth> sample) {}

  /**
   * One batch.
   *
   * @param id the batch ID
   * @param outcome ACKNOWLEDGED, REJECTED, UNANSWERED (submitted, no answer) or OPEN (not closed)
   * @param postings members
   * @param closed when the batcher submitted it (null while open)
   * @param answered when clearing answered (null without answer)
   * @param members every member posting and its payment
   */
  public record BatchTruth(
      String id,
      String outcome,
      int postings,
      String closed,
      String answered,
      List<Member> members) {}

  /**
   * The payments counted as stuck or failed at a hop in the incident window: class hop = the hop,
   * and the payment's first event there lies in the window. Complete lists.
   */
  public record IncidentMessages(
      List<Manifest.ClassMessage> stuck, List<Manifest.ClassMessage> failed) {}

  /** A batch member. */
  public record Member(String postingId, String paymentId) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes the manifest to {@code file} atomically. */
  public void writeTo(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), this);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the payments manifest " + file, e);
    }
  }

  /** Reads a manifest written by {@link #writeTo}. */
  public static PaymentsManifest read(Path file) {
    try {
      return JSON.readValue(file.toFile(), PaymentsManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the payments manifest " + file, e);
    }
  }
}
