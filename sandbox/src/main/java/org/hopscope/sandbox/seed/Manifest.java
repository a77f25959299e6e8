package org.hopscope.sandbox.seed;

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
 * The ground truth of one seed ({@code manifest.json}), documented field by field in {@code
 * docs/sandbox-manifest.md}. Times are ISO-8601 UTC strings, durations ISO-8601 or milliseconds as
 * their names say; maps keyed by hop name are in path order.
 *
 * @param version format version of this file (1)
 * @param options what was asked for
 * @param now end of the recording
 * @param from start of the recording ({@code now - window})
 * @param incidentStart when ERP latency started to climb
 * @param tokenRotation when the gateway's token signing key rotated
 * @param poolExhaustion from when the ERP adapter pool is exhausted for a share of messages
 * @param slaMillis per hop the hand-over SLA in ms (the terminal hop has none)
 * @param hostSkewMillis per hop the clock skew added to every timestamp it writes
 * @param hops per hop its index patterns with exact document counts
 * @param documents all documents written
 * @param classes per message class the count and the IDs with their class hop
 * @param reKeys message ID to ERP document number pairs (re-keying at erp-adapter)
 * @param chattyId the chatty message, or null with {@code --no-chatty}
 * @param hostileIds the message IDs with quotes, backslashes, wildcards, spaces, unicode
 * @param incidentWindow per hop what happened in [incidentStart, now)
 */
public record Manifest(
    int version,
    Options options,
    String now,
    String from,
    String incidentStart,
    String tokenRotation,
    String poolExhaustion,
    Map<String, Long> slaMillis,
    Map<String, Integer> hostSkewMillis,
    Map<String, HopDocuments> hops,
    long documents,
    Map<String, ClassMessages> classes,
    ReKeys reKeys,
    String chattyId,
    List<String> hostileIds,
    IncidentWindow incidentWindow) {

  /** The seed options: message count, random seed, window (ISO-8601), chatty on/off. */
  public record Options(long messages, long seed, String window, boolean chatty) {}

  /** One hop's documents: its index patterns and the total. */
  public record HopDocuments(List<IndexDocuments> indices, long documents) {}

  /** One index pattern, the field carrying the message ID there, its exact document count. */
  public record IndexDocuments(String pattern, String idField, long documents) {}

  /**
   * Messages of one class.
   *
   * @param count how many messages have the class
   * @param complete whether {@code messages} lists all of them (else a sample of at most 1,000)
   * @param messages IDs with the class hop (stuck at, failed at, slow at, ...; null for HEALTHY)
   */
  public record ClassMessages(long count, boolean complete, List<ClassMessage> messages) {}

  /** One message of a class and the hop the class refers to (null when it has none). */
  public record ClassMessage(String id, String hop) {}

  /** Re-keyed pairs: count of all, and all or a sample of at most 1,000. */
  public record ReKeys(long count, boolean complete, List<ReKey> pairs) {}

  /** A message ID and the ERP document number the erp-adapter created for it. */
  public record ReKey(String messageId, String erpDocumentNumber) {}

  /** What happened per hop to messages that entered it in [from, to). */
  public record IncidentWindow(String from, String to, Map<String, HopWindow> hops) {}

  /**
   * Counts for one hop in the incident window.
   *
   * @param entered messages whose first event at this hop lies in the window
   * @param left of those, how many reached the next hop (terminal hop: all)
   * @param stuck of those, STUCK at this hop
   * @param failed of those, FAILED at this hop
   * @param deadLettered of those, DEAD_LETTERED at this hop
   * @param slow of those, SLOW at this hop
   */
  public record HopWindow(
      long entered, long left, long stuck, long failed, long deadLettered, long slow) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes the manifest to {@code file} atomically (a temporary file moved into place). */
  public void writeTo(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), this);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the seed manifest " + file, e);
    }
  }

  /** Reads a manifest written by {@link #writeTo}. */
  public static Manifest read(Path file) {
    try {
      return JSON.readValue(file.toFile(), Manifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the seed manifest " + file, e);
    }
  }
}
