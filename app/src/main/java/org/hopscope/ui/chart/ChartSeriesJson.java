package org.hopscope.ui.chart;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hopscope.model.MetricSeries;

/**
 * A chart's series as {@code METRIC_SERIES} evidence: {@code {hop, panel, query, unit, from, to,
 * series: [{label, points: [[epochSeconds, value]]}]}} (times ISO-8601 UTC; NaN/Inf as strings,
 * like {@code flow --json}'s metrics), so the numbers can be read with no Prometheus reachable.
 */
public final class ChartSeriesJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private ChartSeriesJson() {}

  /**
   * The UTF-8 JSON of {@code model}'s series.
   *
   * @param hop the hop the chart belongs to, or null
   */
  public static byte[] bytes(String hop, ChartModel model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("hop", hop);
      g.writeStringField("panel", model.title());
      g.writeStringField("query", model.query());
      g.writeStringField("unit", model.unit());
      g.writeStringField("from", model.range().from().toString());
      g.writeStringField("to", model.range().to().toString());
      g.writeArrayFieldStart("series");
      for (ChartModel.Series s : model.series()) {
        g.writeStartObject();
        g.writeStringField("label", s.label());
        g.writeArrayFieldStart("points");
        for (MetricSeries.Point p : s.points()) {
          org.hopscope.oncall.FlowJson.writePoint(g, p);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart series to memory", e);
    }
    return out.toByteArray();
  }
}
