package org.hopscope.oncall;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import org.hopscope.model.Comparison;
import org.hopscope.model.Comparison.EventKind;
import org.hopscope.model.Comparison.FieldDifference;
import org.hopscope.model.Comparison.HopComparison;
import org.hopscope.model.Comparison.Side;
import org.hopscope.model.Flow;

/** The JSON contract of {@code hopscope compare --json} (docs/cli-json.md). */
public final class ComparisonJson {

  /** The contract's version. */
  public static final int VERSION = 1;

  private final JsonFactory factory = new JsonFactory();

  /** Writes {@code c} (pretty-printed, newline-terminated) to {@code out}; does not close it. */
  public void write(Comparison c, Writer out) throws IOException {
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("version", VERSION);
      g.writeStringField("path", c.path());
      g.writeFieldName("subject");
      message(g, c.subject());
      g.writeFieldName("other");
      message(g, c.other());
      g.writeObjectFieldStart("basis");
      g.writeStringField("choice", c.basis().choice().name());
      g.writeStringField("otherId", c.basis().otherId());
      g.writeStringField("text", c.basis().text());
      g.writeArrayFieldStart("searched");
      for (String s : c.basis().searched()) {
        g.writeString(s);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("hops");
      for (HopComparison h : c.hops()) {
        hop(g, h);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void message(JsonGenerator g, Flow f) throws IOException {
    if (f == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("query", f.query());
    g.writeArrayFieldStart("ids");
    for (String id : f.ids()) {
      g.writeString(id);
    }
    g.writeEndArray();
    g.writeStringField("verdict", f.verdict().name());
    g.writeStringField("stuckAt", f.stuckAt());
    g.writeEndObject();
  }

  private static void hop(JsonGenerator g, HopComparison h) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", h.hop());
    g.writeFieldName("subject");
    side(g, h.subject());
    g.writeFieldName("other");
    side(g, h.other());
    nullableNumber(g, "latencyDeltaMs", h.latencyDeltaMs());
    kinds(g, "missing", h);
    kinds(g, "extra", h);
    g.writeArrayFieldStart("fields");
    for (FieldDifference d : h.fields()) {
      g.writeStartObject();
      g.writeStringField("event", d.event());
      g.writeStringField("field", d.field());
      g.writeStringField("subject", d.subject());
      g.writeStringField("other", d.other());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("moreFields", h.moreFields());
    g.writeEndObject();
  }

  private static void kinds(JsonGenerator g, String name, HopComparison h) throws IOException {
    g.writeArrayFieldStart(name);
    for (EventKind k : name.equals("missing") ? h.missing() : h.extra()) {
      g.writeStartObject();
      g.writeStringField("key", k.key());
      g.writeStringField("example", k.example());
      g.writeNumberField("count", k.count());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void side(JsonGenerator g, Side s) throws IOException {
    g.writeStartObject();
    g.writeStringField("verdict", s.verdict().name());
    g.writeBooleanField("reached", s.reached());
    g.writeStringField("firstSeen", iso(s.first()));
    g.writeStringField("lastSeen", iso(s.last()));
    nullableNumber(g, "latencyMs", s.latencyMs());
    g.writeNumberField("attempts", s.attempts());
    g.writeNumberField("events", s.events());
    g.writeEndObject();
  }

  private static void nullableNumber(JsonGenerator g, String name, Long v) throws IOException {
    if (v == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, v);
    }
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
