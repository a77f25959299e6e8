package org.hopscope.report.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.hopscope.model.bundle.BundleException;
import org.hopscope.model.bundle.BundleManifest;

/**
 * The entries of a bundle file, each checked before it is used: a safe name of format 1, no link,
 * within {@link BundleLimits}, listed in the manifest with its size and SHA-256. Nothing is written
 * anywhere: entries are read into memory.
 *
 * @param manifest the manifest
 * @param manifestSha256 the manifest entry's SHA-256
 * @param entries every other entry's bytes by name, in zip order
 */
record BundleArchive(BundleManifest manifest, String manifestSha256, Map<String, byte[]> entries) {

  /** Reads and checks {@code file}. */
  static BundleArchive read(Path file, BundleLimits limits) {
    if (!Files.isRegularFile(file)) {
      throw new BundleException(
          file + (Files.exists(file) ? " is not a regular file" : " does not exist"));
    }
    try {
      List<ZipDirectory.Entry> listed = ZipDirectory.read(file, limits.maxEntries());
      check(file, listed, limits);
      try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
        byte[] manifestBytes = inflate(file, zip, find(listed, BundleManifest.NAME, file), limits);
        BundleManifest manifest =
            ManifestReader.read(file.toString(), text(file, BundleManifest.NAME, manifestBytes));
        Map<String, BundleManifest.Entry> promised = new LinkedHashMap<>();
        for (BundleManifest.Entry e : manifest.entries()) {
          if (promised.put(e.name(), e) != null) {
            throw new BundleException(file + ": the manifest lists entry " + e.name() + " twice");
          }
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (ZipDirectory.Entry e : listed) {
          if (e.name().equals(BundleManifest.NAME)) {
            continue;
          }
          if (!BundleLayout.known(e.name())) {
            throw new BundleException(
                file
                    + ": entry "
                    + e.name()
                    + " is not part of bundle format "
                    + manifest.formatVersion()
                    + " (see docs/bundles.md)");
          }
          BundleManifest.Entry promise = promised.remove(e.name());
          if (promise == null) {
            throw new BundleException(
                file
                    + ": entry "
                    + e.name()
                    + " is not listed in the manifest; the file was"
                    + " changed after it was exported");
          }
          byte[] bytes = inflate(file, zip, e, limits);
          String sha = sha256(bytes);
          if (bytes.length != promise.size() || !sha.equals(promise.sha256())) {
            throw new BundleException(
                file
                    + ": entry "
                    + e.name()
                    + " does not match the manifest (size "
                    + bytes.length
                    + ", expected "
                    + promise.size()
                    + "; SHA-256 "
                    + sha
                    + ", expected "
                    + promise.sha256()
                    + "); the file was damaged or changed after it was exported");
          }
          entries.put(e.name(), bytes);
        }
        if (!promised.isEmpty()) {
          throw new BundleException(
              file
                  + ": the manifest lists "
                  + promised.keySet()
                  + " but the archive lacks "
                  + (promised.size() == 1 ? "it" : "them")
                  + "; the file is incomplete");
        }
        return new BundleArchive(manifest, sha256(manifestBytes), entries);
      }
    } catch (ZipException e) {
      throw new BundleException(file + " is damaged: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BundleException("cannot read " + file + ": " + e, e);
    }
  }

  /** Refuses unsafe names, links, duplicates, encryption and sizes over the limits, uninflated. */
  private static void check(Path file, List<ZipDirectory.Entry> listed, BundleLimits limits) {
    Set<String> seen = new HashSet<>();
    long total = 0;
    for (ZipDirectory.Entry e : listed) {
      String unsafe = EntryNames.unsafe(e.name());
      if (unsafe != null) {
        throw new BundleException(
            file
                + ": entry '"
                + EntryNames.printable(e.name())
                + "' "
                + unsafe
                + "; refused, nothing was read or written");
      }
      if (e.symlink()) {
        throw new BundleException(file + ": entry " + e.name() + " is a symbolic link; refused");
      }
      if (!seen.add(e.name())) {
        throw new BundleException(file + ": entry " + e.name() + " appears twice; refused");
      }
      if (e.encrypted()) {
        throw new BundleException(file + ": entry " + e.name() + " is encrypted; refused");
      }
      if (e.method() != ZipEntry.STORED && e.method() != ZipEntry.DEFLATED) {
        throw new BundleException(
            file
                + ": entry "
                + e.name()
                + " uses compression method "
                + e.method()
                + "; bundles use only stored or deflated entries");
      }
      long max =
          e.name().equals(BundleManifest.NAME) ? limits.maxManifestBytes() : limits.maxEntryBytes();
      if (e.size() > max) {
        throw new BundleException(
            file
                + ": entry "
                + e.name()
                + " is "
                + BundleLimits.size(e.size())
                + " uncompressed, more than the "
                + BundleLimits.size(max)
                + " allowed; refused");
      }
      if (e.size() > limits.ratioFloorBytes()
          && e.size() > limits.maxRatio() * Math.max(1, e.compressedSize())) {
        throw new BundleException(
            file
                + ": entry "
                + e.name()
                + " inflates "
                + e.compressedSize()
                + " bytes to "
                + BundleLimits.size(e.size())
                + " (more than "
                + limits.maxRatio()
                + " times): a zip bomb? refused");
      }
      total += e.size();
      if (total > limits.maxTotalBytes()) {
        throw new BundleException(
            file
                + ": its entries hold more than "
                + BundleLimits.size(limits.maxTotalBytes())
                + " uncompressed, the most a bundle may; refused");
      }
    }
  }

  private static ZipDirectory.Entry find(List<ZipDirectory.Entry> listed, String name, Path file) {
    return listed.stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new BundleException(
                    file
                        + " is not a Hopscope bundle: it has no "
                        + name
                        + " (a zip file, but not one Hopscope exported)"));
  }

  /** The entry's bytes, never more than it declared (a lying header is caught while inflating). */
  private static byte[] inflate(Path file, ZipFile zip, ZipDirectory.Entry e, BundleLimits limits)
      throws IOException {
    ZipEntry entry = zip.getEntry(e.name());
    if (entry == null) {
      throw new BundleException(file + " is damaged: entry " + e.name() + " cannot be found");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes((int) Math.min(e.size() + 1, Integer.MAX_VALUE - 8));
      if (bytes.length != e.size()) {
        throw new BundleException(
            file
                + ": entry "
                + e.name()
                + " holds "
                + (bytes.length > e.size() ? "more" : "fewer")
                + " bytes than its header says ("
                + e.size()
                + "); the file is damaged or hostile");
      }
      return bytes;
    } catch (ZipException | java.io.EOFException ex) {
      throw new BundleException(
          file
              + ": entry "
              + e.name()
              + " cannot be inflated ("
              + ex.getMessage()
              + "); the file is truncated or damaged",
          ex);
    }
  }

  /** The entry's bytes as strict UTF-8. */
  static String text(Path file, String name, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new BundleException(
          file
              + ": entry "
              + name
              + " is not valid UTF-8 text: bad byte at offset "
              + in.position()
              + " (line "
              + line
              + ")");
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The JSON tree of an entry. */
  static JsonNode json(Path file, String name, byte[] bytes) {
    return new BundleParse(file.toString(), name).tree(text(file, name, bytes));
  }
}
