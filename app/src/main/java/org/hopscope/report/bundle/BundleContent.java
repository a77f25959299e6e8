package org.hopscope.report.bundle;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.StepState;
import org.hopscope.model.incident.TimelineEntry;

/**
 * What a bundle is written from, as read from the store and the configuration folders.
 *
 * @param incident the incident
 * @param timeline its timeline, oldest first
 * @param notes its notes
 * @param steps its playbook step states
 * @param evidence its evidence with content, oldest first
 * @param pathDefinitions file name to YAML text (the incident's path's definition)
 * @param playbooks file name to Markdown (the playbooks whose steps were recorded)
 * @param remarks what could not be included and why (e.g. a playbook file gone)
 */
public record BundleContent(
    Incident incident,
    List<TimelineEntry> timeline,
    List<Note> notes,
    List<StepState> steps,
    List<Evidence> evidence,
    Map<String, String> pathDefinitions,
    Map<String, String> playbooks,
    List<String> remarks) {

  public BundleContent {
    Objects.requireNonNull(incident, "incident");
    timeline = List.copyOf(timeline);
    notes = List.copyOf(notes);
    steps = List.copyOf(steps);
    evidence = List.copyOf(evidence);
    pathDefinitions = Map.copyOf(pathDefinitions);
    playbooks = Map.copyOf(playbooks);
    remarks = List.copyOf(remarks);
  }
}
