package org.hopscope.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hopscope.model.incident.Note;

/**
 * Notes: at most one per (incident, scope, key). Incident id 0 means "outside any incident" (stored
 * as NULL, so the foreign key to incidents does not apply to it).
 */
public final class NoteStore {

  private static final String COLUMNS = "id, incident_id, scope, key, text, updated_at";

  private final IncidentDatabase db;

  NoteStore(IncidentDatabase db) {
    this.db = db;
  }

  /**
   * Creates or replaces the note's text, stamped now.
   *
   * @param incidentId an existing incident, or 0 for a note outside any incident
   * @param scope what the note is about
   * @param key the scope's key (see {@link Note#key()}); null is ""
   * @param text the note; null is ""
   * @return the stored note (same id as before when it existed)
   * @throws StoreException when the incident does not exist or the write fails
   */
  public Note save(long incidentId, Note.Scope scope, String key, String text) {
    Note note = new Note(0, incidentId, scope, key, text, db.now());
    return db.write(
        c -> {
          Optional<Note> existing = select(c, incidentId, scope, note.key());
          if (existing.isPresent()) {
            Columns.update(
                c,
                "UPDATE notes SET text = ?, updated_at = ? WHERE id = ?",
                note.text(),
                note.updatedAt(),
                existing.get().id());
            return new Note(
                existing.get().id(), incidentId, scope, note.key(), note.text(), note.updatedAt());
          }
          long id =
              Columns.insert(
                  c,
                  "INSERT INTO notes (incident_id, scope, key, text, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?)",
                  incidentId == 0 ? null : incidentId,
                  scope.name(),
                  note.key(),
                  note.text(),
                  note.updatedAt());
          return new Note(id, incidentId, scope, note.key(), note.text(), note.updatedAt());
        });
  }

  /** The note for (incident, scope, key), if one was saved. */
  public Optional<Note> find(long incidentId, Note.Scope scope, String key) {
    return db.read(c -> select(c, incidentId, scope, key == null ? "" : key));
  }

  /** The incident's notes (0: those outside any incident), by scope, then key. */
  public List<Note> list(long incidentId) {
    return db.read(
        c ->
            Columns.rows(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM notes WHERE ifnull(incident_id, 0) = ? ORDER BY scope, key",
                NoteStore::note,
                incidentId));
  }

  private static Optional<Note> select(Connection c, long incidentId, Note.Scope scope, String key)
      throws SQLException {
    return Columns.row(
        c,
        "SELECT "
            + COLUMNS
            + " FROM notes WHERE ifnull(incident_id, 0) = ? AND scope = ? AND key = ?",
        NoteStore::note,
        incidentId,
        scope.name(),
        key);
  }

  private static Note note(ResultSet row) throws SQLException {
    return new Note(
        row.getLong("id"),
        row.getLong("incident_id"),
        Note.Scope.valueOf(row.getString("scope")),
        row.getString("key"),
        row.getString("text"),
        Instant.ofEpochMilli(row.getLong("updated_at")));
  }
}
