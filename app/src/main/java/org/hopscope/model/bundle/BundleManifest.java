package org.hopscope.model.bundle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The table of contents of an incident bundle ({@code manifest.json}, the zip's first entry): who
 * wrote it, when, whether it is masked, and every other entry with its size and SHA-256
 * (docs/bundles.md).
 *
 * @param formatVersion the bundle format ({@link #FORMAT_VERSION} for this Hopscope)
 * @param hopscopeVersion the Hopscope that wrote it, e.g. "1.4.0" or "development build"
 * @param exportedAt when it was written (UTC)
 * @param exportedBy the OS user who wrote it
 * @param masked true when every text was masked with the post-mortem's rules; false only when
 *     {@code --unmasked} was asked for
 * @param imagesIncluded whether chart images (PNG) are in it: only in unmasked bundles, since the
 *     pixels of an image cannot be masked (the charts' series always are, masked like the rest)
 * @param incidentId the incident's id in the store it was exported from
 * @param store that store (its file, as the exporter saw it)
 * @param remarks what the reader should know about the content, one sentence each (things left out
 *     and why); may be empty
 * @param entries every entry of the zip except the manifest, in zip order
 */
public record BundleManifest(
    int formatVersion,
    String hopscopeVersion,
    Instant exportedAt,
    String exportedBy,
    boolean masked,
    boolean imagesIncluded,
    long incidentId,
    String store,
    List<String> remarks,
    List<Entry> entries) {

  /** The format this Hopscope writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  /** The manifest's entry name. */
  public static final String NAME = "manifest.json";

  public BundleManifest {
    Objects.requireNonNull(exportedAt, "exportedAt");
    hopscopeVersion = hopscopeVersion == null ? "" : hopscopeVersion;
    exportedBy = exportedBy == null ? "" : exportedBy;
    store = store == null ? "" : store;
    remarks = List.copyOf(remarks);
    entries = List.copyOf(entries);
  }

  /**
   * One entry of the zip.
   *
   * @param name its path inside the zip, e.g. {@code evidence/3.json}
   * @param size its uncompressed length in bytes
   * @param sha256 the SHA-256 of its uncompressed bytes, lower-case hex
   */
  public record Entry(String name, long size, String sha256) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sha256, "sha256");
    }
  }
}
