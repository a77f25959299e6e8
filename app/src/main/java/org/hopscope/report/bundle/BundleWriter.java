package org.hopscope.report.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hopscope.model.bundle.BundleManifest;
import org.hopscope.model.incident.Evidence;
import org.hopscope.report.Masking;
import org.hopscope.report.PostMortemInput;
import org.hopscope.report.PostMortemWriter;
import org.hopscope.report.StuckReportJson;

/**
 * Writes a bundle file (docs/bundles.md): {@code manifest.json} first, then the incident, its
 * timeline, notes, step states, evidence index and each snapshot's bytes, the path definitions and
 * playbooks, and the post-mortem draft with the images it links to. Masked with the post-mortem's
 * rules unless asked not to ({@link BundleMasker}). The file appears whole or not at all: it is
 * written to a temporary file beside it, flushed to disk, then moved into place.
 */
public final class BundleWriter {

  /**
   * Who wrote the bundle, from where.
   *
   * @param hopscopeVersion this Hopscope's version
   * @param exportedAt now (UTC)
   * @param exportedBy the OS user
   * @param store the store file exported from
   */
  public record Stamp(
      String hopscopeVersion, Instant exportedAt, String exportedBy, String store) {}

  private BundleWriter() {}

  /**
   * Writes {@code content} to {@code file}.
   *
   * @param masking the rules to mask with, or null to write everything unmasked
   * @param overwrite replace {@code file} when it exists; otherwise an existing file is refused
   * @return the manifest written
   * @throws FileAlreadyExistsException when {@code file} exists and {@code overwrite} is false
   * @throws IOException when the file cannot be written (no temporary file is left behind)
   */
  public static BundleManifest write(
      BundleContent content, Masking masking, Stamp stamp, Path file, boolean overwrite)
      throws IOException {
    if (!overwrite && Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    boolean masked = masking != null;
    BundleContent shown = masked ? BundleMasker.mask(content, masking) : content;
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(BundleLayout.INCIDENT, BundleJson.bytes(BundleJson.incident(shown.incident())));
    entries.put(BundleLayout.TIMELINE, BundleJson.bytes(BundleJson.timeline(shown.timeline())));
    entries.put(BundleLayout.NOTES, BundleJson.bytes(BundleJson.notes(shown.notes())));
    entries.put(BundleLayout.STEPS, BundleJson.bytes(BundleJson.steps(shown.steps())));
    entries.put(BundleLayout.EVIDENCE, BundleJson.bytes(BundleJson.evidence(shown.evidence())));
    for (Evidence e : shown.evidence()) {
      entries.put(BundleLayout.evidenceEntry(e), e.content());
    }
    putTexts(entries, BundleLayout.PATHS, shown.pathDefinitions());
    putTexts(entries, BundleLayout.PLAYBOOKS, shown.playbooks());
    entries.put(BundleLayout.POST_MORTEM, draft(content, masking, entries));
    List<BundleManifest.Entry> listed = new ArrayList<>();
    entries.forEach(
        (name, bytes) ->
            listed.add(new BundleManifest.Entry(name, bytes.length, BundleArchive.sha256(bytes))));
    BundleManifest manifest =
        new BundleManifest(
            BundleManifest.FORMAT_VERSION,
            stamp.hopscopeVersion(),
            stamp.exportedAt(),
            masked ? masking.mask(stamp.exportedBy()) : stamp.exportedBy(),
            masked,
            !masked && content.evidence().stream().anyMatch(Evidence::isImage),
            content.incident().id(),
            masked ? masking.mask(stamp.store()) : stamp.store(),
            masked ? maskAll(shown.remarks(), masking) : shown.remarks(),
            listed);
    writeAtomically(
        file,
        overwrite,
        stamp.exportedAt(),
        BundleJson.bytes(BundleJson.manifest(manifest)),
        entries);
    return manifest;
  }

  /** The post-mortem draft, masked or not like the bundle; its chart images go into images/. */
  private static byte[] draft(BundleContent c, Masking masking, Map<String, byte[]> entries)
      throws IOException {
    List<Evidence> evidence =
        masking == null ? c.evidence() : c.evidence().stream().filter(e -> !e.isImage()).toList();
    PostMortemInput input =
        new PostMortemInput(
            c.incident(),
            c.timeline(),
            c.notes(),
            c.steps(),
            evidence,
            StuckReportJson.latest(evidence).orElse(null));
    Map<String, byte[]> images = new LinkedHashMap<>();
    String markdown =
        PostMortemWriter.write(
            input,
            masking == null ? Masking.none() : masking,
            (path, png) -> images.put(path, png));
    entries.putAll(images);
    return markdown.getBytes(StandardCharsets.UTF_8);
  }

  private static void putTexts(
      Map<String, byte[]> entries, String folder, Map<String, String> texts) {
    texts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                entries.put(
                    folder + fileName(e.getKey()), e.getValue().getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code name} with what a bundle's file names may not hold replaced by '-'. */
  static String fileName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "-");
    return BundleLayout.fileName(safe) ? safe : "x" + safe;
  }

  private static List<String> maskAll(List<String> texts, Masking masking) {
    return texts.stream().map(masking::mask).toList();
  }

  private static void writeAtomically(
      Path file, boolean overwrite, Instant at, byte[] manifest, Map<String, byte[]> entries)
      throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        put(zip, BundleManifest.NAME, manifest, at);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          put(zip, e.getKey(), e.getValue(), at);
        }
        zip.finish();
        zip.flush();
        channel.force(true);
      }
      if (overwrite) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.move(tmp, file); // a rename in one folder; refuses a file that appeared meanwhile
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes, Instant at)
      throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(at.toEpochMilli());
    zip.putNextEntry(entry);
    zip.write(bytes);
    zip.closeEntry();
  }
}
