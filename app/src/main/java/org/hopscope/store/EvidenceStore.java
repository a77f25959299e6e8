package org.hopscope.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
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
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO evidence (incident_id, kind, title, query, created_at, media_type,"
                      + " content) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, incidentId);
            insert.setString(2, kind.name());
            insert.setString(3, evidence.title());
            insert.setString(4, evidence.query());
            insert.setLong(5, evidence.createdAt().toEpochMilli());
            insert.setString(6, mediaType);
            insert.setBytes(7, evidence.content());
            insert.executeUpdate();
            return new Evidence(
                Timeline.generatedId(insert),
                incidentId,
                kind,
                evidence.title(),
                evidence.query(),
                evidence.createdAt(),
                mediaType,
                evidence.content());
          }
        });
  }

  /** The incident's snapshots without content, oldest first. */
  public List<EvidenceSummary> list(long incidentId) {
    return db.read(
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT id, incident_id, kind, title, query, created_at, media_type,"
                      + " length(content) AS size FROM evidence WHERE incident_id = ?"
                      + " ORDER BY created_at, id")) {
            select.setLong(1, incidentId);
            List<EvidenceSummary> list = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                list.add(
                    new EvidenceSummary(
                        row.getLong("id"),
                        row.getLong("incident_id"),
                        Evidence.Kind.valueOf(row.getString("kind")),
                        row.getString("title"),
                        row.getString("query"),
                        Instant.ofEpochMilli(row.getLong("created_at")),
                        row.getString("media_type"),
                        row.getLong("size")));
              }
            }
            return list;
          }
        });
  }

  /** One snapshot with its content, if it exists. */
  public Optional<Evidence> load(long id) {
    return db.read(
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT * FROM evidence WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
              return row.next() ? Optional.of(evidence(row)) : Optional.empty();
            }
          }
        });
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
