package org.hopscope.report;

import java.util.List;
import java.util.Objects;
import org.hopscope.model.StuckReport;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.StepState;
import org.hopscope.model.incident.TimelineEntry;

/**
 * Everything a post-mortem is written from, as read from the store. The narrative parts (summary,
 * root cause, what went well, action items...) come from the incident note (scope INCIDENT, key
 * ""), by the section conventions in docs/post-mortem.md.
 *
 * @param incident the incident
 * @param timeline what the tool recorded, any order (the export sorts by time, then id)
 * @param notes every note of the incident, any order
 * @param steps playbook step states, any order
 * @param evidence snapshots with their content, any order (the export sorts by time, then id)
 * @param impact the stuck analysis of the incident window, or null when none was saved
 */
public record PostMortemInput(
    Incident incident,
    List<TimelineEntry> timeline,
    List<Note> notes,
    List<StepState> steps,
    List<Evidence> evidence,
    StuckReport impact) {

  public PostMortemInput {
    Objects.requireNonNull(incident, "incident");
    timeline = List.copyOf(timeline);
    notes = List.copyOf(notes);
    steps = List.copyOf(steps);
    evidence = List.copyOf(evidence);
  }
}
