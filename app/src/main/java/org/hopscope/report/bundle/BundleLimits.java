package org.hopscope.report.bundle;

/**
 * How much a bundle may hold before reading it is refused (a zip bomb, a damaged or hostile file):
 * checked against the sizes the archive declares before anything is inflated, and against the bytes
 * actually inflated while reading.
 *
 * @param maxEntries entries in the archive
 * @param maxEntryBytes one entry, uncompressed
 * @param maxTotalBytes all entries together, uncompressed (the bundle is held in memory)
 * @param maxRatio uncompressed size over compressed size of one entry, for entries above {@code
 *     ratioFloorBytes}
 * @param ratioFloorBytes entries up to this size are not held to {@code maxRatio}
 * @param maxManifestBytes the manifest
 */
public record BundleLimits(
    int maxEntries,
    long maxEntryBytes,
    long maxTotalBytes,
    long maxRatio,
    long ratioFloorBytes,
    long maxManifestBytes) {

  private static final long MIB = 1024L * 1024L;

  /** The limits every face uses (docs/bundles.md). */
  public static final BundleLimits DEFAULT =
      new BundleLimits(10_000, 256 * MIB, 512 * MIB, 200, MIB, MIB);

  static String size(long bytes) {
    return bytes >= MIB ? (bytes / MIB) + " MiB" : bytes + " bytes";
  }
}
