package org.hopscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.store.IncidentDatabase;

/** Puts the checks of a {@code playbook run --incident ID} on that incident's timeline. */
final class CheckRecorder {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CheckRecorder() {}

  static void record(
      CliContext ctx, long incidentId, Playbook playbook, Map<Step, CheckEvaluation> done) {
    try (IncidentDatabase db = IncidentCommand.database(ctx)) {
      IncidentCommand.find(db, incidentId);
      String user = IncidentCommand.user(ctx);
      for (Map.Entry<Step, CheckEvaluation> e : done.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        CheckResult r = e.getValue().result();
        db.timeline()
            .append(
                incidentId,
                TimelineEntry.Kind.CHECK,
                user,
                summary(playbook, r),
                detail(playbook, r));
        db.stepStates().recordOutcome(incidentId, playbook.id(), r.stepId(), r.outcome().name());
      }
    }
  }

  /** E.g. "consumer-lag/lag-growing: FAIL, 7336.13 (pass when < 1)". */
  static String summary(Playbook playbook, CheckResult r) {
    return playbook.id()
        + "/"
        + r.stepId()
        + ": "
        + r.outcome()
        + (r.value() == null ? "" : ", " + PlaybookRunOutput.number(r.value()))
        + " (pass when "
        + r.comparison().symbol()
        + " "
        + PlaybookRunOutput.number(r.threshold())
        + ")";
  }

  private static String detail(Playbook playbook, CheckResult r) {
    ObjectNode d = JSON.createObjectNode();
    d.put("playbook", playbook.id());
    d.put("step", r.stepId());
    d.put("query", r.query());
    if (r.value() != null) {
      d.put("value", r.value());
    }
    d.put("comparison", r.comparison().symbol());
    d.put("threshold", r.threshold());
    d.put("outcome", r.outcome().name());
    if (r.detail() != null) {
      d.put("detail", r.detail());
    }
    return d.toString();
  }
}
