package org.hopscope.ui.incident;

import java.time.Instant;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.ui.playbook.StepRecorder;

/**
 * Puts a playbook walk-through on the open incident: each check (query, value, outcome), each tick
 * and each branch goes on its timeline and into its step states. Nothing is recorded while no
 * incident is open. Called off the FX thread (the walk-through's task runner).
 */
public final class IncidentStepRecorder implements StepRecorder {

  private final IncidentViewModel incidents;

  public IncidentStepRecorder(IncidentViewModel incidents) {
    this.incidents = incidents;
  }

  @Override
  public void checked(Playbook playbook, CheckResult r) {
    Incident open = incidents.currentProperty().get();
    if (open == null) {
      return;
    }
    incidents
        .database()
        .stepStates()
        .recordOutcome(open.id(), playbook.id(), r.stepId(), r.outcome().name());
    String value = r.value() == null ? "no value" : String.format("%.4g", r.value());
    incidents.record(
        TimelineEntry.Kind.CHECK,
        playbook.id()
            + "/"
            + r.stepId()
            + ": "
            + r.outcome()
            + ", "
            + value
            + " (pass when "
            + r.comparison().symbol()
            + " "
            + String.format("%.4g", r.threshold())
            + ")",
        Json.object(
            "playbook", playbook.id(),
            "step", r.stepId(),
            "query", r.query(),
            "outcome", r.outcome().name(),
            "detail", r.detail() == null ? "" : r.detail()));
  }

  @Override
  public void ticked(Playbook playbook, Step step, String user, Instant at) {
    Incident open = incidents.currentProperty().get();
    if (open == null) {
      return;
    }
    incidents.database().stepStates().tick(open.id(), playbook.id(), step.id(), user);
    incidents.record(
        TimelineEntry.Kind.STEP_DONE,
        playbook.id() + "/" + step.id() + " done: " + step.title(),
        Json.object("playbook", playbook.id(), "step", step.id(), "at", at.toString()));
  }

  @Override
  public void chose(Playbook playbook, Step step, String label) {
    Incident open = incidents.currentProperty().get();
    if (open == null) {
      return;
    }
    incidents.database().stepStates().recordOutcome(open.id(), playbook.id(), step.id(), label);
    incidents.record(
        TimelineEntry.Kind.BRANCH,
        playbook.id() + "/" + step.id() + ": chose \"" + label + "\"",
        Json.object("playbook", playbook.id(), "step", step.id(), "choice", label));
  }
}
