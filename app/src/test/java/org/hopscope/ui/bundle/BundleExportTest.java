package org.hopscope.ui.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.bundle.BundleManifest;
import org.hopscope.model.incident.Incident;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;

/** File > Export bundle: masked by default, the file named, failures said. */
class BundleExportTest {

  private final List<String> calls = new ArrayList<>();
  private final Incident incident =
      new Incident(
          12,
          "ERP outage: orders stuck / at fulfilment!",
          Incident.Severity.SEV2,
          "orders",
          null,
          Incident.Status.OPEN,
          BundleFixtures.AT,
          null,
          null,
          null,
          "alice");

  private BundleExport export(boolean fail) {
    return new BundleExport(
        (id, file, unmasked, overwrite) -> {
          calls.add(id + " " + file + " unmasked=" + unmasked + " overwrite=" + overwrite);
          if (fail) {
            throw new IllegalArgumentException(file + " exists; choose another file");
          }
          return new BundleManifest(
              1,
              "1.4.0",
              BundleFixtures.AT,
              "alice",
              !unmasked,
              unmasked,
              id,
              "",
              List.of(),
              List.of(
                  new BundleManifest.Entry("incident.json", 10, "a".repeat(64)),
                  new BundleManifest.Entry("evidence/1.json", 10, "b".repeat(64))));
        },
        new SynchronousTaskRunner());
  }

  @Test
  void masksByDefaultAndNamesTheFileWritten() {
    BundleExport e = export(false);
    e.fileProperty().set(Path.of("/tmp/out.hopscope"));

    e.export(incident);

    assertThat(calls).containsExactly("12 /tmp/out.hopscope unmasked=false overwrite=false");
    assertThat(e.resultProperty().get())
        .isEqualTo("Written: /tmp/out.hopscope (masked, 2 entries)");
    assertThat(e.failedProperty().get()).isFalse();
  }

  @Test
  void unmaskedOnlyWhenTickedAndTheExtensionIsAdded() {
    BundleExport e = export(false);
    e.unmaskedProperty().set(true);
    e.fileProperty().set(Path.of("/tmp/out"));

    e.export(incident);

    assertThat(calls).containsExactly("12 /tmp/out.hopscope unmasked=true overwrite=false");
    assertThat(e.resultProperty().get())
        .isEqualTo("Written: /tmp/out.hopscope (UNMASKED, 2 entries, chart images included)");
  }

  @Test
  void aFailureSaysWhyAndThatNothingWasWritten() {
    BundleExport e = export(true);
    e.fileProperty().set(Path.of("/tmp/out.hopscope"));

    e.export(incident);

    assertThat(e.failedProperty().get()).isTrue();
    assertThat(e.resultProperty().get())
        .isEqualTo(
            "Not exported: /tmp/out.hopscope exists; choose another file. Nothing was written.");
    assertThat(e.runningProperty().get()).isFalse();
  }

  @Test
  void withoutAnIncidentOrFileNothingIsCalled() {
    BundleExport e = export(false);
    e.export(null);
    assertThat(e.resultProperty().get())
        .isEqualTo("Open an incident first: File > Export bundle writes the open incident");
    e.export(incident);
    assertThat(e.resultProperty().get()).isEqualTo("Choose a file to write the bundle to");
    assertThat(calls).isEmpty();
  }

  @Test
  void theSuggestedNameIsTheIncidentInLettersAndDigits() {
    assertThat(BundleExport.suggestedName(incident))
        .isEqualTo("incident-12-erp-outage-orders-stuck-at-fulfilment.hopscope");
  }
}
