package org.hopscope.report.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.bundle.BundleManifest;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.StepState;
import org.hopscope.model.incident.TimelineEntry;

/** Bundles for the reader's tests: a small valid one, and copies of it changed entry by entry. */
final class Bundles {

  static final Instant T0 = Instant.parse("2026-11-26T02:30:00Z");

  private Bundles() {}

  static BundleContent content() {
    Incident incident =
        new Incident(
            7,
            "orders stuck",
            Incident.Severity.SEV2,
            "orders",
            new TimeWindow(T0, T0.plusSeconds(600)),
            Incident.Status.OPEN,
            T0,
            null,
            null,
            null,
            "alice");
    return new BundleContent(
        incident,
        List.of(
            new TimelineEntry(1, 7, T0, TimelineEntry.Kind.OPENED, "alice", "opened", "{}"),
            new TimelineEntry(
                2,
                7,
                T0.plusSeconds(5),
                TimelineEntry.Kind.EVIDENCE,
                "alice",
                "evidence saved: x",
                "{\"evidenceId\":3,\"kind\":\"FLOW_JSON\",\"title\":\"x\"}")),
        List.of(new Note(4, 7, Note.Scope.INCIDENT, "", "## Summary\nslow\n", T0.plusSeconds(9))),
        List.of(new StepState(7, "consumer-lag", "check-lag", true, "alice", T0, "PASS")),
        List.of(
            new Evidence(
                3,
                7,
                Evidence.Kind.FLOW_JSON,
                "x",
                "ord-1",
                T0.plusSeconds(5),
                "application/json",
                "{\"verdict\":\"OK\"}".getBytes(StandardCharsets.UTF_8))),
        Map.of("orders.yaml", "name: orders\n"),
        Map.of("consumer-lag.md", "# Consumer lag\n"),
        List.of());
  }

  /** A valid unmasked bundle at {@code file}. */
  static Path valid(Path file) throws IOException {
    BundleWriter.write(
        content(),
        null,
        new BundleWriter.Stamp("test", T0.plusSeconds(3600), "alice", "/tmp/store.db"),
        file,
        false);
    return file;
  }

  /** The entries of a zip, by name, in order. */
  static Map<String, byte[]> entries(Path file) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        out.put(e.getName(), zip.getInputStream(e).readAllBytes());
      }
    }
    return out;
  }

  /**
   * A copy of the valid bundle with {@code change} applied to its entries; with {@code relist}, the
   * manifest is rewritten to list the changed entries (so only the change itself is wrong).
   */
  static Path changed(Path dir, String name, boolean relist, Consumer<Map<String, byte[]>> change)
      throws IOException {
    Map<String, byte[]> entries = entries(valid(dir.resolve("valid-" + name)));
    change.accept(entries);
    if (relist && entries.containsKey(BundleManifest.NAME)) {
      entries.put(BundleManifest.NAME, manifest(entries));
    }
    return zip(dir.resolve(name), entries);
  }

  /** A manifest listing {@code entries} (all but itself) with their true sizes and hashes. */
  static byte[] manifest(Map<String, byte[]> entries) {
    String manifest = new String(entries.get(BundleManifest.NAME), StandardCharsets.UTF_8);
    StringBuilder listed = new StringBuilder();
    entries.forEach(
        (name, bytes) -> {
          if (!name.equals(BundleManifest.NAME)) {
            listed
                .append(listed.length() == 0 ? "" : ",")
                .append("{\"name\":\"")
                .append(name.replace("\\", "\\\\"))
                .append("\",\"size\":")
                .append(bytes.length)
                .append(",\"sha256\":\"")
                .append(BundleArchive.sha256(bytes))
                .append("\"}");
          }
        });
    String head = manifest.substring(0, manifest.indexOf("\"entries\""));
    return (head + "\"entries\":[" + listed + "]}").getBytes(StandardCharsets.UTF_8);
  }

  static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  /** {@code file} with every occurrence of {@code from} replaced by {@code to} (same length). */
  static Path patch(Path file, byte[] from, byte[] to) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int found = 0;
    for (int i = 0; i + from.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, bytes, i, to.length);
        found++;
      }
    }
    if (found == 0) {
      throw new IllegalStateException("nothing to patch");
    }
    Files.write(file, bytes);
    return file;
  }

  /** {@code file} with entry {@code name} marked in the central directory as a Unix symlink. */
  static Path symlink(Path file, String name) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 46 < bytes.length; i++) {
      if (b.getInt(i) == 0x02014b50
          && Short.toUnsignedInt(b.getShort(i + 28)) == wanted.length
          && java.util.Arrays.equals(
              bytes, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
        b.putShort(i + 4, (short) 0x031e);
        b.putInt(i + 38, 0xA1FF0000);
        Files.write(file, bytes);
        return file;
      }
    }
    throw new IllegalStateException("no central header for " + name);
  }
}
