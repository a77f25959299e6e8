package org.hopscope.oncall;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.hopscope.model.bundle.Bundle;
import org.hopscope.model.bundle.BundleException;
import org.hopscope.model.bundle.BundleImportedBeforeException;
import org.hopscope.model.bundle.BundleManifest;
import org.hopscope.model.incident.Incident;

/**
 * Incident bundles for both faces (docs/bundles.md): export an incident of the local store to one
 * {@code *.hopscope} file, open a bundle read-only (no store, no backend), import one into the
 * store as a new incident.
 *
 * <p>Blocking: the client calls it through its task runner.
 */
public final class BundleDesk {

  private final IncidentDesk desk;
  private final Path pathsDir;
  private final Path playbooksDir;
  private final Path configDir;

  /**
   * @param desk the local store's desk (not closed by this desk)
   * @param pathsDir the path definitions ({@code queries/}); the incident's path's file is copied
   *     from there; null or missing: none is copied (the manifest says so)
   * @param playbooksDir the playbooks ({@code playbooks/}); those whose steps were recorded are
   *     copied from there; null or missing: none (the manifest says so)
   * @param configDir Hopscope's configuration folder, whose {@code masking.yaml} (when present)
   *     holds the masking rules; null: the built-in rules
   */
  public BundleDesk(IncidentDesk desk, Path pathsDir, Path playbooksDir, Path configDir) {
    this.desk = Objects.requireNonNull(desk, "desk");
    this.pathsDir = pathsDir;
    this.playbooksDir = playbooksDir;
    this.configDir = configDir;
  }

  /**
   * Writes incident {@code incidentId} to {@code file} as a bundle, masked unless {@code unmasked};
   * refuses to replace an existing file.
   *
   * @return the manifest written (masked, images included, remarks)
   * @throws IllegalArgumentException when the incident does not exist or the file exists
   * @throws org.hopscope.report.MaskingException when the masking rules cannot be used
   * @throws java.io.UncheckedIOException when the file cannot be written (nothing is left behind)
   */
  public BundleManifest exportBundle(long incidentId, Path file, boolean unmasked) {
    return exportBundle(incidentId, file, unmasked, false, null);
  }

  /**
   * As {@link #exportBundle(long, Path, boolean)}.
   *
   * @param overwrite replace {@code file} when it exists (atomically)
   * @param maskingFile masking rules to use instead of the configured ones, or null
   */
  public BundleManifest exportBundle(
      long incidentId, Path file, boolean unmasked, boolean overwrite, Path maskingFile) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Reads and checks a bundle file; needs no store and no backend.
   *
   * @throws BundleException naming what is wrong (not a zip, truncated, newer format, unsafe or
   *     damaged entry, malformed JSON with entry and line)
   */
  public static Bundle openBundle(Path file) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Imports a bundle as a new incident (new ids, original times, an IMPORTED timeline entry, title
   * marked "(imported)"), in one transaction: a bad bundle changes nothing.
   *
   * @throws BundleImportedBeforeException when this store imported the same bundle before
   * @throws BundleException when the bundle cannot be read
   */
  public Incident importBundle(Path file) {
    return importBundle(file, false);
  }

  /**
   * As {@link #importBundle(Path)}; with {@code again}, a bundle imported before is imported as a
   * second, separate incident.
   */
  public Incident importBundle(Path file, boolean again) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The incident an earlier import of {@code bundle} made in this store, if any. */
  public Optional<Incident> importedBefore(Bundle bundle) {
    throw new UnsupportedOperationException("not yet");
  }
}
