package org.hopscope.report.bundle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.hopscope.faults.Fault;
import org.hopscope.model.bundle.Bundle;
import org.hopscope.model.bundle.BundleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad bundle is refused with a message naming the file, the entry and what is wrong. */
@Fault(Fault.Area.FILES)
class BundleReaderFaultTest {

  @TempDir Path dir;

  private static AbstractThrowableAssert<?, ?> refused(Path file) {
    return assertThatThrownBy(() -> BundleReader.read(file)).isInstanceOf(BundleException.class);
  }

  private static AbstractThrowableAssert<?, ?> refused(Path file, BundleLimits limits) {
    return assertThatThrownBy(() -> BundleReader.read(file, limits))
        .isInstanceOf(BundleException.class);
  }

  @Test
  void theValidBundleReads() throws IOException {
    Bundle b = BundleReader.read(Bundles.valid(dir.resolve("ok.hopscope")));
    assertThat(b.incident()).isEqualTo(Bundles.content().incident());
    assertThat(b.timeline()).isEqualTo(Bundles.content().timeline());
    assertThat(b.notes()).isEqualTo(Bundles.content().notes());
    assertThat(b.steps()).isEqualTo(Bundles.content().steps());
    assertThat(b.evidence().get(0).content()).isEqualTo("{\"verdict\":\"OK\"}".getBytes(UTF_8));
    assertThat(b.playbooks()).isEqualTo(Map.of("consumer-lag.md", "# Consumer lag\n"));
  }

  @Test
  void aTruncatedZipSaysSo() throws IOException {
    Path valid = Bundles.valid(dir.resolve("ok.hopscope"));
    byte[] bytes = Files.readAllBytes(valid);
    Path file = Files.write(dir.resolve("cut.hopscope"), Arrays.copyOf(bytes, bytes.length / 2));
    refused(file)
        .hasMessage(
            file
                + " is truncated or damaged: its end-of-archive record is missing (an interrupted"
                + " copy or download?); get the whole file again");
  }

  @Test
  void aFileThatIsNotAZipSaysSo() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.hopscope"), "just some text\n");
    refused(text).hasMessage(text + " is not a Hopscope bundle: it is not a zip file");
    Path empty = Files.write(dir.resolve("empty.hopscope"), new byte[0]);
    refused(empty).hasMessage(empty + " is not a Hopscope bundle: it is not a zip file");
    refused(dir.resolve("absent.hopscope"))
        .hasMessage(dir.resolve("absent.hopscope") + " does not exist");
  }

  @Test
  void aZipWithoutManifestIsNotABundle() throws IOException {
    Path file = Bundles.zip(dir.resolve("other.zip"), Map.of("readme.txt", "hi".getBytes(UTF_8)));
    refused(file)
        .hasMessage(
            file
                + " is not a Hopscope bundle: it has no manifest.json (a zip file, but not one"
                + " Hopscope exported)");
  }

  @Test
  void aNewerFormatAsksForANewerHopscope() throws IOException {
    Path file =
        Bundles.changed(
            dir,
            "v2.hopscope",
            false,
            e -> replace(e, "manifest.json", "\"formatVersion\" : 1", "\"formatVersion\" : 2"));
    refused(file)
        .hasMessage(
            file
                + " was written by a newer Hopscope: format 2, this one reads 1; update Hopscope"
                + " to open it");
    Path zero =
        Bundles.changed(
            dir,
            "v0.hopscope",
            false,
            e -> replace(e, "manifest.json", "\"formatVersion\" : 1", "\"formatVersion\" : 0"));
    refused(zero).hasMessage(zero + " has an unknown format version 0; this Hopscope reads 1");
    Path none =
        Bundles.changed(
            dir,
            "nov.hopscope",
            false,
            e -> replace(e, "manifest.json", "\"formatVersion\" : 1", "\"formatVersiom\" : 1"));
    refused(none)
        .hasMessage(
            none
                + ": entry manifest.json has no whole-number formatVersion; this Hopscope reads"
                + " format 1");
  }

  @Test
  void entriesNotInTheManifestOrWithAnotherHashAreRefused() throws IOException {
    Path extra =
        Bundles.changed(
            dir, "extra.hopscope", false, e -> e.put("evidence/99.json", new byte[] {1}));
    refused(extra)
        .hasMessage(
            extra
                + ": entry evidence/99.json is not listed in the manifest; the file was changed"
                + " after it was exported");
    Path changed =
        Bundles.changed(
            dir, "changed.hopscope", false, e -> replace(e, "notes.json", "slow", "fast"));
    refused(changed)
        .hasMessageStartingWith(changed + ": entry notes.json does not match the manifest (size ")
        .hasMessageEndingWith("; the file was damaged or changed after it was exported");
    Path missing =
        Bundles.changed(dir, "missing.hopscope", false, e -> e.remove("playbooks/consumer-lag.md"));
    refused(missing)
        .hasMessage(
            missing
                + ": the manifest lists [playbooks/consumer-lag.md] but the archive lacks it;"
                + " the file is incomplete");
    Path unknown =
        Bundles.changed(
            dir, "unknown.hopscope", true, e -> e.put("extra/readme.txt", new byte[] {1}));
    refused(unknown)
        .hasMessage(
            unknown
                + ": entry extra/readme.txt is not part of bundle format 1 (see"
                + " docs/bundles.md)");
  }

  @Test
  void zipBombsAreRefusedBeforeInflating() throws IOException {
    Path bomb =
        Bundles.changed(
            dir, "bomb.hopscope", true, e -> e.put("evidence/9.bin", new byte[8 << 20]));
    refused(bomb)
        .hasMessageMatching(
            "\\Q"
                + bomb
                + ": entry evidence/9.bin inflates \\E[0-9]+\\Q bytes to 8 MiB (more than 200"
                + " times): a zip bomb? refused\\E");
    Path valid = Bundles.valid(dir.resolve("ok.hopscope"));
    refused(valid, new BundleLimits(10_000, 1 << 20, 1000, 200, 1 << 20, 1 << 20))
        .hasMessage(
            valid
                + ": its entries hold more than 1000 bytes uncompressed, the most a bundle may;"
                + " refused");
    refused(valid, new BundleLimits(5, 1 << 20, 1 << 20, 200, 1 << 20, 1 << 20))
        .hasMessage(valid + " has 10 entries, more than the 5 a bundle may hold");
    refused(valid, new BundleLimits(100, 200, 1 << 20, 200, 1 << 20, 1 << 20))
        .hasMessageMatching(
            "\\Q"
                + valid
                + ": entry \\E\\S+\\Q is \\E[0-9]+\\Q bytes uncompressed, more than the"
                + " 200 bytes allowed; refused\\E");
  }

  @Test
  void pathsThatEscapeTheArchiveAreRefused() throws IOException {
    String[][] cases = {
      {"../evil.sh", "escapes the archive (..)"},
      {"evidence/../../evil", "escapes the archive (..)"},
      {"/etc/passwd", "is an absolute path"},
      {"evidence\\..\\evil", "contains a backslash (a Windows path)"},
      {"C:/evil", "starts with a drive letter"},
      {"paths//x.yaml", "has an empty or '.' part"},
      {"images/", "is a folder, which no bundle holds"},
    };
    for (String[] c : cases) {
      Path file =
          Bundles.changed(
              dir, "bad" + c[0].hashCode() + ".hopscope", true, e -> e.put(c[0], new byte[] {1}));
      refused(file)
          .as(c[0])
          .hasMessage(
              file
                  + ": entry '"
                  + c[0]
                  + "' "
                  + c[1]
                  + "; refused, nothing was read or"
                  + " written");
    }
  }

  @Test
  void symlinkEntriesAreRefused() throws IOException {
    Path file = Bundles.symlink(Bundles.valid(dir.resolve("link.hopscope")), "paths/orders.yaml");
    refused(file).hasMessage(file + ": entry paths/orders.yaml is a symbolic link; refused");
  }

  @Test
  void duplicateEntriesAreRefused() throws IOException {
    Path file =
        Bundles.changed(dir, "dup.hopscope", false, e -> e.put("notes.jsoz", e.get("notes.json")));
    Bundles.patch(file, "notes.jsoz".getBytes(UTF_8), "notes.json".getBytes(UTF_8));
    refused(file).hasMessage(file + ": entry notes.json appears twice; refused");
  }

  @Test
  void malformedJsonNamesTheEntryAndLine() throws IOException {
    Path file =
        Bundles.changed(
            dir,
            "json.hopscope",
            true,
            e -> e.put("notes.json", "[\n  {\"id\": 4,,\n]\n".getBytes(UTF_8)));
    refused(file).hasMessageStartingWith(file + ": entry notes.json is not valid JSON at line 2,");
    Path field =
        Bundles.changed(
            dir, "sev.hopscope", true, e -> replace(e, "incident.json", "SEV2", "SEV9"));
    refused(field)
        .hasMessage(
            field
                + ": entry incident.json 'severity' is 'SEV9', not one of [SEV1, SEV2, SEV3,"
                + " SEV4]");
    Path item =
        Bundles.changed(
            dir, "at.hopscope", true, e -> replace(e, "timeline.json", "\"at\"", "\"on\""));
    refused(item).hasMessage(item + ": entry timeline.json item 1 needs text 'at', has none");
  }

  @Test
  void badUtf8IsRefusedWithItsPlace() throws IOException {
    Path file =
        Bundles.changed(
            dir,
            "utf8.hopscope",
            true,
            e -> e.put("playbooks/consumer-lag.md", new byte[] {'#', ' ', '\n', (byte) 0xC3, '('}));
    refused(file)
        .hasMessage(
            file
                + ": entry playbooks/consumer-lag.md is not valid UTF-8 text: bad byte at offset 3"
                + " (line 2)");
    Path name = Bundles.valid(dir.resolve("name.hopscope"));
    Bundles.patch(
        name,
        "paths/orders.yaml".getBytes(UTF_8),
        "paths/\u00ffrders.yaml".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    refused(name)
        .hasMessage(name + ": the name of entry 8 is not valid UTF-8; not a bundle Hopscope wrote");
  }

  private static void replace(Map<String, byte[]> entries, String name, String from, String to) {
    String text = new String(entries.get(name), UTF_8);
    if (!text.contains(from)) {
      throw new IllegalStateException(name + " has no " + from + ":\n" + text);
    }
    entries.put(name, text.replace(from, to).getBytes(UTF_8));
  }
}
