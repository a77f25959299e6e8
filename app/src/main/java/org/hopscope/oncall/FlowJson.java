package org.hopscope.oncall;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopMetrics;
import org.hopscope.model.MetricSeries;

/**
 * The stable JSON contract of {@code hopscope flow --json} (docs/cli-json.md), streamed so a flow
 * with 100,000 events needs no second copy in memory. Times are ISO-8601 UTC strings; metric points
 * are {@code [epochSeconds, value]} with NaN/Inf as strings. Also the content of {@link
 * org.hopscope.model.incident.Evidence.Kind#FLOW_JSON} evidence, so a saved flow reads like the
 * CLI's output.
 */
public final class FlowJson {

  /**
   * The contract's version: 2 added basis, parts, batches and per hop failures, recovered, skewMs,
   * parts, sharedBy and blind (and the verdict UNKNOWN); 3 added per event the span and ID fields
   * (spanId, service, attempt, failure, deadLetter, ids, kind, name, durationMs, outcome, and
   * document when kept) and the typed {@code notices}, so {@link FlowJsonReader} gives the flow
   * back.
   */
  public static final int VERSION = 3;

  private final JsonFactory factory = new JsonFactory();
  private final boolean documents;

  /** The contract as {@code flow --json} prints it: without each event's stored document. */
  public FlowJson() {
    this(false);
  }

  private FlowJson(boolean documents) {
    this.documents = documents;
    factory.setCodec(new com.fasterxml.jackson.databind.ObjectMapper());
  }

  /**
   * The contract with each event's stored document ({@code document}): what evidence keeps, so a
   * snapshot shows the raw documents offline.
   */
  public static FlowJson withDocuments() {
    return new FlowJson(true);
  }

  /** Writes {@code flow} (pretty-printed, newline-terminated) to {@code out}; does not close it. */
  public void write(Flow flow, Writer out) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("version", VERSION);
      g.writeStringField("path", flow.path());
      g.writeStringField("query", flow.query());
      g.writeArrayFieldStart("ids");
      for (String id : flow.ids()) {
        g.writeString(id);
      }
      g.writeEndArray();
      g.writeStringField("verdict", flow.verdict().name());
      g.writeStringField("stuckAt", flow.stuckAt());
      FlowHeadlineJson.write(g, FlowHeadline.of(flow));
      FlowJsonParts.writeBasis(g, flow.basis());
      FlowJsonParts.writeParts(g, flow.parts());
      FlowJsonParts.writeBatches(g, flow.batches());
      g.writeArrayFieldStart("hops");
      for (HopFlow hop : flow.hops()) {
        writeHop(g, hop);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("metrics");
      for (HopMetrics m : flow.metrics()) {
        writeMetrics(g, m);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("warnings");
      for (org.hopscope.model.Notice w : flow.notices()) {
        g.writeString(w.text());
      }
      g.writeEndArray();
      FlowJsonNotices.write(g, flow.notices());
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private void writeHop(JsonGenerator g, HopFlow hop) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", hop.hop());
    g.writeStringField("verdict", hop.verdict().name());
    g.writeNumberField("attempts", hop.attempts());
    g.writeStringField("firstSeen", iso(hop.firstSeen()));
    g.writeStringField("lastSeen", iso(hop.lastSeen()));
    if (hop.latencyMs() == null) {
      g.writeNullField("latencyMs");
    } else {
      g.writeNumberField("latencyMs", hop.latencyMs());
    }
    FlowJsonParts.writeHopTruth(g, hop);
    g.writeArrayFieldStart("events");
    for (FlowEvent e : hop.events()) {
      g.writeStartObject();
      g.writeStringField("timestamp", iso(e.timestamp()));
      g.writeStringField("index", e.index());
      g.writeStringField("docId", e.docId());
      g.writeStringField("level", e.level());
      g.writeStringField("message", e.message());
      g.writeStringField("traceId", e.traceId());
      FlowJsonParts.writeEventFacts(g, hop.hop(), e);
      if (documents) {
        g.writeFieldName("document");
        g.writeObject(e.document());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeMetrics(JsonGenerator g, HopMetrics m) throws IOException {
    g.writeStartObject();
    g.writeStringField("hop", m.hop());
    g.writeStringField("panel", m.panel());
    g.writeStringField("query", m.query());
    g.writeArrayFieldStart("series");
    for (MetricSeries s : m.series()) {
      g.writeStartObject();
      g.writeObjectFieldStart("labels");
      for (var label : new java.util.TreeMap<>(s.labels()).entrySet()) {
        g.writeStringField(label.getKey(), label.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("points");
      for (MetricSeries.Point p : s.points()) {
        writePoint(g, p);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * {@code flow} as UTF-8 JSON bytes (the evidence content). For a flow with 100,000 events this
   * takes a while: call it off the UI thread.
   */
  public byte[] bytes(Flow flow) {
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    try (Writer out =
        new java.io.OutputStreamWriter(buffer, java.nio.charset.StandardCharsets.UTF_8)) {
      write(flow, out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write a flow to memory", e);
    }
    return buffer.toByteArray();
  }

  /** {@code t} as ISO-8601 UTC, or null for null. */
  public static String iso(Instant t) {
    return t == null ? null : t.toString();
  }

  /**
   * One metric point as {@code [epochSeconds, value]}: whole seconds as an integer, else with the
   * fraction; NaN and infinities as strings (JSON has no such numbers). Shared by every JSON that
   * carries metric series (flows, chart evidence).
   */
  public static void writePoint(JsonGenerator g, MetricSeries.Point p) throws IOException {
    g.writeStartArray();
    if (p.time().getNano() == 0) {
      g.writeNumber(p.time().getEpochSecond());
    } else {
      g.writeNumber(p.time().getEpochSecond() + p.time().getNano() / 1e9);
    }
    if (Double.isFinite(p.value())) {
      g.writeNumber(p.value());
    } else {
      g.writeString(Double.toString(p.value()));
    }
    g.writeEndArray();
  }
}
