package org.hopscope.oncall;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.hopscope.model.BlindSource;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;

/**
 * The parts of the flow JSON contract that say what an answer is based on (version 2) and what each
 * event is (version 3).
 */
final class FlowJsonParts {

  private FlowJsonParts() {}

  static void writeBasis(JsonGenerator g, Flow.Basis basis) throws IOException {
    if (basis == null) {
      g.writeNullField("basis");
      return;
    }
    g.writeObjectFieldStart("basis");
    g.writeStringField("from", basis.window() == null ? null : FlowJson.iso(basis.window().from()));
    g.writeStringField("to", basis.window() == null ? null : FlowJson.iso(basis.window().to()));
    g.writeStringField(
        "searchedFrom", basis.searched() == null ? null : FlowJson.iso(basis.searched().from()));
    g.writeStringField(
        "searchedTo", basis.searched() == null ? null : FlowJson.iso(basis.searched().to()));
    g.writeStringField("asOf", FlowJson.iso(basis.asOf()));
    g.writeNumberField("eventsBefore", basis.before());
    g.writeNumberField("eventsAfter", basis.after());
    g.writeEndObject();
  }

  static void writeParts(JsonGenerator g, List<Flow.Part> parts) throws IOException {
    g.writeArrayFieldStart("parts");
    for (Flow.Part p : parts) {
      g.writeStartObject();
      g.writeStringField("id", p.id());
      g.writeStringField("verdict", p.verdict().name());
      g.writeStringField("hop", p.hop());
      g.writeStringField("reached", p.reached());
      g.writeStringField("batch", p.batch());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void writeBatches(JsonGenerator g, List<Flow.Batch> batches) throws IOException {
    g.writeArrayFieldStart("batches");
    for (Flow.Batch b : batches) {
      g.writeStartObject();
      g.writeStringField("id", b.id());
      g.writeStringField("hop", b.hop());
      g.writeNumberField("members", b.members());
      g.writeArrayFieldStart("others");
      for (String o : b.others()) {
        g.writeString(o);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("memberVerdicts");
      for (Flow.Member m : b.verdicts()) {
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField("verdict", m.verdict().name());
        g.writeStringField("hop", m.hop());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void writeHopTruth(JsonGenerator g, HopFlow hop) throws IOException {
    g.writeNumberField("failures", hop.failures());
    g.writeBooleanField("recovered", hop.recovered());
    g.writeNumberField("skewMs", hop.skewMs());
    if (hop.parts() == null) {
      g.writeNullField("parts");
    } else {
      g.writeObjectFieldStart("parts");
      g.writeNumberField("reached", hop.parts().reached());
      g.writeNumberField("total", hop.parts().total());
      g.writeEndObject();
    }
    g.writeArrayFieldStart("sharedBy");
    for (String b : hop.sharedBy()) {
      g.writeString(b);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("blind");
    for (BlindSource b : hop.blind()) {
      g.writeStartObject();
      g.writeStringField("pattern", b.pattern());
      g.writeStringField("reason", b.reason().name());
      g.writeStringField("detail", b.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * An event's facts beyond the version 2 fields (version 3): {@code hop} only when it differs from
   * the hop it is listed under.
   */
  static void writeEventFacts(JsonGenerator g, String hop, FlowEvent e) throws IOException {
    if (e.hop() != null && !e.hop().equals(hop)) {
      g.writeStringField("hop", e.hop());
    }
    g.writeStringField("spanId", e.spanId());
    g.writeStringField("service", e.service());
    if (e.attempt() == null) {
      g.writeNullField("attempt");
    } else {
      g.writeNumberField("attempt", e.attempt());
    }
    g.writeBooleanField("failure", e.failure());
    g.writeBooleanField("deadLetter", e.deadLetter());
    g.writeArrayFieldStart("ids");
    for (String id : e.ids()) {
      g.writeString(id);
    }
    g.writeEndArray();
    g.writeStringField("kind", e.kind() == null ? null : e.kind().name());
    g.writeStringField("name", e.name());
    if (e.duration() == null) {
      g.writeNullField("durationMs");
    } else {
      // milliseconds, with the fraction when the duration has one (no precision lost)
      g.writeFieldName("durationMs");
      g.writeNumber(
          new java.math.BigDecimal(e.duration().toNanos())
              .movePointLeft(6)
              .stripTrailingZeros()
              .toPlainString());
    }
    g.writeStringField("outcome", e.outcome());
  }
}
