package org.hopscope.report.bundle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.StepState;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.report.Masking;

/**
 * A bundle's content with the post-mortem's masking applied to every text it holds: the incident's
 * title, path and opener, timeline summaries, actors and detail JSON, notes and their keys, step
 * states, evidence titles, queries and JSON (field by field), path definitions and playbooks. Chart
 * images are left out: the pixels of a PNG (its title, legend, axis labels) cannot be masked, and
 * the series each chart was drawn from is kept (masked) beside it.
 */
final class BundleMasker {

  private BundleMasker() {}

  static BundleContent mask(BundleContent c, Masking m) {
    Incident i = c.incident();
    Incident incident =
        new Incident(
            i.id(),
            m.mask(i.title()),
            i.severity(),
            m.mask(i.path()),
            i.window(),
            i.status(),
            i.openedAt(),
            i.detectedAt(),
            i.mitigatedAt(),
            i.resolvedAt(),
            m.mask(i.openedBy()));
    List<TimelineEntry> timeline = new ArrayList<>();
    for (TimelineEntry e : c.timeline()) {
      timeline.add(
          new TimelineEntry(
              e.id(),
              e.incidentId(),
              e.at(),
              e.kind(),
              m.mask(e.actor()),
              m.mask(e.summary()),
              m.maskJson(e.detail())));
    }
    List<Note> notes = new ArrayList<>();
    for (Note n : c.notes()) {
      notes.add(
          new Note(
              n.id(), n.incidentId(), n.scope(), m.mask(n.key()), m.mask(n.text()), n.updatedAt()));
    }
    List<StepState> steps = new ArrayList<>();
    for (StepState s : c.steps()) {
      steps.add(
          new StepState(
              s.incidentId(),
              s.playbookId(),
              s.stepId(),
              s.done(),
              m.mask(s.doneBy()),
              s.doneAt(),
              m.mask(s.lastOutcome())));
    }
    List<Evidence> evidence = new ArrayList<>();
    int images = 0;
    int binary = 0;
    for (Evidence e : c.evidence()) {
      if (e.isImage()) {
        images++;
        continue;
      }
      String text = utf8(e.content());
      if (text == null) {
        binary++;
        continue;
      }
      String masked = isJson(e) ? m.maskJson(text) : m.mask(text);
      evidence.add(
          new Evidence(
              e.id(),
              e.incidentId(),
              e.kind(),
              m.mask(e.title()),
              m.mask(e.query()),
              e.createdAt(),
              e.mediaType(),
              masked.getBytes(StandardCharsets.UTF_8)));
    }
    List<String> remarks = new ArrayList<>(c.remarks());
    if (images > 0) {
      remarks.add(
          images
              + (images == 1 ? " chart image was" : " chart images were")
              + " left out: the pixels of an image cannot be masked; the series each chart was"
              + " drawn from is included, masked (export --unmasked to include the images)");
    }
    if (binary > 0) {
      remarks.add(
          binary
              + (binary == 1 ? " evidence snapshot was" : " evidence snapshots were")
              + " left out: not text, so it cannot be masked (export --unmasked to include it)");
    }
    return new BundleContent(
        incident,
        timeline,
        notes,
        steps,
        evidence,
        maskTexts(c.pathDefinitions(), m),
        maskTexts(c.playbooks(), m),
        remarks);
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null; // not text: left out of a masked bundle
    }
  }

  private static boolean isJson(Evidence e) {
    return e.mediaType() != null && e.mediaType().startsWith("application/json");
  }

  private static Map<String, String> maskTexts(Map<String, String> texts, Masking m) {
    Map<String, String> out = new LinkedHashMap<>();
    texts.forEach((name, text) -> out.put(name, m.mask(text)));
    return out;
  }
}
