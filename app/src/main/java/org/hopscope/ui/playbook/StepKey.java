package org.hopscope.ui.playbook;

/**
 * Which step a per-step note belongs to (what the note editor factory receives).
 *
 * @param playbookId the playbook
 * @param stepId the step
 */
public record StepKey(String playbookId, String stepId) {}
