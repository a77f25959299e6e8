package org.hopscope.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.hopscope.model.incident.TimelineEntry;

/** The incidents' timelines: what was seen and done, in time order. */
public final class Timeline {

  private final IncidentDatabase db;

  Timeline(IncidentDatabase db) {
    this.db = db;
  }

  /**
   * Records one entry, stamped now.
   *
   * @param incidentId an existing incident
   * @param kind what sort of entry
   * @param actor the OS user
   * @param summary one line for the timeline
   * @param detailJson machine-readable detail as JSON; null is stored as {@code {}}
   * @return the stored entry
   * @throws StoreException when the incident does not exist or the write fails
   */
  public TimelineEntry append(
      long incidentId, TimelineEntry.Kind kind, String actor, String summary, String detailJson) {
    TimelineEntry entry =
        new TimelineEntry(0, incidentId, db.now(), kind, actor, summary, detailJson);
    return db.write(c -> insert(c, entry));
  }

  /** The incident's entries, oldest first (ties in the order they were appended). */
  public List<TimelineEntry> list(long incidentId) {
    return db.read(
        c ->
            Columns.rows(
                c,
                "SELECT id, incident_id, at, kind, actor, summary, detail FROM timeline"
                    + " WHERE incident_id = ? ORDER BY at, id",
                row ->
                    new TimelineEntry(
                        row.getLong("id"),
                        row.getLong("incident_id"),
                        Instant.ofEpochMilli(row.getLong("at")),
                        TimelineEntry.Kind.valueOf(row.getString("kind")),
                        row.getString("actor"),
                        row.getString("summary"),
                        row.getString("detail")),
                incidentId));
  }

  /** Inserts {@code entry} (its id ignored) inside the caller's transaction. */
  static TimelineEntry insert(Connection c, TimelineEntry entry) throws SQLException {
    long id =
        Columns.insert(
            c,
            "INSERT INTO timeline (incident_id, at, kind, actor, summary, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            entry.incidentId(),
            entry.at(),
            entry.kind().name(),
            Columns.required(entry.actor(), "actor"),
            entry.summary(),
            entry.detail());
    return new TimelineEntry(
        id,
        entry.incidentId(),
        entry.at(),
        entry.kind(),
        entry.actor(),
        entry.summary(),
        entry.detail());
  }
}
