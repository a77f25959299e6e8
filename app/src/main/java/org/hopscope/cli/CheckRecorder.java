package org.hopscope.cli;

import java.util.Map;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.playbook.CheckEvaluator;

/** Puts the checks of a {@code playbook run --incident ID} on that incident's timeline. */
final class CheckRecorder {

  private CheckRecorder() {}

  static void record(
      CliContext ctx,
      long incidentId,
      Playbook playbook,
      Map<Step, CheckEvaluator.Evaluation> done) {
    try (IncidentDesk desk = IncidentCommand.desk(ctx)) {
      desk.get(incidentId);
      done.values().stream()
          .filter(e -> e != null)
          .forEach(e -> desk.recordCheck(incidentId, playbook, e.result()));
    }
  }
}
