package org.hopscope.model.incident;

import java.time.Instant;

/**
 * Where one playbook step stands inside an incident.
 *
 * @param incidentId the incident
 * @param playbookId the playbook
 * @param stepId the step
 * @param done ticked
 * @param doneBy the OS user who ticked it, or null
 * @param doneAt when (UTC), or null
 * @param lastOutcome the last check outcome ("PASS", "FAIL", "ERROR") or the branch chosen, or null
 */
public record StepState(
    long incidentId,
    String playbookId,
    String stepId,
    boolean done,
    String doneBy,
    Instant doneAt,
    String lastOutcome) {}
