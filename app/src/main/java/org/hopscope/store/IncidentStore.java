package org.hopscope.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.TimelineEntry;

/**
 * Incidents: open one, find it, list them, move it through OPEN, MITIGATED, RESOLVED. Opening and
 * status changes also record an {@code OPENED}/{@code STATUS} timeline entry in the same
 * transaction (callers need not record those themselves).
 */
public final class IncidentStore {

  private static final String COLUMNS =
      "id, title, severity, path, window_from, window_to, status, opened_at, detected_at,"
          + " mitigated_at, resolved_at, opened_by";

  private final IncidentDatabase db;

  IncidentStore(IncidentDatabase db) {
    this.db = db;
  }

  /**
   * Opens a new incident, status OPEN, opened now by {@code user}.
   *
   * @param title what is wrong, not blank
   * @param severity how bad
   * @param path the integration path's name, or null
   * @param window the window under investigation, or null
   * @param user the OS user
   * @return the stored incident, with its id
   */
  public Incident open(
      String title, Incident.Severity severity, String path, TimeWindow window, String user) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("an incident needs a title");
    }
    Columns.required(user, "user");
    Instant now = db.now();
    return db.write(
        c -> {
          long id =
              Columns.insert(
                  c,
                  "INSERT INTO incidents (title, severity, path, window_from, window_to, status,"
                      + " opened_at, opened_by) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)",
                  title,
                  severity.name(),
                  path,
                  window == null ? null : window.from(),
                  window == null ? null : window.to(),
                  now,
                  user);
          Timeline.insert(
              c,
              new TimelineEntry(
                  0,
                  id,
                  now,
                  TimelineEntry.Kind.OPENED,
                  user,
                  "opened " + severity + ": " + title,
                  null));
          return select(c, id).orElseThrow();
        });
  }

  /** The incident with this id, if any. */
  public Optional<Incident> get(long id) {
    return db.read(c -> select(c, id));
  }

  /**
   * Incidents newest first (by opening time, then id).
   *
   * @param search text to find in the title or path (case-insensitive for ASCII letters, taken
   *     literally: {@code %} and {@code _} are not wildcards); null or blank lists all
   * @param limit at most this many, positive
   */
  public List<Incident> list(String search, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    boolean all = search == null || search.isBlank();
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM incidents"
            + (all ? "" : " WHERE title LIKE ?1 ESCAPE '\\' OR path LIKE ?1 ESCAPE '\\'")
            + " ORDER BY opened_at DESC, id DESC LIMIT "
            + limit;
    Object[] like = all ? new Object[0] : new Object[] {"%" + escapeLike(search.strip()) + "%"};
    return db.read(c -> Columns.rows(c, sql, IncidentStore::incident, like));
  }

  /** Marks the incident MITIGATED: impact stopped at {@code mitigatedAt} (null: now). */
  public Incident mitigate(long id, Instant mitigatedAt, String user) {
    Instant at = mitigatedAt == null ? db.now() : mitigatedAt;
    return changeStatus(id, Incident.Status.MITIGATED, "mitigated_at = ?", at, user);
  }

  /** Marks the incident RESOLVED now. */
  public Incident resolve(long id, String user) {
    return changeStatus(id, Incident.Status.RESOLVED, "resolved_at = ?", db.now(), user);
  }

  private Incident changeStatus(
      long id, Incident.Status status, String assignment, Instant at, String user) {
    Columns.required(user, "user");
    Instant now = db.now();
    return db.write(
        c -> {
          update(c, id, "status = '" + status.name() + "', " + assignment, at);
          Timeline.insert(
              c,
              new TimelineEntry(
                  0, id, now, TimelineEntry.Kind.STATUS, user, "status " + status, null));
          return select(c, id).orElseThrow();
        });
  }

  private static void update(Connection c, long id, String assignment, Instant at)
      throws SQLException {
    if (Columns.update(c, "UPDATE incidents SET " + assignment + " WHERE id = ?", at, id) != 1) {
      throw new StoreException("there is no incident " + id);
    }
  }

  /** The incident {@code id}, read inside the caller's transaction. */
  Incident get(Connection c, long id) throws SQLException {
    return select(c, id).orElseThrow(() -> new StoreException("there is no incident " + id));
  }

  private static Optional<Incident> select(Connection c, long id) throws SQLException {
    return Columns.row(
        c, "SELECT " + COLUMNS + " FROM incidents WHERE id = ?", IncidentStore::incident, id);
  }

  private static Incident incident(ResultSet row) throws SQLException {
    Instant from = Columns.instant(row, "window_from");
    Instant to = Columns.instant(row, "window_to");
    return new Incident(
        row.getLong("id"),
        row.getString("title"),
        Incident.Severity.valueOf(row.getString("severity")),
        row.getString("path"),
        from == null ? null : new TimeWindow(from, to),
        Incident.Status.valueOf(row.getString("status")),
        Columns.instant(row, "opened_at"),
        Columns.instant(row, "detected_at"),
        Columns.instant(row, "mitigated_at"),
        Columns.instant(row, "resolved_at"),
        row.getString("opened_by"));
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
