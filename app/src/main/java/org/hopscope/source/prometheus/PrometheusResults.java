package org.hopscope.source.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.MetricSeries;
import org.hopscope.source.MetricSource;
import org.hopscope.source.SourceException;

/** Reads the {@code data} of Prometheus API answers into model records. */
final class PrometheusResults {

  private PrometheusResults() {}

  /**
   * A query result: {@code vector} and {@code matrix} give a series per element, {@code scalar} one
   * series without labels. Native histogram samples are skipped.
   */
  static List<MetricSeries> series(JsonNode data, String url, String promql) {
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    List<MetricSeries> out = new ArrayList<>();
    switch (type) {
      case "vector" -> {
        for (JsonNode s : result) {
          List<MetricSeries.Point> points = new ArrayList<>(1);
          if (s.has("value")) {
            points.add(point(s.get("value")));
          }
          out.add(new MetricSeries(labels(s.path("metric")), points));
        }
      }
      case "matrix" -> {
        for (JsonNode s : result) {
          List<MetricSeries.Point> points = new ArrayList<>(s.path("values").size());
          for (JsonNode v : s.path("values")) {
            points.add(point(v));
          }
          out.add(new MetricSeries(labels(s.path("metric")), points));
        }
      }
      case "scalar" -> out.add(new MetricSeries(Map.of(), List.of(point(result))));
      default ->
          throw new SourceException(
              PrometheusHttp.SOURCE,
              SourceException.Kind.REJECTED,
              "Prometheus "
                  + url
                  + " answered a '"
                  + type
                  + "' result; a panel's query must give numbers (an instant vector, range vector"
                  + " or scalar)\nquery sent: "
                  + promql,
              null);
    }
    return out;
  }

  /** The label sets of a {@code /api/v1/series} answer. */
  static List<Map<String, String>> labelSets(JsonNode data) {
    List<Map<String, String>> out = new ArrayList<>(data.size());
    for (JsonNode s : data) {
      out.add(labels(s));
    }
    return out;
  }

  /** A {@code /api/v1/query_exemplars} answer. */
  static List<MetricSource.Exemplars> exemplars(JsonNode data) {
    List<MetricSource.Exemplars> out = new ArrayList<>();
    if (data == null) {
      return out;
    }
    for (JsonNode s : data) {
      List<MetricSource.Exemplar> exemplars = new ArrayList<>();
      for (JsonNode e : s.path("exemplars")) {
        exemplars.add(
            new MetricSource.Exemplar(
                labels(e.path("labels")),
                time(e.path("timestamp")),
                value(e.path("value").asText())));
      }
      out.add(new MetricSource.Exemplars(labels(s.path("seriesLabels")), List.copyOf(exemplars)));
    }
    return out;
  }

  /** A {@code [time, "value"]} pair. */
  static MetricSeries.Point point(JsonNode pair) {
    return new MetricSeries.Point(time(pair.get(0)), value(pair.get(1).asText()));
  }

  /** Seconds since the epoch, with fractions, to an {@link Instant} (millisecond precision). */
  static Instant time(JsonNode seconds) {
    BigDecimal s = seconds.decimalValue();
    long millis = s.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    return Instant.ofEpochMilli(millis);
  }

  /** Prometheus' sample text: decimal, exponent, {@code NaN}, {@code +Inf}, {@code -Inf}. */
  static double value(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  private static Map<String, String> labels(JsonNode object) {
    Map<String, String> labels = new LinkedHashMap<>();
    object.fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
    return labels;
  }
}
