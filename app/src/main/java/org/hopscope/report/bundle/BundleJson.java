package org.hopscope.report.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hopscope.model.bundle.BundleManifest;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.StepState;
import org.hopscope.model.incident.TimelineEntry;

/**
 * Writes the JSON entries of a bundle (docs/bundles.md): every field by name, instants as ISO-8601
 * UTC strings, absent values as {@code null}. {@link BundleParse} reads them back.
 */
final class BundleJson {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The value of the manifest's {@code format} field. */
  static final String FORMAT = "hopscope-incident-bundle";

  private BundleJson() {}

  static byte[] bytes(JsonNode node) {
    try {
      return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  static ObjectNode manifest(BundleManifest m) {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", FORMAT);
    o.put("formatVersion", m.formatVersion());
    o.put("hopscopeVersion", m.hopscopeVersion());
    o.put("exportedAt", m.exportedAt().toString());
    o.put("exportedBy", m.exportedBy());
    o.put("masked", m.masked());
    o.put("imagesIncluded", m.imagesIncluded());
    ObjectNode incident = o.putObject("incident");
    incident.put("id", m.incidentId());
    incident.put("store", m.store());
    ArrayNode remarks = o.putArray("remarks");
    m.remarks().forEach(remarks::add);
    ArrayNode entries = o.putArray("entries");
    for (BundleManifest.Entry e : m.entries()) {
      entries.addObject().put("name", e.name()).put("size", e.size()).put("sha256", e.sha256());
    }
    return o;
  }

  static ObjectNode incident(Incident i) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", i.id());
    o.put("title", i.title());
    o.put("severity", i.severity().name());
    o.put("path", i.path());
    if (i.window() == null) {
      o.putNull("window");
    } else {
      o.putObject("window").put("from", iso(i.window().from())).put("to", iso(i.window().to()));
    }
    o.put("status", i.status().name());
    o.put("openedAt", iso(i.openedAt()));
    o.put("detectedAt", iso(i.detectedAt()));
    o.put("mitigatedAt", iso(i.mitigatedAt()));
    o.put("resolvedAt", iso(i.resolvedAt()));
    o.put("openedBy", i.openedBy());
    return o;
  }

  static ArrayNode timeline(List<TimelineEntry> entries) {
    ArrayNode a = JSON.createArrayNode();
    for (TimelineEntry e : entries) {
      a.addObject()
          .put("id", e.id())
          .put("at", iso(e.at()))
          .put("kind", e.kind().name())
          .put("actor", e.actor())
          .put("summary", e.summary())
          .put("detail", e.detail());
    }
    return a;
  }

  static ArrayNode notes(List<Note> notes) {
    ArrayNode a = JSON.createArrayNode();
    for (Note n : notes) {
      a.addObject()
          .put("id", n.id())
          .put("scope", n.scope().name())
          .put("key", n.key())
          .put("text", n.text())
          .put("updatedAt", iso(n.updatedAt()));
    }
    return a;
  }

  static ArrayNode steps(List<StepState> steps) {
    ArrayNode a = JSON.createArrayNode();
    for (StepState s : steps) {
      a.addObject()
          .put("playbookId", s.playbookId())
          .put("stepId", s.stepId())
          .put("done", s.done())
          .put("doneBy", s.doneBy())
          .put("doneAt", iso(s.doneAt()))
          .put("lastOutcome", s.lastOutcome());
    }
    return a;
  }

  /** The evidence index: each snapshot without its bytes, and the entry holding them. */
  static ArrayNode evidence(List<Evidence> evidence) {
    ArrayNode a = JSON.createArrayNode();
    for (Evidence e : evidence) {
      a.addObject()
          .put("id", e.id())
          .put("kind", e.kind().name())
          .put("title", e.title())
          .put("query", e.query())
          .put("createdAt", iso(e.createdAt()))
          .put("mediaType", e.mediaType())
          .put("entry", BundleLayout.evidenceEntry(e));
    }
    return a;
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
