package org.hopscope.oncall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.BlindSource;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopMetrics;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.TimeWindow;

/**
 * Reads the flow JSON contract ({@link FlowJson}, docs/cli-json.md) back into the model's {@link
 * Flow}: version 3 gives back the flow it was written from; older versions (no span fields, no
 * documents, notices as text) give what they hold and say what is missing. Pure: no I/O beyond the
 * bytes given.
 */
public final class FlowJsonReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A flow document that cannot be read; the message says what and where. */
  public static final class Unreadable extends IllegalArgumentException {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The flow in {@code json} (UTF-8). */
  public FlowSnapshot read(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new Unreadable(
          "not a flow JSON document: "
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " at line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()),
          e);
    } catch (IOException e) {
      throw new Unreadable("cannot read the flow JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.has("hops")) {
      throw new Unreadable("not a flow JSON document: no \"hops\" (is it a flow snapshot?)", null);
    }
    int version = root.path("version").asInt(1);
    String at = "";
    try {
      List<HopFlow> hops = new ArrayList<>();
      boolean documents = false;
      for (JsonNode h : root.get("hops")) {
        at = "hop " + h.path("name").asText("?");
        hops.add(hop(h));
        for (JsonNode e : h.path("events")) {
          documents |= e.has("document");
        }
      }
      at = "metrics";
      List<HopMetrics> metrics = new ArrayList<>();
      for (JsonNode m : root.path("metrics")) {
        metrics.add(metrics(m));
      }
      at = "basis";
      Flow flow =
          new Flow(
              text(root, "path"),
              text(root, "query"),
              strings(root.path("ids")),
              HopVerdict.valueOf(root.path("verdict").asText()),
              text(root, "stuckAt"),
              hops,
              metrics,
              FlowJsonNotices.read(root),
              basis(root.path("basis")),
              parts(root.path("parts")),
              FlowJsonBatches.read(root.path("batches")));
      return new FlowSnapshot(flow, version, missing(version, documents, flow));
    } catch (RuntimeException e) {
      throw new Unreadable(
          "flow JSON (version " + version + "): cannot read " + at + ": " + e.getMessage(), e);
    }
  }

  private static List<String> missing(int version, boolean documents, Flow flow) {
    List<String> out = new ArrayList<>();
    boolean events = flow.hops().stream().anyMatch(h -> !h.events().isEmpty());
    if (version < 3) {
      out.add(
          "span fields, event IDs and failure flags not kept in this snapshot (flow JSON version "
              + version
              + ")");
    }
    if (events && !documents) {
      out.add(FlowSnapshot.NO_DOCUMENT);
    }
    if (version > FlowJson.VERSION) {
      out.add(
          "written by a newer Hopscope (flow JSON version "
              + version
              + "): what it added is not shown");
    }
    return out;
  }

  private static HopFlow hop(JsonNode h) {
    String name = text(h, "name");
    List<FlowEvent> events = new ArrayList<>();
    for (JsonNode e : h.path("events")) {
      events.add(event(name, e));
    }
    JsonNode parts = h.path("parts");
    List<BlindSource> blind = new ArrayList<>();
    for (JsonNode b : h.path("blind")) {
      blind.add(
          new BlindSource(
              text(b, "pattern"),
              BlindSource.Reason.valueOf(b.path("reason").asText()),
              text(b, "detail")));
    }
    return new HopFlow(
        name,
        HopVerdict.valueOf(h.path("verdict").asText()),
        h.path("attempts").asInt(0),
        instant(h, "firstSeen"),
        instant(h, "lastSeen"),
        h.path("latencyMs").isNumber() ? h.path("latencyMs").asLong() : null,
        events,
        h.path("failures").asInt(0),
        h.path("recovered").asBoolean(false),
        h.path("skewMs").asLong(0),
        parts.isObject()
            ? new HopFlow.PartProgress(parts.path("reached").asInt(), parts.path("total").asInt())
            : null,
        strings(h.path("sharedBy")),
        blind);
  }

  @SuppressWarnings("unchecked")
  private static FlowEvent event(String hop, JsonNode e) {
    JsonNode doc = e.get("document");
    Map<String, Object> document =
        doc == null || doc.isNull() ? null : JSON.convertValue(doc, LinkedHashMap.class);
    String kind = text(e, "kind");
    return new FlowEvent(
        e.has("hop") ? text(e, "hop") : hop,
        instant(e, "timestamp"),
        text(e, "index"),
        text(e, "docId"),
        text(e, "level"),
        text(e, "message"),
        text(e, "traceId"),
        text(e, "spanId"),
        text(e, "service"),
        e.path("attempt").isNumber() ? e.path("attempt").asInt() : null,
        e.path("failure").asBoolean(false),
        e.path("deadLetter").asBoolean(false),
        strings(e.path("ids")),
        document,
        kind == null ? null : EventSourceDef.Kind.valueOf(kind),
        text(e, "name"),
        e.path("durationMs").isNumber()
            ? Duration.ofNanos(
                new BigDecimal(e.path("durationMs").asText()).movePointRight(6).longValueExact())
            : null,
        text(e, "outcome"));
  }

  private static HopMetrics metrics(JsonNode m) {
    List<MetricSeries> series = new ArrayList<>();
    for (JsonNode s : m.path("series")) {
      Map<String, String> labels = new LinkedHashMap<>();
      s.path("labels")
          .fields()
          .forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
      series.add(new MetricSeries(labels, points(s.path("points"))));
    }
    return new HopMetrics(text(m, "hop"), text(m, "panel"), text(m, "query"), series);
  }

  /** Points written by {@link FlowJson#writePoint}: {@code [epochSeconds, value]}. */
  public static List<MetricSeries.Point> points(JsonNode points) {
    List<MetricSeries.Point> out = new ArrayList<>();
    for (JsonNode p : points) {
      if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber()) {
        throw new IllegalArgumentException("a point is not [epochSeconds, value]: " + p);
      }
      BigDecimal seconds = new BigDecimal(p.get(0).asText());
      long whole = seconds.longValue();
      long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
      JsonNode v = p.get(1);
      double value = v.isNumber() ? v.doubleValue() : Double.parseDouble(v.asText());
      out.add(new MetricSeries.Point(Instant.ofEpochSecond(whole, nanos), value));
    }
    return out;
  }

  private static Flow.Basis basis(JsonNode b) {
    if (!b.isObject()) {
      return null;
    }
    return new Flow.Basis(
        window(instant(b, "from"), instant(b, "to")),
        window(instant(b, "searchedFrom"), instant(b, "searchedTo")),
        instant(b, "asOf"),
        b.path("eventsBefore").asInt(0),
        b.path("eventsAfter").asInt(0));
  }

  private static TimeWindow window(Instant from, Instant to) {
    return from == null || to == null ? null : new TimeWindow(from, to);
  }

  private static List<Flow.Part> parts(JsonNode parts) {
    List<Flow.Part> out = new ArrayList<>();
    for (JsonNode p : parts) {
      out.add(
          new Flow.Part(
              text(p, "id"),
              HopVerdict.valueOf(p.path("verdict").asText()),
              text(p, "hop"),
              text(p, "reached"),
              text(p, "batch")));
    }
    return out;
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Instant instant(JsonNode n, String field) {
    String t = text(n, field);
    return t == null ? null : Instant.parse(t);
  }
}
