package org.hopscope.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.EvidenceSummary;

/** Evidence snapshots (flow JSON, metric series, chart PNGs) kept as BLOBs with their query. */
public final class EvidenceStore {

  private final IncidentDatabase db;

  EvidenceStore(IncidentDatabase db) {
    this.db = db;
  }

  /**
   * Saves a snapshot, stamped now.
   *
   * @param incidentId an existing incident
   * @param kind what it holds
   * @param title e.g. "flow ord-1"
   * @param query the query that produced it, or null
   * @param mediaType e.g. {@code application/json}
   * @param content the bytes (copied)
   * @return the stored snapshot, with its id
   */
  public Evidence save(
      long incidentId,
      Evidence.Kind kind,
      String title,
      String query,
      String mediaType,
      byte[] content) {
    Evidence evidence =
        new Evidence(
            0,
            incidentId,
            kind,
            Columns.required(title, "title"),
            query == null ? "" : query,
            db.now(),
            Columns.required(mediaType, "media type"),
            content.clone());
    return db.write(
        c -> {
          long id =
              Columns.insert(
                  c,
                  "INSERT INTO evidence (incident_id, kind, title, query, created_at, media_type,"
                      + " content) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  incidentId,
                  kind.name(),
                  evidence.title(),
                  evidence.query(),
                  evidence.createdAt(),
                  mediaType,
                  evidence.content());
          return new Evidence(
              id,
              incidentId,
              kind,
              evidence.title(),
              evidence.query(),
              evidence.createdAt(),
              mediaType,
              evidence.content());
        });
  }

  /** The incident's snapshots without content, oldest first. */
  public List<EvidenceSummary> list(long incidentId) {
    return db.read(
        c ->
            Columns.rows(
                c,
                "SELECT id, incident_id, kind, title, query, created_at, media_type,"
                    + " length(content) AS size FROM evidence WHERE incident_id = ?"
                    + " ORDER BY created_at, id",
                row ->
                    new EvidenceSummary(
                        row.getLong("id"),
                        row.getLong("incident_id"),
                        Evidence.Kind.valueOf(row.getString("kind")),
                        row.getString("title"),
                        row.getString("query"),
                        Instant.ofEpochMilli(row.getLong("created_at")),
                        row.getString("media_type"),
                        row.getLong("size")),
                incidentId));
  }

  /** One snapshot with its content, if it exists. */
  public Optional<Evidence> load(long id) {
    return db.read(
        c -> Columns.row(c, "SELECT * FROM evidence WHERE id = ?", EvidenceStore::evidence, id));
  }

  private static Evidence evidence(ResultSet row) throws SQLException {
    return new Evidence(
        row.getLong("id"),
        row.getLong("incident_id"),
        Evidence.Kind.valueOf(row.getString("kind")),
        row.getString("title"),
        row.getString("query"),
        Instant.ofEpochMilli(row.getLong("created_at")),
        row.getString("media_type"),
        row.getBytes("content"));
  }
}
