package org.hopscope.report.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.bundle.Bundle;
import org.hopscope.model.bundle.BundleException;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.StepState;
import org.hopscope.model.incident.TimelineEntry;

/**
 * Reads a bundle file (docs/bundles.md) after every check of {@link BundleArchive}; each JSON entry
 * is read field by field, so a problem names the entry, the item and the field (or the line of
 * malformed JSON).
 */
public final class BundleReader {

  private BundleReader() {}

  /** Reads {@code file} within {@link BundleLimits#DEFAULT}. */
  public static Bundle read(Path file) {
    return read(file, BundleLimits.DEFAULT);
  }

  /**
   * Reads {@code file} within {@code limits}.
   *
   * @throws BundleException naming what is wrong and where
   */
  public static Bundle read(Path file, BundleLimits limits) {
    BundleArchive archive = BundleArchive.read(file, limits);
    Map<String, byte[]> entries = new LinkedHashMap<>(archive.entries());
    String name = file.toString();
    Incident incident = incident(name, json(file, entries, BundleLayout.INCIDENT));
    long id = incident.id();
    List<TimelineEntry> timeline = timeline(name, json(file, entries, BundleLayout.TIMELINE), id);
    List<Note> notes = notes(name, json(file, entries, BundleLayout.NOTES), id);
    List<StepState> steps = steps(name, json(file, entries, BundleLayout.STEPS), id);
    List<Evidence> evidence =
        evidence(file, json(file, entries, BundleLayout.EVIDENCE), id, entries);
    Map<String, String> paths = texts(file, entries, BundleLayout.PATHS);
    Map<String, String> playbooks = texts(file, entries, BundleLayout.PLAYBOOKS);
    byte[] draft = entries.remove(BundleLayout.POST_MORTEM);
    String postMortem =
        draft == null ? "" : BundleArchive.text(file, BundleLayout.POST_MORTEM, draft);
    Map<String, byte[]> images = new LinkedHashMap<>();
    for (String entry : List.copyOf(entries.keySet())) {
      if (entry.startsWith("images/")) {
        images.put(entry, entries.remove(entry));
      }
    }
    boolean holdsImages = !images.isEmpty() || evidence.stream().anyMatch(Evidence::isImage);
    if (holdsImages && !archive.manifest().imagesIncluded()) {
      throw new BundleException(
          file
              + ": its manifest says it holds no chart images, but it does; the file was"
              + " changed after it was exported");
    }
    if (!entries.isEmpty()) {
      throw new BundleException(
          file
              + ": entries "
              + entries.keySet()
              + " belong to no evidence listed in evidence.json");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new BundleException("cannot read " + file + ": " + e, e);
    }
    return new Bundle(
        archive.manifest(),
        incident,
        timeline,
        notes,
        steps,
        evidence,
        paths,
        playbooks,
        postMortem,
        images,
        new Bundle.Origin(file, size, archive.manifestSha256()));
  }

  private static JsonNode json(Path file, Map<String, byte[]> entries, String entry) {
    byte[] bytes = entries.remove(entry);
    if (bytes == null) {
      throw new BundleException(
          file + ": entry " + entry + " is missing; the bundle is incomplete");
    }
    return BundleArchive.json(file, entry, bytes);
  }

  private static Incident incident(String file, JsonNode root) {
    BundleParse p = new BundleParse(file, BundleLayout.INCIDENT);
    JsonNode o = p.object(root, -1);
    JsonNode w = o.get("window");
    TimeWindow window = null;
    if (w != null && !w.isNull()) {
      p.object(w, -1);
      window = new TimeWindow(p.instant(w, -1, "from"), p.instant(w, -1, "to"));
    }
    String title = p.text(o, -1, "title");
    if (title.isBlank()) {
      throw p.fail("has a blank title");
    }
    return new Incident(
        p.number(o, -1, "id"),
        title,
        p.constant(o, -1, "severity", Incident.Severity.class),
        p.optionalText(o, -1, "path"),
        window,
        p.constant(o, -1, "status", Incident.Status.class),
        p.instant(o, -1, "openedAt"),
        p.optionalInstant(o, -1, "detectedAt"),
        p.optionalInstant(o, -1, "mitigatedAt"),
        p.optionalInstant(o, -1, "resolvedAt"),
        p.text(o, -1, "openedBy"));
  }

  private static List<TimelineEntry> timeline(String file, JsonNode root, long incidentId) {
    BundleParse p = new BundleParse(file, BundleLayout.TIMELINE);
    List<TimelineEntry> out = new ArrayList<>();
    JsonNode a = p.array(root);
    for (int i = 0; i < a.size(); i++) {
      JsonNode o = p.object(a.get(i), i);
      out.add(
          new TimelineEntry(
              p.number(o, i, "id"),
              incidentId,
              p.instant(o, i, "at"),
              p.constant(o, i, "kind", TimelineEntry.Kind.class),
              p.text(o, i, "actor"),
              p.text(o, i, "summary"),
              p.text(o, i, "detail")));
    }
    return out;
  }

  private static List<Note> notes(String file, JsonNode root, long incidentId) {
    BundleParse p = new BundleParse(file, BundleLayout.NOTES);
    List<Note> out = new ArrayList<>();
    Set<String> scopes = new HashSet<>();
    JsonNode a = p.array(root);
    for (int i = 0; i < a.size(); i++) {
      JsonNode o = p.object(a.get(i), i);
      Note n =
          new Note(
              p.number(o, i, "id"),
              incidentId,
              p.constant(o, i, "scope", Note.Scope.class),
              p.text(o, i, "key"),
              p.text(o, i, "text"),
              p.instant(o, i, "updatedAt"));
      if (!scopes.add(n.scope() + "\n" + n.key())) {
        throw p.fail(
            "item " + (i + 1) + " is a second note on " + n.scope() + " '" + n.key() + "'");
      }
      out.add(n);
    }
    return out;
  }

  private static List<StepState> steps(String file, JsonNode root, long incidentId) {
    BundleParse p = new BundleParse(file, BundleLayout.STEPS);
    List<StepState> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    JsonNode a = p.array(root);
    for (int i = 0; i < a.size(); i++) {
      JsonNode o = p.object(a.get(i), i);
      StepState s =
          new StepState(
              incidentId,
              p.text(o, i, "playbookId"),
              p.text(o, i, "stepId"),
              p.bool(o, i, "done"),
              p.optionalText(o, i, "doneBy"),
              p.optionalInstant(o, i, "doneAt"),
              p.optionalText(o, i, "lastOutcome"));
      if (!seen.add(s.playbookId() + "\n" + s.stepId())) {
        throw p.fail("item " + (i + 1) + " repeats step " + s.playbookId() + "/" + s.stepId());
      }
      out.add(s);
    }
    return out;
  }

  private static List<Evidence> evidence(
      Path file, JsonNode root, long incidentId, Map<String, byte[]> entries) {
    BundleParse p = new BundleParse(file.toString(), BundleLayout.EVIDENCE);
    List<Evidence> out = new ArrayList<>();
    JsonNode a = p.array(root);
    for (int i = 0; i < a.size(); i++) {
      JsonNode o = p.object(a.get(i), i);
      String entry = p.text(o, i, "entry");
      byte[] content = entries.remove(entry);
      if (content == null || !entry.startsWith("evidence/")) {
        throw p.fail(
            "item "
                + (i + 1)
                + " names entry "
                + entry
                + ", which is not in the bundle"
                + " (or is another item's)");
      }
      out.add(
          new Evidence(
              p.number(o, i, "id"),
              incidentId,
              p.constant(o, i, "kind", Evidence.Kind.class),
              p.text(o, i, "title"),
              p.text(o, i, "query"),
              p.instant(o, i, "createdAt"),
              p.text(o, i, "mediaType"),
              content));
    }
    return out;
  }

  /** The UTF-8 entries under {@code folder}, by file name, removed from {@code entries}. */
  private static Map<String, String> texts(Path file, Map<String, byte[]> entries, String folder) {
    Map<String, String> out = new LinkedHashMap<>();
    var it = entries.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getKey().startsWith(folder)) {
        out.put(
            e.getKey().substring(folder.length()),
            BundleArchive.text(file, e.getKey(), e.getValue()));
        it.remove();
      }
    }
    return out;
  }
}
