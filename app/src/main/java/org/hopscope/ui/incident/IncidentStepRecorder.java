package org.hopscope.ui.incident;

import java.time.Instant;
import java.util.function.BiConsumer;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.ui.playbook.StepRecorder;

/**
 * Puts a playbook walk-through on the open incident: each check, tick and branch goes on its
 * timeline and into its step states, through the {@link IncidentDesk} (the same entries as {@code
 * playbook run --incident}). Nothing is recorded while no incident is open. Called off the FX
 * thread (the walk-through's task runner).
 */
public final class IncidentStepRecorder implements StepRecorder {

  private final IncidentViewModel incidents;

  public IncidentStepRecorder(IncidentViewModel incidents) {
    this.incidents = incidents;
  }

  @Override
  public void checked(Playbook playbook, CheckResult r) {
    onOpen((desk, id) -> desk.recordCheck(id, playbook, r));
  }

  @Override
  public void ticked(Playbook playbook, Step step, String user, Instant at) {
    onOpen((desk, id) -> desk.tick(id, playbook, step, at));
  }

  @Override
  public void chose(Playbook playbook, Step step, String label) {
    onOpen((desk, id) -> desk.chose(id, playbook, step, label));
  }

  private void onOpen(BiConsumer<IncidentDesk, Long> operation) {
    Incident open = incidents.currentProperty().get();
    if (open != null) {
      operation.accept(incidents.desk(), open.id());
      incidents.reloadTimeline(open.id());
    }
  }
}
