package org.hopscope.source.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.MetricSeries;
import org.hopscope.source.MetricSource;
import org.hopscope.source.SourceException;

/**
 * Reads the {@code data} of Prometheus API answers into model records. An answer of the wrong shape
 * (no {@code data}, no {@code result}, a sample that is not {@code [seconds, "number"]}, an element
 * of another result type than the answer declares) is a {@link SourceException} naming the URL, the
 * endpoint, what came and what was expected: never a zero, never a parse error without a place.
 */
final class PrometheusResults {

  private PrometheusResults() {}

  /** Where an answer came from, for messages. */
  record Origin(String url, String endpoint, String promql) {

    /** The answer did not have the shape expected. */
    SourceException wrong(String came, String expected) {
      return new SourceException(
          PrometheusHttp.SOURCE,
          SourceException.Kind.REJECTED,
          "Prometheus at "
              + url
              + " answered "
              + endpoint
              + " with "
              + came
              + "; expected "
              + expected
              + ". Is the URL a Prometheus API (or a compatible one)?"
              + (promql == null ? "" : "\nquery sent: " + promql),
          null);
    }
  }

  /** A range query's series: as {@link MatrixReader} read them, or from its {@code data}. */
  static List<MetricSeries> series(PrometheusHttp.Answer answer, Origin origin) {
    return answer.matrix() != null ? answer.matrix() : series(answer.data(), origin);
  }

  /**
   * A query result: {@code vector} and {@code matrix} give a series per element, {@code scalar} one
   * series without labels. Native histogram samples are skipped.
   */
  static List<MetricSeries> series(JsonNode data, Origin origin) {
    if (!data.isObject()) {
      throw origin.wrong(shown("data", data), "data: {resultType, result}");
    }
    JsonNode typeNode = data.path("resultType");
    String type = typeNode.asText();
    JsonNode result = data.path("result");
    if (result.isMissingNode() || result.isNull()) {
      throw origin.wrong("data without a result", "data: {resultType, result}");
    }
    List<MetricSeries> out = new ArrayList<>();
    switch (typeNode.isTextual() ? type : "") {
      case "vector" -> {
        for (JsonNode s : elements(result, "vector", origin)) {
          List<MetricSeries.Point> points = new ArrayList<>(1);
          if (s.has("value")) {
            points.add(point(s.get("value"), origin));
          } else if (!s.has("histogram")) {
            throw origin.wrong(
                "a vector element without a value (" + abbreviated(s) + ")",
                "each element of a vector to have \"value\": [seconds, \"number\"]");
          }
          out.add(new MetricSeries(labels(s.path("metric")), points));
        }
      }
      case "matrix" -> {
        for (JsonNode s : elements(result, "matrix", origin)) {
          JsonNode values = s.path("values");
          if (!values.isArray() && !s.has("histograms")) {
            throw origin.wrong(
                "a matrix element without values (" + abbreviated(s) + ")",
                "each element of a matrix to have \"values\": [[seconds, \"number\"], ...]");
          }
          List<MetricSeries.Point> points = new ArrayList<>(values.size());
          for (JsonNode v : values) {
            points.add(point(v, origin));
          }
          out.add(new MetricSeries(labels(s.path("metric")), points));
        }
      }
      case "scalar" -> out.add(new MetricSeries(Map.of(), List.of(point(result, origin))));
      case "string" ->
          throw new SourceException(
              PrometheusHttp.SOURCE,
              SourceException.Kind.REJECTED,
              "Prometheus "
                  + origin.url()
                  + " answered a 'string' result; a panel's query must give numbers (an instant"
                  + " vector, range vector or scalar)\nquery sent: "
                  + origin.promql(),
              null);
      default ->
          throw origin.wrong(
              "the result type " + abbreviated(typeNode),
              "\"vector\", \"matrix\" or \"scalar\" numbers");
    }
    return out;
  }

  /** The label sets of a {@code /api/v1/series} answer. */
  static List<Map<String, String>> labelSets(JsonNode data, Origin origin) {
    if (!data.isArray()) {
      throw origin.wrong(shown("data", data), "data: a list of label sets");
    }
    List<Map<String, String>> out = new ArrayList<>(data.size());
    for (JsonNode s : data) {
      if (!s.isObject()) {
        throw origin.wrong("the label set " + abbreviated(s), "an object of label names to values");
      }
      out.add(labels(s));
    }
    return out;
  }

  /** A {@code /api/v1/query_exemplars} answer. */
  static List<MetricSource.Exemplars> exemplars(JsonNode data, Origin origin) {
    List<MetricSource.Exemplars> out = new ArrayList<>();
    if (data == null || data.isNull()) {
      return out;
    }
    if (!data.isArray()) {
      throw origin.wrong(shown("data", data), "data: a list of series with exemplars");
    }
    for (JsonNode s : data) {
      List<MetricSource.Exemplar> exemplars = new ArrayList<>();
      for (JsonNode e : s.path("exemplars")) {
        exemplars.add(
            new MetricSource.Exemplar(
                labels(e.path("labels")),
                time(e.path("timestamp"), origin),
                value(e.path("value"), origin)));
      }
      out.add(new MetricSource.Exemplars(labels(s.path("seriesLabels")), List.copyOf(exemplars)));
    }
    return out;
  }

  /** A {@code [time, "value"]} pair. */
  static MetricSeries.Point point(JsonNode pair, Origin origin) {
    if (!pair.isArray() || pair.size() != 2) {
      throw origin.wrong("the sample " + abbreviated(pair), "a sample [seconds, \"number\"]");
    }
    return new MetricSeries.Point(time(pair.get(0), origin), value(pair.get(1), origin));
  }

  /** Seconds since the epoch, with fractions, to an {@link Instant} (millisecond precision). */
  static Instant time(JsonNode seconds, Origin origin) {
    if (!seconds.isNumber()) {
      throw origin.wrong(
          "the sample time " + abbreviated(seconds), "seconds since 1970 as a number");
    }
    try {
      BigDecimal s = seconds.decimalValue();
      long millis = s.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
      return Instant.ofEpochMilli(millis);
    } catch (ArithmeticException | DateTimeException e) {
      throw origin.wrong(
          "the sample time " + abbreviated(seconds),
          "seconds since 1970 within the years of a clock");
    }
  }

  /** Prometheus' sample text: decimal, exponent, {@code NaN}, {@code +Inf}, {@code -Inf}. */
  static double value(JsonNode sample, Origin origin) {
    if (sample.isNumber()) {
      return sample.doubleValue();
    }
    if (sample.isTextual()) {
      try {
        return value(sample.asText());
      } catch (NumberFormatException e) {
        // the shape error below says where
      }
    }
    throw origin.wrong(
        "the sample value " + abbreviated(sample), "a number as text (\"1.5\", \"NaN\", \"+Inf\")");
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

  private static Iterable<JsonNode> elements(JsonNode result, String type, Origin origin) {
    if (!result.isArray()) {
      throw origin.wrong("a " + type + " result " + abbreviated(result), "a list of series");
    }
    for (JsonNode s : result) {
      if (!s.isObject()) {
        throw origin.wrong(
            "the " + type + " element " + abbreviated(s), "an object {metric, value(s)}");
      }
    }
    return result;
  }

  /** {@code data} when missing or of another kind than expected. */
  private static String shown(String name, JsonNode node) {
    return node.isMissingNode() ? "no " + name : name + " " + abbreviated(node);
  }

  /** A node as compact JSON, cut at 80 characters. */
  static String abbreviated(JsonNode node) {
    String text = node.isMissingNode() ? "(missing)" : node.toString();
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  private static Map<String, String> labels(JsonNode object) {
    Map<String, String> labels = new LinkedHashMap<>();
    object.fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
    return labels;
  }
}
