package org.hopscope.oncall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.PathDef;
import org.hopscope.model.bundle.Bundle;
import org.hopscope.model.bundle.BundleException;
import org.hopscope.model.bundle.BundleImportedBeforeException;
import org.hopscope.model.bundle.BundleManifest;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.EvidenceSummary;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.StepState;
import org.hopscope.report.Masking;
import org.hopscope.report.bundle.BundleContent;
import org.hopscope.report.bundle.BundleReader;
import org.hopscope.report.bundle.BundleWriter;
import org.hopscope.store.IncidentDatabase;

/**
 * Incident bundles for both faces (docs/bundles.md): export an incident of the local store to one
 * {@code *.hopscope} file, open a bundle read-only (no store, no backend), import one into the
 * store as a new incident.
 *
 * <p>Blocking: the client calls it through its task runner.
 */
public final class BundleDesk {

  /** What an imported incident's title ends with. */
  public static final String IMPORTED_SUFFIX = " (imported)";

  private final IncidentDesk desk;
  private final Path pathsDir;
  private final Path playbooksDir;
  private final Path configDir;
  private final Clock clock;

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
    this(desk, pathsDir, playbooksDir, configDir, Clock.systemUTC());
  }

  /** As above, stamping exports with {@code clock}. */
  public BundleDesk(
      IncidentDesk desk, Path pathsDir, Path playbooksDir, Path configDir, Clock clock) {
    this.desk = Objects.requireNonNull(desk, "desk");
    this.pathsDir = pathsDir;
    this.playbooksDir = playbooksDir;
    this.configDir = configDir;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Writes incident {@code incidentId} to {@code file} as a bundle, masked unless {@code unmasked};
   * refuses to replace an existing file.
   *
   * @return the manifest written (masked, images included, remarks)
   * @throws IllegalArgumentException when the incident does not exist or the file exists
   * @throws org.hopscope.report.MaskingException when the masking rules cannot be used
   * @throws UncheckedIOException when the file cannot be written (nothing is left behind)
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
    if (!overwrite && Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw exists(file);
    }
    Masking masking =
        unmasked
            ? null
            : maskingFile != null
                ? Masking.load(maskingFile)
                : configDir != null ? Masking.configured(configDir) : Masking.defaults();
    BundleContent content = content(desk.get(incidentId));
    IncidentDatabase db = desk.database();
    BundleWriter.Stamp stamp =
        new BundleWriter.Stamp(
            version(), clock.instant(), desk.user(), db.file().toAbsolutePath().toString());
    try {
      return BundleWriter.write(content, masking, stamp, file, overwrite);
    } catch (FileAlreadyExistsException e) {
      throw exists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); nothing was written",
          e);
    }
  }

  /**
   * Reads and checks a bundle file; needs no store and no backend.
   *
   * @throws BundleException naming what is wrong (not a zip, truncated, newer format, unsafe or
   *     damaged entry, malformed JSON with entry and line)
   */
  public static Bundle openBundle(Path file) {
    return BundleReader.read(file);
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
    Bundle bundle = openBundle(file);
    IncidentDatabase db = desk.database();
    return db.inTransaction(
        () -> {
          Optional<Long> before = db.imports().find(bundle.origin().manifestSha256());
          if (before.isPresent() && !again) {
            throw new BundleImportedBeforeException(
                file
                    + " was imported before, as incident #"
                    + before.get()
                    + "; nothing was imported (import it again on purpose for a second copy:"
                    + " incident import --again)",
                before.get());
          }
          Incident i = bundle.incident();
          Incident imported =
              new Incident(
                  0,
                  i.title() + IMPORTED_SUFFIX,
                  i.severity(),
                  i.path(),
                  i.window(),
                  i.status(),
                  i.openedAt(),
                  i.detectedAt(),
                  i.mitigatedAt(),
                  i.resolvedAt(),
                  i.openedBy());
          IncidentEntries.Entry entry = IncidentEntries.imported(bundle);
          return db.imports()
              .add(
                  imported,
                  bundle.timeline(),
                  bundle.notes(),
                  bundle.steps(),
                  bundle.evidence(),
                  new org.hopscope.model.incident.TimelineEntry(
                      0,
                      0,
                      clock.instant(),
                      entry.kind(),
                      desk.user(),
                      entry.summary(),
                      entry.detail()));
        });
  }

  /** The incident an earlier import of {@code bundle} made in this store, if any. */
  public Optional<Incident> importedBefore(Bundle bundle) {
    return desk.database()
        .imports()
        .find(bundle.origin().manifestSha256())
        .flatMap(id -> desk.database().incidents().get(id));
  }

  private BundleContent content(Incident incident) {
    long id = incident.id();
    IncidentDatabase db = desk.database();
    List<Evidence> evidence = new ArrayList<>();
    for (EvidenceSummary s : db.evidence().list(id)) {
      db.evidence().load(s.id()).ifPresent(evidence::add);
    }
    List<StepState> steps = db.stepStates().listAll(id);
    List<String> remarks = new ArrayList<>();
    return new BundleContent(
        incident,
        db.timeline().list(id),
        db.notes().list(id),
        steps,
        evidence,
        pathDefinition(incident.path(), remarks),
        playbooks(steps, remarks),
        remarks);
  }

  /** The incident's path's definition file, as it is now. */
  private Map<String, String> pathDefinition(String path, List<String> remarks) {
    if (path == null || path.isBlank()) {
      return Map.of();
    }
    if (pathsDir == null || !Files.isDirectory(pathsDir)) {
      remarks.add(
          "the definition of path " + path + " is not included: no path definitions folder");
      return Map.of();
    }
    // problems in the folder are collected in the catalog, never thrown: a path with problems
    // is simply not in it
    Optional<PathDef> def = new PathDefinitions().readDirectory(pathsDir).path(path);
    if (def.isEmpty() || def.get().origin() == null) {
      remarks.add(
          "the definition of path "
              + path
              + " is not included: no valid definition of it in "
              + pathsDir);
      return Map.of();
    }
    Path file = Path.of(def.get().origin());
    return readText(file, "the definition of path " + path, remarks);
  }

  /** The playbooks whose steps were recorded, as they are now. */
  private Map<String, String> playbooks(List<StepState> steps, List<String> remarks) {
    Set<String> ids = new LinkedHashSet<>();
    steps.forEach(s -> ids.add(s.playbookId()));
    Map<String, String> out = new LinkedHashMap<>();
    for (String id : ids) {
      Path file = playbooksDir == null ? null : playbooksDir.resolve(id + ".md").normalize();
      if (file == null
          || !file.startsWith(playbooksDir.normalize())
          || !Files.isRegularFile(file)) {
        remarks.add(
            "playbook " + id + " is not included: no file " + id + ".md in " + playbooksDir);
        continue;
      }
      out.putAll(readText(file, "playbook " + id, remarks));
    }
    return out;
  }

  private static Map<String, String> readText(Path file, String what, List<String> remarks) {
    try {
      return Map.of(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      remarks.add(what + " is not included: cannot read " + file + " (" + e.getMessage() + ")");
      return Map.of();
    }
  }

  private static IllegalArgumentException exists(Path file) {
    return new IllegalArgumentException(
        file + " exists; choose another file or replace it on purpose (export --force)");
  }

  private static String version() {
    String v = BundleDesk.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }
}
