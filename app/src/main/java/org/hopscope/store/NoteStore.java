package org.hopscope.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
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
            try (PreparedStatement update =
                c.prepareStatement("UPDATE notes SET text = ?, updated_at = ? WHERE id = ?")) {
              update.setString(1, note.text());
              update.setLong(2, note.updatedAt().toEpochMilli());
              update.setLong(3, existing.get().id());
              update.executeUpdate();
            }
            return new Note(
                existing.get().id(), incidentId, scope, note.key(), note.text(), note.updatedAt());
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO notes (incident_id, scope, key, text, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?)",
                  java.sql.Statement.RETURN_GENERATED_KEYS)) {
            setIncident(insert, 1, incidentId);
            insert.setString(2, scope.name());
            insert.setString(3, note.key());
            insert.setString(4, note.text());
            insert.setLong(5, note.updatedAt().toEpochMilli());
            insert.executeUpdate();
            return new Note(
                Timeline.generatedId(insert),
                incidentId,
                scope,
                note.key(),
                note.text(),
                note.updatedAt());
          }
        });
  }

  /** The note for (incident, scope, key), if one was saved. */
  public Optional<Note> find(long incidentId, Note.Scope scope, String key) {
    return db.read(c -> select(c, incidentId, scope, key == null ? "" : key));
  }

  /** The incident's notes (0: those outside any incident), by scope, then key. */
  public List<Note> list(long incidentId) {
    return db.read(
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM notes WHERE ifnull(incident_id, 0) = ? ORDER BY scope, key")) {
            select.setLong(1, incidentId);
            List<Note> notes = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                notes.add(note(row));
              }
            }
            return notes;
          }
        });
  }

  private static Optional<Note> select(Connection c, long incidentId, Note.Scope scope, String key)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM notes WHERE ifnull(incident_id, 0) = ? AND scope = ? AND key = ?")) {
      select.setLong(1, incidentId);
      select.setString(2, scope.name());
      select.setString(3, key);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(note(row)) : Optional.empty();
      }
    }
  }

  private static void setIncident(PreparedStatement statement, int index, long incidentId)
      throws SQLException {
    if (incidentId == 0) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, incidentId);
    }
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
