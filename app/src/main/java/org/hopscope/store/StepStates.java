package org.hopscope.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hopscope.model.incident.StepState;

/** Where each playbook step stands inside an incident: ticked (by whom, when), last outcome. */
public final class StepStates {

  private final IncidentDatabase db;

  StepStates(IncidentDatabase db) {
    this.db = db;
  }

  /** Ticks the step done by {@code user}, now. */
  public StepState tick(long incidentId, String playbookId, String stepId, String user) {
    Columns.required(user, "user");
    long now = db.now().toEpochMilli();
    return change(incidentId, playbookId, stepId, "done = 1, done_by = ?, done_at = ?", user, now);
  }

  /**
   * Records the step's last outcome: a check result ("PASS", "FAIL", "ERROR") or the branch chosen.
   */
  public StepState recordOutcome(
      long incidentId, String playbookId, String stepId, String outcome) {
    return change(incidentId, playbookId, stepId, "last_outcome = ?", outcome);
  }

  /** The state of one step, if it was ever touched. */
  public Optional<StepState> find(long incidentId, String playbookId, String stepId) {
    return db.read(c -> select(c, incidentId, playbookId, stepId));
  }

  /** Every step state of the incident, across playbooks, in the order first touched. */
  public List<StepState> listAll(long incidentId) {
    return listWhere("", incidentId, null);
  }

  /** The steps of this playbook touched in this incident, in the order first touched. */
  public List<StepState> list(long incidentId, String playbookId) {
    return listWhere(" AND playbook_id = ?", incidentId, playbookId);
  }

  private List<StepState> listWhere(String andPlaybook, long incidentId, String playbookId) {
    String sql = "SELECT * FROM step_state WHERE incident_id = ?" + andPlaybook + " ORDER BY rowid";
    Object[] parameters =
        playbookId == null ? new Object[] {incidentId} : new Object[] {incidentId, playbookId};
    return db.read(c -> Columns.rows(c, sql, StepStates::state, parameters));
  }

  private StepState change(
      long incidentId, String playbookId, String stepId, String assignment, Object... values) {
    Columns.required(playbookId, "playbook id");
    Columns.required(stepId, "step id");
    return db.write(
        c -> {
          Columns.update(
              c,
              "INSERT INTO step_state (incident_id, playbook_id, step_id) VALUES (?, ?, ?)"
                  + " ON CONFLICT DO NOTHING",
              incidentId,
              playbookId,
              stepId);
          List<Object> parameters = new ArrayList<>(Arrays.asList(values));
          parameters.addAll(List.of(incidentId, playbookId, stepId));
          Columns.update(
              c,
              "UPDATE step_state SET "
                  + assignment
                  + " WHERE incident_id = ? AND playbook_id = ? AND step_id = ?",
              parameters.toArray());
          return select(c, incidentId, playbookId, stepId).orElseThrow();
        });
  }

  private static Optional<StepState> select(
      Connection c, long incidentId, String playbookId, String stepId) throws SQLException {
    return Columns.row(
        c,
        "SELECT * FROM step_state WHERE incident_id = ? AND playbook_id = ? AND step_id = ?",
        StepStates::state,
        incidentId,
        playbookId,
        stepId);
  }

  private static StepState state(ResultSet row) throws SQLException {
    return new StepState(
        row.getLong("incident_id"),
        row.getString("playbook_id"),
        row.getString("step_id"),
        row.getInt("done") == 1,
        row.getString("done_by"),
        Columns.instant(row, "done_at"),
        row.getString("last_outcome"));
  }
}
