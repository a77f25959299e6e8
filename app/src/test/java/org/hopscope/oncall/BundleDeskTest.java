package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hopscope.oncall.BundleFixture.EMAIL;
import static org.hopscope.oncall.BundleFixture.SECRET;
import static org.hopscope.oncall.BundleFixture.T0;
import static org.hopscope.oncall.BundleFixture.clock;
import static org.hopscope.oncall.BundleFixture.home;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.hopscope.model.bundle.Bundle;
import org.hopscope.model.bundle.BundleImportedBeforeException;
import org.hopscope.model.bundle.BundleManifest;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.EvidenceSummary;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export, open and import bundles between real SQLite files (docs/bundles.md). */
class BundleDeskTest {

  private static final Instant EXPORTED = T0.plusSeconds(7200);
  private static final Instant IMPORTED = T0.plusSeconds(86_400);

  @TempDir Path dir;

  private BundleDesk bundles(IncidentDesk desk, Instant now) {
    return new BundleDesk(
        desk,
        home().resolve("queries"),
        home().resolve("playbooks"),
        dir.resolve("config"),
        clock(now));
  }

  private static List<Evidence> evidence(IncidentDesk desk, long id) {
    List<Evidence> out = new ArrayList<>();
    for (EvidenceSummary s : desk.evidence(id)) {
      out.add(desk.loadEvidence(s.id()).orElseThrow());
    }
    return out;
  }

  @Test
  void anUnmaskedBundleReadsBackExactlyWhatTheStoreHolds() throws IOException {
    Path store = dir.resolve("a/hopscope.db");
    long id = BundleFixture.build(store);
    Path file = dir.resolve("out/incident.hopscope");
    try (IncidentDesk desk = IncidentDesk.open(store, clock(EXPORTED), "bob")) {
      BundleManifest written = bundles(desk, EXPORTED).exportBundle(id, file, true);
      Bundle b = BundleDesk.openBundle(file);

      assertThat(b.manifest()).isEqualTo(written);
      assertThat(b.manifest().formatVersion()).isEqualTo(1);
      assertThat(b.manifest().masked()).isFalse();
      assertThat(b.manifest().imagesIncluded()).isTrue();
      assertThat(b.manifest().exportedBy()).isEqualTo("bob");
      assertThat(b.manifest().exportedAt()).isEqualTo(EXPORTED);
      assertThat(b.manifest().incidentId()).isEqualTo(id);
      assertThat(b.manifest().store()).isEqualTo(store.toAbsolutePath().toString());
      assertThat(b.manifest().remarks()).isEmpty();
      assertThat(b.origin().file()).isEqualTo(file);
      assertThat(b.origin().size()).isEqualTo(Files.size(file));

      assertThat(b.incident()).isEqualTo(desk.get(id));
      assertThat(b.timeline()).isEqualTo(desk.timeline(id));
      assertThat(b.notes()).isEqualTo(desk.database().notes().list(id));
      assertThat(b.steps()).isEqualTo(desk.database().stepStates().listAll(id));
      assertThat(b.evidence())
          .usingRecursiveFieldByFieldElementComparator()
          .isEqualTo(evidence(desk, id));
      assertThat(b.evidence())
          .extracting(Evidence::kind)
          .containsExactly(
              Evidence.Kind.FLOW_JSON, Evidence.Kind.METRIC_SERIES, Evidence.Kind.CHART_PNG);
      assertThat(b.pathDefinitions())
          .containsOnlyKeys("orders.yaml")
          .containsEntry("orders.yaml", Files.readString(home().resolve("queries/orders.yaml")));
      assertThat(b.playbooks())
          .containsOnlyKeys("consumer-lag.md")
          .containsEntry(
              "consumer-lag.md", Files.readString(home().resolve("playbooks/consumer-lag.md")));
      assertThat(b.postMortem()).startsWith("# Post-mortem: orders stuck for " + EMAIL + "\n");
      assertThat(b.postMortemImages()).hasSize(1);
      String image = b.postMortemImages().keySet().iterator().next();
      assertThat(image).startsWith("images/").endsWith(".png");
      assertThat(b.postMortem()).contains("(" + image + ")");
      assertThat(b.postMortemImages().get(image)).isEqualTo(BundleFixture.png());
      assertThat(zipNames(file).get(0)).isEqualTo("manifest.json");
    }
  }

  @org.hopscope.faults.Fault(org.hopscope.faults.Fault.Area.MASKING)
  @Test
  void aMaskedBundleHoldsNoPersonalDataAnywhereAndLeavesChartImagesOut() throws IOException {
    Path store = dir.resolve("a/hopscope.db");
    long id = BundleFixture.build(store);
    Path file = dir.resolve("masked.hopscope");
    try (IncidentDesk desk = IncidentDesk.open(store, clock(EXPORTED), "bob")) {
      BundleManifest m = bundles(desk, EXPORTED).exportBundle(id, file, false);
      assertThat(m.masked()).isTrue();
      assertThat(m.imagesIncluded()).isFalse();
      assertThat(m.remarks())
          .containsExactly(
              "1 chart image was left out: the pixels of an image cannot be masked; the series"
                  + " each chart was drawn from is included, masked (export --unmasked to include"
                  + " the images)");
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        String text = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).as(e.getName()).doesNotContain(EMAIL).doesNotContain(SECRET);
        assertThat(e.getName()).doesNotEndWith(".png");
      }
    }
    Bundle b = BundleDesk.openBundle(file);
    assertThat(b.incident().title()).isEqualTo("orders stuck for j***@example.com");
    assertThat(b.notes())
        .extracting(Note::text)
        .containsExactly(
            "## Summary\nCustomer j***@example.com waited.\n", "asked j***@example.com to retry");
    assertThat(b.evidence())
        .extracting(Evidence::kind)
        .containsExactly(Evidence.Kind.FLOW_JSON, Evidence.Kind.METRIC_SERIES);
    String flow = new String(b.evidence().get(0).content(), StandardCharsets.UTF_8);
    assertThat(flow)
        .contains("timeout calling ERP for j***@example.com")
        .contains("\"verdict\":\"STUCK\"");
    assertThat(new String(b.evidence().get(1).content(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"series\":[{\"labels\":{\"owner\":\"j***@example.com\",\"password\":\"***\"},"
                + "\"points\":[[1764124200000,1.5],[1764124260000,\"NaN\"]]}]}");
    assertThat(b.postMortemImages()).isEmpty();
    assertThat(b.postMortem()).doesNotContain("images/");
  }

  @Test
  void anImportIsANewIncidentWithNewIdsTheOriginalTimesAndAnImportedEntry() throws IOException {
    long id = BundleFixture.build(dir.resolve("a/hopscope.db"));
    Path file = dir.resolve("incident.hopscope");
    List<TimelineEntry> originalTimeline;
    List<Evidence> originalEvidence;
    try (IncidentDesk desk =
        IncidentDesk.open(dir.resolve("a/hopscope.db"), clock(EXPORTED), "bob")) {
      bundles(desk, EXPORTED).exportBundle(id, file, true);
      originalTimeline = desk.timeline(id);
      originalEvidence = evidence(desk, id);
    }
    Bundle b = BundleDesk.openBundle(file);
    Path second = dir.resolve("b/hopscope.db");
    try (IncidentDesk desk = IncidentDesk.open(second, clock(IMPORTED), "carol")) {
      Incident local = desk.open("a local one", Incident.Severity.SEV4, "orders", null);
      Incident i = bundles(desk, IMPORTED).importBundle(file);

      assertThat(i.id()).isNotEqualTo(local.id()).isEqualTo(local.id() + 1);
      Incident o = b.incident();
      assertThat(i)
          .isEqualTo(
              new Incident(
                  i.id(),
                  o.title() + " (imported)",
                  o.severity(),
                  o.path(),
                  o.window(),
                  o.status(),
                  o.openedAt(),
                  o.detectedAt(),
                  o.mitigatedAt(),
                  o.resolvedAt(),
                  o.openedBy()));
      List<TimelineEntry> timeline = desk.timeline(i.id());
      assertThat(timeline).hasSize(originalTimeline.size() + 1);
      List<Evidence> evidence = evidence(desk, i.id());
      assertThat(evidence).hasSameSizeAs(originalEvidence);
      for (int k = 0; k < evidence.size(); k++) {
        Evidence e = evidence.get(k);
        Evidence was = originalEvidence.get(k);
        assertThat(e.incidentId()).isEqualTo(i.id());
        assertThat(List.of(e.kind(), e.title(), e.query(), e.createdAt(), e.mediaType()))
            .isEqualTo(
                List.of(was.kind(), was.title(), was.query(), was.createdAt(), was.mediaType()));
        assertThat(e.content()).isEqualTo(was.content());
      }
      for (int k = 0; k < originalTimeline.size(); k++) {
        TimelineEntry e = timeline.get(k);
        TimelineEntry was = originalTimeline.get(k);
        assertThat(List.of(e.at(), e.kind(), e.actor(), e.summary()))
            .isEqualTo(List.of(was.at(), was.kind(), was.actor(), was.summary()));
        assertThat(e.incidentId()).isEqualTo(i.id());
        if (e.kind() == TimelineEntry.Kind.EVIDENCE) {
          int n =
              originalEvidence.indexOf(
                  originalEvidence.stream()
                      .filter(x -> was.detail().contains("\"evidenceId\":" + x.id() + ","))
                      .findFirst()
                      .orElseThrow());
          assertThat(e.detail())
              .isEqualTo(
                  was.detail()
                      .replace(
                          "\"evidenceId\":" + originalEvidence.get(n).id() + ",",
                          "\"evidenceId\":" + evidence.get(n).id() + ","));
        } else {
          assertThat(e.detail()).isEqualTo(was.detail());
        }
      }
      TimelineEntry imported = timeline.get(timeline.size() - 1);
      assertThat(imported.kind()).isEqualTo(TimelineEntry.Kind.IMPORTED);
      assertThat(imported.at()).isEqualTo(IMPORTED);
      assertThat(imported.actor()).isEqualTo("carol");
      assertThat(imported.summary())
          .isEqualTo(
              "imported from bundle incident.hopscope, exported by bob at "
                  + EXPORTED
                  + " (incident #"
                  + id
                  + " of "
                  + dir.resolve("a/hopscope.db").toAbsolutePath()
                  + ", unmasked)");
      assertThat(imported.detail())
          .contains("\"manifestSha256\":\"" + b.origin().manifestSha256() + "\"");
      assertThat(desk.database().notes().list(i.id()))
          .extracting(n -> List.of(n.scope(), n.key(), n.text(), n.updatedAt()))
          .isEqualTo(
              b.notes().stream()
                  .map(n -> List.of(n.scope(), n.key(), n.text(), n.updatedAt()))
                  .toList());
      assertThat(desk.database().stepStates().listAll(i.id()))
          .extracting(
              s ->
                  List.of(
                      s.playbookId(),
                      s.stepId(),
                      s.done(),
                      String.valueOf(s.doneBy()),
                      String.valueOf(s.doneAt()),
                      String.valueOf(s.lastOutcome())))
          .isEqualTo(
              b.steps().stream()
                  .map(
                      s ->
                          List.of(
                              s.playbookId(),
                              s.stepId(),
                              s.done(),
                              String.valueOf(s.doneBy()),
                              String.valueOf(s.doneAt()),
                              String.valueOf(s.lastOutcome())))
                  .toList());
      assertThat(bundles(desk, IMPORTED).importedBefore(b)).contains(i);
    }
  }

  @org.hopscope.faults.Fault(org.hopscope.faults.Fault.Area.STORE)
  @Test
  void theSameBundleTwiceIsRefusedUnlessAskedAndThenASecondCopy() throws IOException {
    long id = BundleFixture.build(dir.resolve("a/hopscope.db"));
    Path file = dir.resolve("incident.hopscope");
    try (IncidentDesk desk =
        IncidentDesk.open(dir.resolve("a/hopscope.db"), clock(EXPORTED), "bob")) {
      bundles(desk, EXPORTED).exportBundle(id, file, false);
    }
    try (IncidentDesk desk =
        IncidentDesk.open(dir.resolve("b/hopscope.db"), clock(IMPORTED), "carol")) {
      BundleDesk bundles = bundles(desk, IMPORTED);
      Incident first = bundles.importBundle(file);
      assertThatThrownBy(() -> bundles.importBundle(file))
          .isInstanceOf(BundleImportedBeforeException.class)
          .hasMessage(
              file
                  + " was imported before, as incident #"
                  + first.id()
                  + "; nothing was imported (import it again on purpose for a second copy:"
                  + " incident import --again)")
          .satisfies(
              e ->
                  assertThat(((BundleImportedBeforeException) e).incidentId())
                      .isEqualTo(first.id()));
      assertThat(desk.list("", 10)).containsExactly(first);
      Incident second = bundles.importBundle(file, true);
      assertThat(second.id()).isEqualTo(first.id() + 1);
      assertThat(second.title()).isEqualTo(first.title());
      assertThat(desk.list("", 10))
          .extracting(Incident::id)
          .containsExactlyInAnyOrder(first.id(), second.id());
    }
  }

  @org.hopscope.faults.Fault(org.hopscope.faults.Fault.Area.FILES)
  @Test
  void anExistingFileIsKeptUnlessReplacedOnPurpose() throws IOException {
    long id = BundleFixture.build(dir.resolve("a/hopscope.db"));
    Path file = dir.resolve("incident.hopscope");
    Files.writeString(file, "precious");
    try (IncidentDesk desk =
        IncidentDesk.open(dir.resolve("a/hopscope.db"), clock(EXPORTED), "bob")) {
      BundleDesk bundles = bundles(desk, EXPORTED);
      assertThatThrownBy(() -> bundles.exportBundle(id, file, false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              file + " exists; choose another file or replace it on purpose (export --force)");
      assertThat(Files.readString(file)).isEqualTo("precious");
      bundles.exportBundle(id, file, false, true, null);
      assertThat(BundleDesk.openBundle(file).incident().id()).isEqualTo(id);
      try (var files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).sorted())
            .containsExactly("a", "incident.hopscope");
      }
    }
  }

  @org.hopscope.faults.Fault(org.hopscope.faults.Fault.Area.STORE)
  @Test
  void aBadBundleChangesNothingInTheStore() throws IOException {
    long id = BundleFixture.build(dir.resolve("a/hopscope.db"));
    Path file = dir.resolve("incident.hopscope");
    try (IncidentDesk desk =
        IncidentDesk.open(dir.resolve("a/hopscope.db"), clock(EXPORTED), "bob")) {
      bundles(desk, EXPORTED).exportBundle(id, file, true);
    }
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 30));
    try (IncidentDesk desk =
        IncidentDesk.open(dir.resolve("b/hopscope.db"), clock(IMPORTED), "carol")) {
      Incident local = desk.open("a local one", Incident.Severity.SEV4, "orders", null);
      assertThatThrownBy(() -> bundles(desk, IMPORTED).importBundle(file))
          .isInstanceOf(org.hopscope.model.bundle.BundleException.class)
          .hasMessageContaining("truncated or damaged");
      assertThat(desk.list("", 10)).containsExactly(local);
      assertThat(desk.timeline(local.id())).hasSize(1);
    }
  }

  private static List<String> zipNames(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
    }
  }
}
