package org.hopscope.source.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.MetricSeries;

/**
 * Reads the usual answer of a range query, {@code {"status":"success","data":{"resultType":
 * "matrix","result":[{"metric":{...},"values":[[seconds,"number"],...]},...]}}}, straight from the
 * token stream into series: no JSON tree and no {@code BigDecimal} per sample, which were three
 * fifths of the client's CPU for a flow's panels (a JFR profile of {@code bench flow}). Anything
 * else (an error status, another result type, native histograms, a time with an exponent, a value
 * that is not a number, JSON that does not parse) is not read here: {@link #read} answers null and
 * the caller reads the body the general way, whose errors say what came and where. So both ways
 * give the same series, or this one none.
 */
final class MatrixReader {

  /** The series and Prometheus' warnings of a successful matrix answer. */
  record Read(List<MetricSeries> series, List<String> warnings) {}

  /** Seconds with more integer digits are left to the general reader. */
  private static final int MAX_SECONDS_DIGITS = 12;

  private final JsonFactory factory;

  MatrixReader(JsonFactory factory) {
    this.factory = factory;
  }

  /** The answer in {@code body}, or null when it is not a plain successful matrix answer. */
  Read read(String body) {
    if (body == null) {
      return null;
    }
    try (JsonParser p = factory.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      boolean success = false;
      List<MetricSeries> series = null;
      List<String> warnings = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "status" ->
              success = value == JsonToken.VALUE_STRING && "success".equals(p.getText());
          case "data" -> {
            series = value == JsonToken.START_OBJECT ? data(p) : null;
            if (series == null) {
              return null;
            }
          }
          case "warnings" -> {
            if (!strings(p, value, warnings)) {
              return null;
            }
          }
          default -> p.skipChildren();
        }
      }
      return success && series != null && p.nextToken() == null ? new Read(series, warnings) : null;
    } catch (IOException | RuntimeException e) {
      return null; // the general reader says what is wrong
    }
  }

  /** The series of {@code data}, or null unless it is a matrix of plain samples. */
  private static List<MetricSeries> data(JsonParser p) throws IOException {
    boolean matrix = false;
    List<MetricSeries> series = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "resultType" ->
            matrix = value == JsonToken.VALUE_STRING && "matrix".equals(p.getText());
        case "result" -> {
          series = value == JsonToken.START_ARRAY ? result(p) : null;
          if (series == null) {
            return null;
          }
        }
        default -> p.skipChildren();
      }
    }
    return matrix ? series : null;
  }

  private static List<MetricSeries> result(JsonParser p) throws IOException {
    List<MetricSeries> out = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        return null;
      }
      Map<String, String> labels = null;
      List<MetricSeries.Point> points = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "metric" -> {
            labels = value == JsonToken.START_OBJECT ? labels(p) : null;
            if (labels == null) {
              return null;
            }
          }
          case "values" -> {
            points = value == JsonToken.START_ARRAY ? points(p) : null;
            if (points == null) {
              return null;
            }
          }
          case "histograms" -> {
            return null;
          }
          default -> p.skipChildren();
        }
      }
      if (points == null) {
        return null;
      }
      out.add(new MetricSeries(labels == null ? Map.of() : labels, points));
    }
    return out;
  }

  private static Map<String, String> labels(JsonParser p) throws IOException {
    Map<String, String> labels = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      }
      labels.put(name, p.getText());
    }
    return labels;
  }

  private static List<MetricSeries.Point> points(JsonParser p) throws IOException {
    List<MetricSeries.Point> points = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_ARRAY) {
        return null;
      }
      JsonToken time = p.nextToken();
      if (time != JsonToken.VALUE_NUMBER_INT && time != JsonToken.VALUE_NUMBER_FLOAT) {
        return null;
      }
      long millis = millis(p.getText());
      if (millis < 0 || p.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      }
      double value;
      try {
        value = value(p.getText());
      } catch (NumberFormatException e) {
        return null; // the general reader names the sample
      }
      if (p.nextToken() != JsonToken.END_ARRAY) {
        return null;
      }
      points.add(new MetricSeries.Point(Instant.ofEpochMilli(millis), value));
    }
    return points;
  }

  /**
   * Prometheus' sample text as {@link PrometheusResults#value(String)} reads it, decimals through
   * Jackson's fast double parser (correctly rounded, as {@link Double#parseDouble}).
   */
  static double value(String text) {
    char c = text.isEmpty() ? ' ' : text.charAt(0);
    return (c >= '0' && c <= '9') || (c == '-' && text.length() > 1 && text.charAt(1) != 'I')
        ? NumberInput.parseDouble(text, true)
        : PrometheusResults.value(text);
  }

  private static boolean strings(JsonParser p, JsonToken value, List<String> into)
      throws IOException {
    if (value != JsonToken.START_ARRAY) {
      return false;
    }
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_STRING) {
        return false;
      }
      into.add(p.getText());
    }
    return true;
  }

  /**
   * {@code seconds} ({@code 1700000000}, {@code 1700000000.5}) as epoch milliseconds, rounded half
   * up as the general reader does; -1 for any other text (a sign, an exponent, too many digits).
   */
  static long millis(String seconds) {
    int dot = seconds.indexOf('.');
    int intEnd = dot < 0 ? seconds.length() : dot;
    if (intEnd == 0 || intEnd > MAX_SECONDS_DIGITS) {
      return -1;
    }
    long whole = 0;
    for (int i = 0; i < intEnd; i++) {
      char c = seconds.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      whole = whole * 10 + (c - '0');
    }
    long fraction = 0;
    int digits = 0;
    boolean roundUp = false;
    for (int i = dot + 1; dot >= 0 && i < seconds.length(); i++) {
      char c = seconds.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      if (digits < 3) {
        fraction = fraction * 10 + (c - '0');
        digits++;
      } else if (digits == 3) {
        roundUp = c >= '5';
        digits++;
      }
    }
    if (dot >= 0 && dot == seconds.length() - 1) {
      return -1;
    }
    for (; digits < 3; digits++) {
      fraction *= 10;
    }
    return whole * 1000 + fraction + (roundUp ? 1 : 0);
  }
}
