package org.hopscope.ui.bundle;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hopscope.model.bundle.BundleManifest;
import org.hopscope.model.incident.Incident;
import org.hopscope.ui.task.TaskRunner;

/**
 * File > Export bundle for the open incident: the file, masked unless "Export unmasked" is ticked
 * (with its warning), written off the FX thread; the result names the file or says why not.
 */
public final class BundleExport {

  /** Writes a bundle ({@code BundleDesk::exportBundle}). */
  @FunctionalInterface
  public interface Exporter {
    BundleManifest export(long incidentId, Path file, boolean unmasked, boolean overwrite);
  }

  /** What "Export unmasked" warns. */
  public static final String UNMASKED_WARNING =
      "Unmasked: the bundle holds message IDs, log lines, raw documents and chart images exactly"
          + " as they were read. Share it only where that data may go.";

  /** What a masked export says. */
  public static final String MASKED_NOTE =
      "Masked with the post-mortem's rules (masking.yaml); chart images are left out (pixels cannot"
          + " be masked), their series are kept.";

  private final Exporter exporter;
  private final TaskRunner runner;
  private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
  private final BooleanProperty unmasked = new SimpleBooleanProperty(this, "unmasked", false);
  private final BooleanProperty overwrite = new SimpleBooleanProperty(this, "overwrite", false);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
  private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");

  public BundleExport(Exporter exporter, TaskRunner runner) {
    this.exporter = exporter;
    this.runner = runner;
  }

  /** A file name for {@code incident}: "incident-12-erp-outage.hopscope". */
  public static String suggestedName(Incident incident) {
    String slug =
        incident
            .title()
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    slug = slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
    return "incident-" + incident.id() + (slug.isEmpty() ? "" : "-" + slug) + ".hopscope";
  }

  /** Writes {@code incident} to {@link #fileProperty()}. */
  public void export(Incident incident) {
    Path target = file.get();
    if (incident == null) {
      fail("Open an incident first: File > Export bundle writes the open incident");
      return;
    }
    if (target == null) {
      fail("Choose a file to write the bundle to");
      return;
    }
    if (!BundleOpener.isBundle(target)) {
      target = target.resolveSibling(target.getFileName() + BundleOpener.EXTENSION);
      file.set(target);
    }
    Path to = target;
    boolean open = unmasked.get();
    boolean replace = overwrite.get();
    running.set(true);
    failed.set(false);
    result.set("Writing " + to + "\u2026");
    runner.run(
        "export bundle " + to.getFileName(),
        c -> exporter.export(incident.id(), to, open, replace),
        m -> {
          running.set(false);
          result.set(
              "Written: "
                  + to
                  + " ("
                  + (m.masked() ? "masked" : "UNMASKED")
                  + ", "
                  + m.entries().size()
                  + " entries"
                  + (m.imagesIncluded() ? ", chart images included" : "")
                  + ")");
        },
        t ->
            fail(
                "Not exported: "
                    + (t.getMessage() == null ? t.toString() : t.getMessage())
                    + ". Nothing was written."));
  }

  private void fail(String why) {
    running.set(false);
    failed.set(true);
    result.set(why);
  }

  public ObjectProperty<Path> fileProperty() {
    return file;
  }

  public BooleanProperty unmaskedProperty() {
    return unmasked;
  }

  /** Replace the file when it exists (the save dialog asked the user). */
  public BooleanProperty overwriteProperty() {
    return overwrite;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** "Written: FILE (...)", why it failed, or empty. */
  public ReadOnlyStringProperty resultProperty() {
    return result.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty failedProperty() {
    return failed.getReadOnlyProperty();
  }
}
