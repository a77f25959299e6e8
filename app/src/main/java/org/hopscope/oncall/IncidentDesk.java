package org.hopscope.oncall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.hopscope.model.Flow;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.EvidenceSummary;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.report.Masking;
import org.hopscope.report.MaskingException;
import org.hopscope.report.PostMortemExport;
import org.hopscope.report.PostMortemInput;
import org.hopscope.report.StuckReportJson;
import org.hopscope.store.IncidentDatabase;

/**
 * Every incident operation of both faces, on the local store: open, list, mitigate and resolve
 * incidents; record searches, stuck-messages analyses, checks, ticks, branches, notes and evidence
 * on their timeline; export the post-mortem. Each operation is one store transaction (a step state
 * and its entry, an evidence snapshot and its entry land together or not at all), and each kind of
 * timeline entry has one format ({@link IncidentEntries}) whichever face records it.
 *
 * <p>Blocking: the client calls it through its task runner. Thread-safe (the store serialises).
 */
public final class IncidentDesk implements AutoCloseable {

  private final IncidentDatabase db;
  private final String user;

  /**
   * @param db the store (closed by {@link #close()})
   * @param user the OS user, recorded as actor
   */
  public IncidentDesk(IncidentDatabase db, String user) {
    this.db = Objects.requireNonNull(db, "db");
    this.user = Objects.requireNonNull(user, "user");
  }

  /**
   * Opens the store file (creating, checking, migrating it; see {@link IncidentDatabase#open}).
   *
   * @throws org.hopscope.store.StoreException when it cannot be opened (the message says why)
   */
  public static IncidentDesk open(Path file, Clock clock, String user) {
    return new IncidentDesk(IncidentDatabase.open(file, clock), user);
  }

  /** The store file of this user (see {@link IncidentDatabase#defaultFile}). */
  public static Path defaultFile(Map<String, String> env, Properties system) {
    return IncidentDatabase.defaultFile(env, system);
  }

  /** The OS user named by {@code user.name}, or "unknown". */
  public static String user(Properties system) {
    String u = system.getProperty("user.name");
    return u == null || u.isBlank() ? "unknown" : u;
  }

  /** What opening the store has to say (a damaged file moved aside, an upgrade); usually empty. */
  public List<String> warnings() {
    return db.warnings();
  }

  /** Opens a new incident, status OPEN (and its OPENED entry). */
  public Incident open(String title, Incident.Severity severity, String path, TimeWindow window) {
    return db.incidents().open(title, severity, path, window, user);
  }

  /** Incidents newest first whose title or path contains {@code search} ("" or null: all). */
  public List<Incident> list(String search, int limit) {
    return db.incidents().list(search == null ? "" : search, limit);
  }

  /**
   * The incident with this id.
   *
   * @throws IllegalArgumentException "no incident #N in FILE (see: hopscope incident list)"
   */
  public Incident get(long id) {
    return db.incidents()
        .get(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no incident #" + id + " in " + db.file() + " (see: hopscope incident list)"));
  }

  /** Marks the incident MITIGATED now. */
  public Incident mitigate(long id) {
    return within(id, () -> db.incidents().mitigate(id, null, user));
  }

  /** Marks the incident RESOLVED now. */
  public Incident resolve(long id) {
    return within(id, () -> db.incidents().resolve(id, user));
  }

  /** The incident's timeline, oldest first. */
  public List<TimelineEntry> timeline(long id) {
    return db.timeline().list(id);
  }

  /** A flow search and its answer: one SEARCH entry. */
  public TimelineEntry recordFlow(long id, Flow flow) {
    return within(id, () -> append(id, IncidentEntries.flow(flow)));
  }

  /**
   * A stuck-messages analysis: its WINDOW_ANALYSIS entry and the report kept as WINDOW_REPORT
   * evidence (with its EVIDENCE entry), together.
   */
  public TimelineEntry recordStuck(long id, StuckReport report) {
    return within(
        id,
        () -> {
          TimelineEntry entry = append(id, IncidentEntries.stuck(report));
          keep(
              id,
              Evidence.Kind.WINDOW_REPORT,
              IncidentEntries.stuckTitle(report),
              report.path() + " " + report.window().from() + " .. " + report.window().to(),
              "application/json",
              StuckReportJson.write(report));
          return entry;
        });
  }

  /** A check's result: the step's last outcome and a CHECK entry, together. */
  public TimelineEntry recordCheck(long id, Playbook playbook, CheckResult result) {
    return outcome(
        id,
        playbook,
        result.stepId(),
        result.outcome().label(),
        IncidentEntries.check(playbook, result));
  }

  /**
   * A playbook run interrupted (Ctrl-C) after {@code finished} of its {@code checks} checks (those
   * recorded before with {@link #recordCheck}): a CHECK entry saying so.
   */
  public TimelineEntry recordInterruptedRun(long id, Playbook playbook, int finished, int checks) {
    return within(id, () -> append(id, IncidentEntries.interrupted(playbook, finished, checks)));
  }

  /** A step ticked done at {@code at}: the step state and a STEP_DONE entry, together. */
  public TimelineEntry tick(long id, Playbook playbook, Step step, Instant at) {
    return within(
        id,
        () -> {
          db.stepStates().tick(id, playbook.id(), step.id(), user);
          return append(id, IncidentEntries.tick(playbook, step, at));
        });
  }

  /** A branch taken at {@code step}: the step's outcome and a BRANCH entry, together. */
  public TimelineEntry chose(long id, Playbook playbook, Step step, String label) {
    return outcome(id, playbook, step.id(), label, IncidentEntries.branch(playbook, step, label));
  }

  private TimelineEntry outcome(
      long id, Playbook playbook, String stepId, String outcome, IncidentEntries.Entry entry) {
    return within(
        id,
        () -> {
          db.stepStates().recordOutcome(id, playbook.id(), stepId, outcome);
          return append(id, entry);
        });
  }

  /** The note for (incident or 0, scope, key), if one was saved. */
  public Optional<Note> note(long incidentId, Note.Scope scope, String key) {
    return db.notes().find(incidentId, scope, key);
  }

  /**
   * Autosaves one note while it is typed (see {@link NoteAutosave}). Inside an incident, a finished
   * note (saved explicitly or its editor left, with a text other than the last finished one) is an
   * event on its timeline: a NOTE entry; the autosave's drafts while typing never are.
   */
  public NoteAutosave keepNote(
      long incidentId,
      Note.Scope scope,
      String key,
      ScheduledExecutorService scheduler,
      NoteAutosave.Listener listener) {
    String k = key == null ? "" : key;
    return new NoteAutosave(
        new NoteAutosave.Writer() {
          @Override
          public Note write(String text) {
            return db.inTransaction(() -> db.notes().save(incidentId, scope, k, text));
          }

          @Override
          public void finished(Note note) {
            if (incidentId != 0) {
              db.inTransaction(
                  () -> {
                    append(incidentId, IncidentEntries.note(note));
                    return null;
                  });
            }
          }
        },
        scope + " " + k,
        scheduler,
        listener);
  }

  /** Keeps an evidence snapshot with its EVIDENCE entry, together. */
  public Evidence keep(
      long id, Evidence.Kind kind, String title, String query, String mediaType, byte[] content) {
    return within(
        id,
        () -> {
          Evidence saved = db.evidence().save(id, kind, title, query, mediaType, content);
          append(id, IncidentEntries.evidence(saved));
          return saved;
        });
  }

  /** The incident's evidence without content, oldest first. */
  public List<EvidenceSummary> evidence(long id) {
    return db.evidence().list(id);
  }

  /** One evidence snapshot with its content. */
  public Optional<Evidence> loadEvidence(long evidenceId) {
    return db.evidence().load(evidenceId);
  }

  private PostMortemInput postMortem(long id) {
    Incident incident = get(id);
    List<Evidence> evidence = new ArrayList<>();
    for (EvidenceSummary s : db.evidence().list(id)) {
      db.evidence().load(s.id()).ifPresent(evidence::add);
    }
    return new PostMortemInput(
        incident,
        db.timeline().list(id),
        db.notes().list(id),
        db.stepStates().listAll(id),
        evidence,
        StuckReportJson.latest(evidence).orElse(null));
  }

  /**
   * Writes the post-mortem draft of incident {@code id} to {@code out} (Markdown, chart images
   * beside it; folders created), masked.
   *
   * @param maskingFile the masking rules to use, or null for {@code configDir}'s {@code
   *     masking.yaml} when present ({@link Masking#configured}), else the built-in rules
   * @param configDir Hopscope's configuration folder, or null (built-in rules unless maskingFile)
   * @return {@code out}
   * @throws MaskingException when the rules cannot be used (nothing is written then)
   * @throws UncheckedIOException when a file cannot be written (the message names it)
   */
  public Path exportPostMortem(long id, Path out, Path configDir, Path maskingFile) {
    Masking masking =
        maskingFile != null
            ? Masking.load(maskingFile)
            : configDir != null ? Masking.configured(configDir) : Masking.defaults();
    PostMortemInput input = postMortem(id);
    try {
      PostMortemExport.toFile(input, masking, out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + out + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
          e);
    }
  }

  /** Whether {@code failure} is an export refused because the masking rules cannot be used. */
  public static boolean refusedByMasking(Throwable failure) {
    return failure instanceof MaskingException;
  }

  /** The store, for the bundle desk of the same tier ({@link BundleDesk}). */
  IncidentDatabase database() {
    return db;
  }

  /** The OS user recorded as actor. */
  String user() {
    return user;
  }

  /** Closes the store. */
  @Override
  public void close() {
    db.close();
  }

  private <T> T within(long id, Supplier<T> work) {
    return db.inTransaction(
        () -> {
          get(id);
          return work.get();
        });
  }

  private TimelineEntry append(long id, IncidentEntries.Entry e) {
    return db.timeline().append(id, e.kind(), user, e.summary(), e.detail());
  }
}
