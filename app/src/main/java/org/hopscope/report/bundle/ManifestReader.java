package org.hopscope.report.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hopscope.model.bundle.BundleException;
import org.hopscope.model.bundle.BundleManifest;

/** Reads {@code manifest.json}: the format and its version first, then the rest. */
final class ManifestReader {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private ManifestReader() {}

  static BundleManifest read(String file, String text) {
    BundleParse p = new BundleParse(file, BundleManifest.NAME);
    JsonNode o = p.object(p.tree(text), -1);
    JsonNode format = o.get("format");
    if (format == null || !BundleJson.FORMAT.equals(format.asText())) {
      throw new BundleException(
          file
              + " is not a Hopscope bundle: its manifest does not say format \""
              + BundleJson.FORMAT
              + "\"");
    }
    JsonNode versionNode = o.get("formatVersion");
    if (versionNode == null || !versionNode.canConvertToExactIntegral()) {
      throw p.fail(
          "has no whole-number formatVersion; this Hopscope reads format "
              + BundleManifest.FORMAT_VERSION);
    }
    long version = versionNode.longValue();
    if (version > BundleManifest.FORMAT_VERSION) {
      throw new BundleException(
          file
              + " was written by a newer Hopscope: format "
              + version
              + ", this one reads "
              + BundleManifest.FORMAT_VERSION
              + "; update Hopscope to open it");
    }
    if (version < 1) {
      throw new BundleException(
          file
              + " has an unknown format version "
              + version
              + "; this Hopscope reads "
              + BundleManifest.FORMAT_VERSION);
    }
    JsonNode incident = p.object(o.path("incident"), -1);
    JsonNode remarksNode = o.get("remarks");
    List<String> remarks = new ArrayList<>();
    if (remarksNode != null && remarksNode.isArray()) {
      remarksNode.forEach(r -> remarks.add(r.asText()));
    }
    JsonNode entriesNode = p.array(o.path("entries"));
    List<BundleManifest.Entry> entries = new ArrayList<>();
    for (int i = 0; i < entriesNode.size(); i++) {
      JsonNode e = p.object(entriesNode.get(i), i);
      String sha = p.text(e, i, "sha256");
      if (!SHA256.matcher(sha).matches()) {
        throw p.fail("item " + (i + 1) + " has a sha256 that is not 64 lower-case hex digits");
      }
      long size = p.number(e, i, "size");
      if (size < 0) {
        throw p.fail("item " + (i + 1) + " has a negative size");
      }
      entries.add(new BundleManifest.Entry(p.text(e, i, "name"), size, sha));
    }
    return new BundleManifest(
        (int) version,
        p.text(o, -1, "hopscopeVersion"),
        p.instant(o, -1, "exportedAt"),
        p.text(o, -1, "exportedBy"),
        p.bool(o, -1, "masked"),
        p.bool(o, -1, "imagesIncluded"),
        p.number(incident, -1, "id"),
        p.text(incident, -1, "store"),
        remarks,
        entries);
  }
}
