package org.hopscope.oncall;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;

/** Reads the {@code batches} of a flow JSON document back ({@link FlowJsonReader}). */
final class FlowJsonBatches {

  private FlowJsonBatches() {}

  static List<Flow.Batch> read(JsonNode batches) {
    List<Flow.Batch> out = new ArrayList<>();
    for (JsonNode b : batches) {
      List<Flow.Member> members = new ArrayList<>();
      for (JsonNode m : b.path("memberVerdicts")) {
        members.add(
            new Flow.Member(
                FlowJsonReader.text(m, "id"),
                HopVerdict.valueOf(m.path("verdict").asText()),
                FlowJsonReader.text(m, "hop")));
      }
      out.add(
          new Flow.Batch(
              FlowJsonReader.text(b, "id"),
              FlowJsonReader.text(b, "hop"),
              b.path("members").asInt(0),
              FlowJsonReader.strings(b.path("others")),
              members));
    }
    return out;
  }
}
