package org.hopscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.model.playbook.VariableValue;

/**
 * The {@code playbook run --json} document (docs/cli-json.md): the playbook, when it was evaluated
 * ({@code asOf}, the {@code window} looked at), the variables and where each came from, each step's
 * check, and the counts per outcome.
 */
final class PlaybookRunJson {

  private PlaybookRunJson() {}

  static void write(
      Playbook playbook,
      Map<String, String> bound,
      Instant asOf,
      TimeWindow fixed,
      List<VariableValue> resolved,
      Map<Step, CheckEvaluation> done,
      PrintWriter out) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("playbook", playbook.id());
    root.put("title", playbook.title());
    root.put("asOf", asOf.toString());
    if (fixed == null) {
      root.putNull("window");
    } else {
      ObjectNode w = root.putObject("window");
      w.put("from", fixed.from().toString());
      w.put("to", fixed.to().toString());
    }
    ObjectNode vars = root.putObject("variables");
    bound.forEach(vars::put);
    ObjectNode origins = root.putObject("variableOrigins");
    resolved.forEach(v -> origins.put(v.name(), v.origin().name().toLowerCase(Locale.ROOT)));
    ArrayNode steps = root.putArray("steps");
    for (Map.Entry<Step, CheckEvaluation> e : done.entrySet()) {
      Step step = e.getKey();
      ObjectNode s = steps.addObject();
      s.put("step", step.id());
      s.put("title", step.title());
      if (e.getValue() == null) {
        s.putNull("check");
        continue;
      }
      CheckResult r = e.getValue().result();
      ObjectNode c = s.putObject("check");
      c.put("kind", step.check().kind().name());
      c.put("query", r.query());
      if (r.value() == null) {
        c.putNull("value");
      } else {
        c.put("value", r.value());
      }
      c.put("passWhen", PlaybookRunOutput.passWhen(step.check()));
      c.put("outcome", r.outcome().name());
      c.put("noData", r.noData());
      c.put("asOf", r.asOf().toString());
      c.put("severity", step.check().severity().name());
      c.put("expected", step.check().expected());
      c.put("meaning", step.check().meaning());
      c.put("detail", r.detail());
    }
    int[] counts = PlaybookRunOutput.counts(done.values());
    ObjectNode summary = root.putObject("summary");
    summary.put("pass", counts[CheckResult.Outcome.PASS.ordinal()]);
    summary.put("fail", counts[CheckResult.Outcome.FAIL.ordinal()]);
    summary.put("noData", counts[CheckResult.Outcome.NO_DATA.ordinal()]);
    summary.put("error", counts[CheckResult.Outcome.ERROR.ordinal()]);
    try {
      out.println(mapper.writeValueAsString(root));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
