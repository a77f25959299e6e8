package org.hopscope.oncall;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The {@code headline} object of {@code flow --json} (docs/cli-json.md). */
final class FlowHeadlineJson {

  private FlowHeadlineJson() {}

  static void write(JsonGenerator g, FlowHeadline h) throws IOException {
    g.writeObjectFieldStart("headline");
    g.writeStringField("text", h.text());
    g.writeStringField("verdict", h.verdict().name());
    g.writeStringField("hop", h.hop());
    if (h.forHowLong() == null) {
      g.writeNullField("forMs");
    } else {
      g.writeNumberField("forMs", h.forHowLong().toMillis());
    }
    g.writeNumberField("attempts", h.attempts());
    if (h.problem() == null) {
      g.writeNullField("lastProblem");
    } else {
      g.writeObjectFieldStart("lastProblem");
      g.writeStringField("level", h.problem().level());
      g.writeStringField("message", h.problem().message());
      g.writeStringField("at", FlowJson.iso(h.problem().at()));
      g.writeEndObject();
    }
    g.writeStringField("messageId", h.messageId());
    if (h.foundBy() == null) {
      g.writeNullField("foundBy");
    } else {
      g.writeObjectFieldStart("foundBy");
      g.writeStringField("kind", h.foundBy().kind().name());
      g.writeStringField("value", h.foundBy().value());
      g.writeEndObject();
    }
    g.writeArrayFieldStart("alsoKnownAs");
    for (String id : h.alsoKnownAs()) {
      g.writeString(id);
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
