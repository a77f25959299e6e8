package org.hopscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hopscope.model.alert.AlertBackend;
import org.hopscope.model.alert.AlertOrigin;
import org.hopscope.model.alert.AlertsReport;
import org.hopscope.model.alert.PathAlert;

/** The JSON form of {@code alerts --json} (docs/cli-json.md). */
final class AlertsJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AlertsJson() {}

  static void write(AlertsReport report, PrintWriter out) {
    ObjectNode root = JSON.createObjectNode();
    root.put("path", report.path());
    root.put("asOf", report.asOf().toString());
    root.put("headline", report.headline());
    root.put("basedOn", report.basedOn());
    root.put("known", report.known());
    root.put("complete", report.complete());
    ArrayNode backends = root.putArray("backends");
    for (AlertBackend b : report.backends()) {
      ObjectNode n = backends.addObject();
      n.put("source", b.origin().label());
      n.put("url", b.url());
      n.put("status", b.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      if (b.status() == AlertBackend.Status.ANSWERED) {
        n.put("alerts", b.count());
      } else {
        n.putNull("alerts");
      }
      n.put("error", b.error());
    }
    root.put("otherPaths", report.otherPaths());
    ArrayNode alerts = root.putArray("alerts");
    for (PathAlert a : report.alerts()) {
      ObjectNode n = alerts.addObject();
      n.put("name", a.name());
      n.put("state", a.state().word());
      n.put("severity", a.severity());
      n.put("hop", a.hop());
      n.put("matchedBy", a.matchedBy());
      n.put("summary", a.summary());
      n.put("since", a.since() == null ? null : a.since().toString());
      Duration active = a.activeFor(report.asOf());
      if (active == null) {
        n.putNull("activeSeconds");
      } else {
        n.put("activeSeconds", active.toSeconds());
      }
      ArrayNode sources = n.putArray("sources");
      a.origins().stream().map(AlertOrigin::label).forEach(sources::add);
      n.put("runbookUrl", a.runbookUrl());
      n.put("playbookLink", a.playbookLink());
      n.put("linkProblem", a.linkProblem());
      n.set("labels", JSON.valueToTree(sorted(a.labels())));
      n.set("annotations", JSON.valueToTree(sorted(a.annotations())));
    }
    try {
      out.println(JSON.writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> sorted(Map<String, String> m) {
    return new TreeMap<>(m);
  }
}
