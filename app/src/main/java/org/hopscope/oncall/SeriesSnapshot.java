package org.hopscope.oncall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.TimeWindow;

/**
 * A chart's series read back from {@code METRIC_SERIES} evidence (written by the client's chart
 * "Save as evidence": {@code {hop, panel, query, unit, from, to, series: [{label, points}]}}), to
 * draw the same chart offline.
 *
 * @param hop the hop the chart belongs to, or null
 * @param panel the panel's title
 * @param query the PromQL that produced it
 * @param unit the value axis unit, "" when unknown
 * @param range the chart's time axis, or null when the snapshot names none
 * @param series the lines, in legend order
 */
public record SeriesSnapshot(
    String hop, String panel, String query, String unit, TimeWindow range, List<Line> series) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public SeriesSnapshot {
    series = List.copyOf(series);
  }

  /** One line: its legend label and samples (NaN kept). */
  public record Line(String label, List<MetricSeries.Point> points) {
    public Line {
      points = List.copyOf(points);
    }
  }

  /**
   * The series in {@code json} (UTF-8).
   *
   * @throws FlowJsonReader.Unreadable when it is not such a document (the message says why)
   */
  public static SeriesSnapshot read(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new FlowJsonReader.Unreadable(
          "not a metric series JSON document: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new FlowJsonReader.Unreadable("cannot read the metric series: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("series").isArray()) {
      throw new FlowJsonReader.Unreadable(
          "not a metric series JSON document: no \"series\" array", null);
    }
    try {
      List<Line> lines = new ArrayList<>();
      for (JsonNode s : root.get("series")) {
        lines.add(new Line(s.path("label").asText(""), FlowJsonReader.points(s.path("points"))));
      }
      String from = FlowJsonReader.text(root, "from");
      String to = FlowJsonReader.text(root, "to");
      return new SeriesSnapshot(
          FlowJsonReader.text(root, "hop"),
          root.path("panel").asText(""),
          root.path("query").asText(""),
          root.path("unit").asText(""),
          from == null || to == null
              ? null
              : new TimeWindow(Instant.parse(from), Instant.parse(to)),
          lines);
    } catch (RuntimeException e) {
      throw new FlowJsonReader.Unreadable(
          "metric series JSON: cannot read it: " + e.getMessage(), e);
    }
  }
}
