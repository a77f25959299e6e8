package org.hopscope.ui.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.bundle.Bundle;
import org.hopscope.model.bundle.BundleException;
import org.hopscope.model.bundle.BundleImportedBeforeException;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.oncall.RichFlow;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;

/** The bundle window's view model: words, evidence read into what it shows, import. */
class BundleViewModelTest {

  private final Path file = Path.of("/tmp/erp.hopscope");
  private final Bundle bundle = BundleFixtures.bundle(file, RichFlow.flow());
  private final List<Path> imported = new ArrayList<>();

  private BundleViewModel vm(BundleViewModel.Importer importer) {
    return new BundleViewModel(bundle, importer, new SynchronousTaskRunner());
  }

  @Test
  void theBannerSaysBundleWhoWhenReadOnlyOffline() {
    BundleViewModel vm = vm(null);
    assertThat(vm.banner())
        .isEqualTo(
            "Bundle: ERP outage: orders stuck at fulfilment \u2014 exported by alice at"
                + " 2026-11-26 03:10 UTC, read-only, offline");
    assertThat(vm.origin())
        .isEqualTo(
            "Masked (texts masked with the post-mortem's rules) \u00b7 /tmp/erp.hopscope \u00b7"
                + " incident #12 of the exporting store \u00b7 format 1, Hopscope 1.4.0");
    assertThat(vm.facts())
        .containsExactly(
            "Status: mitigated",
            "Severity: SEV2",
            "Path: orders",
            "Window: 2026-11-26 02:10 UTC .. 2026-11-26 03:10 UTC",
            "Opened: 2026-11-26 02:20 UTC by alice");
    assertThat(vm.remarks())
        .containsExactly("Chart images are left out of a masked bundle; their series are kept.");
  }

  @Test
  void eachKindOfEvidenceIsReadIntoWhatItShows() {
    BundleViewModel vm = vm(null);
    List<Evidence> evidence = bundle.evidence();

    vm.select(evidence.get(0));
    assertThat(vm.shownProperty().get())
        .isInstanceOfSatisfying(
            EvidenceShown.FlowShown.class,
            f -> assertThat(f.snapshot().flow()).isEqualTo(RichFlow.flow()));
    vm.select(evidence.get(1));
    assertThat(vm.shownProperty().get())
        .isInstanceOfSatisfying(
            EvidenceShown.SeriesShown.class,
            s -> {
              assertThat(s.series().series()).hasSize(2);
              assertThat(s.series().series().get(0).points()).hasSize(3);
            });
    vm.select(evidence.get(2));
    assertThat(vm.shownProperty().get()).isInstanceOf(EvidenceShown.ImageShown.class);
    vm.select(evidence.get(3));
    assertThat(vm.shownProperty().get())
        .isInstanceOfSatisfying(
            EvidenceShown.TextShown.class, t -> assertThat(t.text()).contains("\"stuck\" : 212"));
    vm.select(null);
    assertThat(vm.shownProperty().get()).isNull();
  }

  @Test
  void aDamagedSnapshotSaysWhichAndWhy() {
    Evidence broken =
        new Evidence(
            40,
            12,
            Evidence.Kind.FLOW_JSON,
            "flow ord-9",
            "q",
            BundleFixtures.AT,
            "application/json",
            "{\"hops\": [".getBytes(StandardCharsets.UTF_8));
    BundleViewModel vm = vm(null);

    vm.select(broken);

    assertThat(vm.shownProperty().get())
        .isInstanceOfSatisfying(
            EvidenceShown.Problem.class,
            p ->
                assertThat(p.message())
                    .startsWith(
                        "Evidence #40 (flow ord-9) cannot be shown: not a flow JSON document:"));
  }

  @Test
  void importGoesThroughTheStoreOnlyWhenAsked() {
    BundleViewModel vm =
        vm(
            f -> {
              imported.add(f);
              return incident(57);
            });
    assertThat(imported).isEmpty();
    assertThat(vm.canImport()).isTrue();

    vm.importIntoStore();

    assertThat(imported).containsExactly(file);
    assertThat(vm.importStatusProperty().get())
        .isEqualTo("Imported as incident #57 (ERP outage (imported)): open it in Incidents");
    assertThat(vm.importingProperty().get()).isFalse();
  }

  @Test
  void importSaysWhenItWasImportedBeforeOrFailed() {
    BundleViewModel before =
        vm(
            f -> {
              throw new BundleImportedBeforeException("imported before", 44);
            });
    before.importIntoStore();
    assertThat(before.importStatusProperty().get())
        .isEqualTo("Already imported as incident #44: nothing changed (open it in Incidents)");

    BundleViewModel failed =
        vm(
            f -> {
              throw new BundleException("/tmp/erp.hopscope: entry evidence/31.json is damaged");
            });
    failed.importIntoStore();
    assertThat(failed.importStatusProperty().get())
        .isEqualTo(
            "Not imported: /tmp/erp.hopscope: entry evidence/31.json is damaged. Nothing changed.");
  }

  @Test
  void withoutAStoreThereIsNothingToImportInto() {
    BundleViewModel vm = vm(null);
    assertThat(vm.canImport()).isFalse();
    vm.importIntoStore();
    assertThat(vm.importStatusProperty().get()).isEmpty();
  }

  @Test
  void searchingFromTheSnapshotSaysItIsReadOnly() {
    BundleViewModel vm = vm(null);
    assertThat(vm.noticeProperty().get()).isEmpty();
    vm.readOnlyAsked();
    assertThat(vm.noticeProperty().get()).isEqualTo(BundleViewModel.READ_ONLY);
  }

  private static Incident incident(long id) {
    return new Incident(
        id,
        "ERP outage (imported)",
        Incident.Severity.SEV2,
        "orders",
        null,
        Incident.Status.OPEN,
        BundleFixtures.AT,
        null,
        null,
        null,
        "bob");
  }
}
