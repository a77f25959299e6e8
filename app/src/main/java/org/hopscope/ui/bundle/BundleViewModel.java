package org.hopscope.ui.bundle;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.hopscope.model.bundle.Bundle;
import org.hopscope.model.bundle.BundleImportedBeforeException;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.task.TaskRunner;

/**
 * An opened bundle, read-only and offline: what the banner says, the incident's facts, its evidence
 * and the snapshot selected (read off the FX thread through the {@link TaskRunner}). Nothing here
 * touches a backend or the local store, except {@link #importIntoStore} when the user asks for it.
 */
public final class BundleViewModel {

  /** Imports a bundle file into the local store ({@code BundleDesk::importBundle}). */
  @FunctionalInterface
  public interface Importer {
    Incident importBundle(Path file);
  }

  /** Why "Import into my incidents" is off without a local store. */
  public static final String NO_STORE =
      "The local incident store could not be opened: nothing to import into";

  /** What a search from a bundle's flow (a batch member, a longer window) says instead. */
  public static final String READ_ONLY =
      "This bundle is read-only and offline: nothing is searched. Import it into your incidents"
          + " and search from the main window.";

  /** What a search from a flow read from files says instead. */
  public static final String READ_ONLY_FILES =
      "This flow was read from files: nothing is searched here. Open traces again with other"
          + " files, or search from the main window.";

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Bundle bundle;
  private final Importer importer;
  private final TaskRunner runner;
  private final ReadOnlyObjectWrapper<EvidenceShown> shown =
      new ReadOnlyObjectWrapper<>(this, "shown");
  private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
  private final ReadOnlyStringWrapper importStatus =
      new ReadOnlyStringWrapper(this, "importStatus", "");
  private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
  private Cancellation running;

  /**
   * @param bundle the bundle, read and checked
   * @param importer imports into the local store, or null without one
   */
  public BundleViewModel(Bundle bundle, Importer importer, TaskRunner runner) {
    this.bundle = bundle;
    this.importer = importer;
    this.runner = runner;
  }

  public Bundle bundle() {
    return bundle;
  }

  /** "Bundle: TITLE — exported by USER at 2026-11-26 03:10 UTC, read-only, offline". */
  public String banner() {
    var m = bundle.manifest();
    return "Bundle: "
        + bundle.incident().title()
        + " \u2014 exported by "
        + (m.exportedBy().isBlank() ? "an unknown user" : m.exportedBy())
        + " at "
        + WHEN.format(m.exportedAt())
        + ", read-only, offline";
  }

  /** The window's title: "TITLE — bundle FILE (read-only)". */
  public String windowTitle() {
    return bundle.incident().title()
        + " \u2014 bundle "
        + bundle.origin().file().getFileName()
        + " (read-only)";
  }

  /** The second banner line: masking, file, format, the exporting store's incident number. */
  public String origin() {
    var m = bundle.manifest();
    return (m.masked()
            ? "Masked (texts masked with the post-mortem's rules)"
            : "UNMASKED: holds the texts as they were logged")
        + " \u00b7 "
        + bundle.origin().file()
        + " \u00b7 incident #"
        + m.incidentId()
        + " of the exporting store \u00b7 format "
        + m.formatVersion()
        + (m.hopscopeVersion().isBlank() ? "" : ", Hopscope " + m.hopscopeVersion());
  }

  /** What the manifest says the reader should know (things left out and why). */
  public List<String> remarks() {
    return bundle.manifest().remarks();
  }

  /** The incident's facts, one line each: status, severity, path, window, opened. */
  public List<String> facts() {
    Incident i = bundle.incident();
    List<String> out = new ArrayList<>();
    out.add("Status: " + i.status().name().toLowerCase(java.util.Locale.ROOT));
    out.add("Severity: " + i.severity().name());
    out.add("Path: " + (i.path() == null ? "none" : i.path()));
    out.add(
        "Window: "
            + (i.window() == null
                ? "none"
                : when(i.window().from()) + " .. " + when(i.window().to())));
    out.add(
        "Opened: "
            + when(i.openedAt())
            + (i.openedBy() == null || i.openedBy().isBlank() ? "" : " by " + i.openedBy()));
    if (i.resolvedAt() != null) {
      out.add("Resolved: " + when(i.resolvedAt()));
    }
    return out;
  }

  /** "2026-11-26 03:10 UTC", or "unknown" for null. */
  public static String when(Instant t) {
    return t == null ? "unknown" : WHEN.format(t);
  }

  /** A line of the evidence list: "flow · flow ord-1 · 14.2 KB". */
  public static String evidenceLine(Evidence e) {
    return EvidenceReading.kind(e.kind())
        + " \u00b7 "
        + e.title()
        + " \u00b7 "
        + EvidenceReading.size(e.content().length);
  }

  /** Reads {@code e} (off the FX thread) and shows it; null shows nothing. */
  public void select(Evidence e) {
    if (running != null) {
      running.cancel();
    }
    if (e == null) {
      shown.set(null);
      reading.set(false);
      return;
    }
    reading.set(true);
    running =
        runner.run(
            "read evidence " + e.id(),
            c -> EvidenceReading.read(e),
            s -> {
              running = null;
              reading.set(false);
              shown.set(s);
            },
            t -> {
              running = null;
              reading.set(false);
              shown.set(new EvidenceShown.Problem(e, String.valueOf(t.getMessage())));
            });
  }

  /** The snapshot shown, or null. */
  public ReadOnlyObjectProperty<EvidenceShown> shownProperty() {
    return shown.getReadOnlyProperty();
  }

  /** True while a snapshot is being read. */
  public ReadOnlyBooleanProperty readingProperty() {
    return reading.getReadOnlyProperty();
  }

  /** Whether there is a store to import into. */
  public boolean canImport() {
    return importer != null;
  }

  /** Imports the bundle's file into the local store (the one thing here that writes). */
  public void importIntoStore() {
    if (importer == null || importing.get()) {
      return;
    }
    importing.set(true);
    importStatus.set("Importing " + bundle.origin().file().getFileName() + "\u2026");
    Path file = bundle.origin().file();
    runner.run(
        "import bundle " + file.getFileName(),
        c -> importer.importBundle(file),
        incident -> {
          importing.set(false);
          importStatus.set(
              "Imported as incident #"
                  + incident.id()
                  + " ("
                  + incident.title()
                  + "): open it in Incidents");
        },
        t -> {
          importing.set(false);
          importStatus.set(
              t instanceof BundleImportedBeforeException before
                  ? "Already imported as incident #"
                      + before.incidentId()
                      + ": nothing changed (open it in Incidents)"
                  : "Not imported: "
                      + (t.getMessage() == null ? t.toString() : t.getMessage())
                      + ". Nothing changed.");
        });
  }

  /** What the last import said, or empty. */
  public ReadOnlyStringProperty importStatusProperty() {
    return importStatus.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty importingProperty() {
    return importing.getReadOnlyProperty();
  }

  /** Says that nothing is searched here (a flow view's offer to search again was used). */
  public void readOnlyAsked() {
    notice.set(READ_ONLY);
  }

  /** What the window tells the user about a refused action, or empty. */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }
}
