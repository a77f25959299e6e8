package org.hopscope.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.StepState;
import org.hopscope.model.incident.TimelineEntry;

/**
 * Incidents brought in from elsewhere (a bundle file): stored whole with new ids and their original
 * times, in one transaction, and found again by the IMPORTED timeline entry that records where they
 * came from.
 */
public final class IncidentImports {

  private final IncidentDatabase db;

  IncidentImports(IncidentDatabase db) {
    this.db = db;
  }

  /**
   * Stores an incident and everything of it as new rows (ids assigned here; the given ids only tie
   * EVIDENCE entries to their snapshots), plus {@code imported}, all in one transaction.
   *
   * @param incident the incident as it is to be stored (its id ignored)
   * @param timeline its entries with their original times; an EVIDENCE entry's {@code evidenceId}
   *     in its detail is changed to the snapshot's new id
   * @param notes its notes
   * @param steps its step states
   * @param evidence its snapshots with content and original times
   * @param imported the IMPORTED entry saying where it came from (its incident id ignored; stamped
   *     now)
   * @return the stored incident
   */
  public Incident add(
      Incident incident,
      List<TimelineEntry> timeline,
      List<Note> notes,
      List<StepState> steps,
      List<Evidence> evidence,
      TimelineEntry imported) {
    return db.write(
        c -> {
          long id = insertIncident(c, incident);
          Map<Long, Long> evidenceIds = new HashMap<>();
          for (Evidence e : evidence) {
            long newId =
                Columns.insert(
                    c,
                    "INSERT INTO evidence (incident_id, kind, title, query, created_at, media_type,"
                        + " content) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    id,
                    e.kind().name(),
                    e.title(),
                    e.query() == null ? "" : e.query(),
                    e.createdAt(),
                    e.mediaType(),
                    e.content());
            evidenceIds.put(e.id(), newId);
          }
          for (TimelineEntry e : timeline) {
            String detail =
                e.kind() == TimelineEntry.Kind.EVIDENCE
                    ? EvidenceIds.renumber(e.detail(), evidenceIds)
                    : e.detail();
            Timeline.insert(
                c, new TimelineEntry(0, id, e.at(), e.kind(), e.actor(), e.summary(), detail));
          }
          for (Note n : notes) {
            Columns.insert(
                c,
                "INSERT INTO notes (incident_id, scope, key, text, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?)",
                id,
                n.scope().name(),
                n.key(),
                n.text(),
                n.updatedAt());
          }
          for (StepState s : steps) {
            Columns.update(
                c,
                "INSERT INTO step_state (incident_id, playbook_id, step_id, done, done_by, done_at,"
                    + " last_outcome) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id,
                s.playbookId(),
                s.stepId(),
                s.done() ? 1 : 0,
                s.doneBy(),
                s.doneAt(),
                s.lastOutcome());
          }
          Timeline.insert(
              c,
              new TimelineEntry(
                  0,
                  id,
                  db.now(),
                  TimelineEntry.Kind.IMPORTED,
                  imported.actor(),
                  imported.summary(),
                  imported.detail()));
          return new IncidentStore(db).get(c, id);
        });
  }

  /**
   * The first incident imported from the bundle whose manifest has this SHA-256 (the {@code
   * manifestSha256} of an IMPORTED entry's detail), if any.
   */
  public Optional<Long> find(String manifestSha256) {
    return db.read(
        c ->
            Columns.row(
                c,
                "SELECT incident_id FROM timeline WHERE kind = 'IMPORTED'"
                    + " AND json_valid(detail) AND json_extract(detail, '$.manifestSha256') = ?"
                    + " ORDER BY id LIMIT 1",
                row -> row.getLong("incident_id"),
                manifestSha256));
  }

  private static long insertIncident(Connection c, Incident i) throws SQLException {
    return Columns.insert(
        c,
        "INSERT INTO incidents (title, severity, path, window_from, window_to, status, opened_at,"
            + " detected_at, mitigated_at, resolved_at, opened_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        i.title(),
        i.severity().name(),
        i.path(),
        i.window() == null ? null : i.window().from(),
        i.window() == null ? null : i.window().to(),
        i.status().name(),
        i.openedAt(),
        i.detectedAt(),
        i.mitigatedAt(),
        i.resolvedAt(),
        i.openedBy() == null ? "unknown" : i.openedBy());
  }
}
