package org.hopscope.source.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.MetricSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streamed reading of a range answer agrees with the general one, or leaves it to it. */
class MatrixReaderTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final PrometheusResults.Origin ORIGIN =
      new PrometheusResults.Origin("http://prom", "/api/v1/query_range", "up");

  private final MatrixReader reader = new MatrixReader(JSON.getFactory());

  /** The Prometheus documentation's own range-query answer. */
  private static final String DOCS_EXAMPLE =
      """
      {"status":"success","data":{"resultType":"matrix","result":[
       {"metric":{"__name__":"up","job":"prometheus","instance":"localhost:9090"},
        "values":[[1435781430.781,"1"],[1435781445.781,"1"],[1435781460.781,"1"]]},
       {"metric":{"__name__":"up","job":"node","instance":"localhost:9091"},
        "values":[[1435781430.781,"0"],[1435781445.781,"0"],[1435781460.781,"1"]]}]}}""";

  @Test
  void theDocumentationsExampleIsReadAsTheGeneralReaderReadsIt() throws Exception {
    MatrixReader.Read read = reader.read(DOCS_EXAMPLE);

    assertNotNull(read);
    assertEquals(general(DOCS_EXAMPLE), read.series());
    assertEquals(
        new MetricSeries(
            Map.of("__name__", "up", "job", "node", "instance", "localhost:9091"),
            List.of(
                new MetricSeries.Point(Instant.ofEpochMilli(1435781430781L), 0),
                new MetricSeries.Point(Instant.ofEpochMilli(1435781445781L), 0),
                new MetricSeries.Point(Instant.ofEpochMilli(1435781460781L), 1))),
        read.series().get(1));
    assertEquals(List.of(), read.warnings());
  }

  @Test
  void fieldsInAnyOrderUnknownFieldsWarningsAndSpecialValues() throws Exception {
    String body =
        """
        {"infos":["i"],"data":{"result":[{"values":[[1700000000,"NaN"],[1700000015.5,"+Inf"],
         [1700000030.25,"-Inf"],[1700000045.0004,"1e3"],[1700000060.9995,"-0.5"]],
         "extra":{"a":[1,2]},"metric":{}}],"stats":{"x":1},"resultType":"matrix"},
         "warnings":["PromQL info: metric might not be a counter"],"status":"success"}""";

    MatrixReader.Read read = reader.read(body);

    assertNotNull(read);
    assertEquals(general(body), read.series());
    assertEquals(List.of("PromQL info: metric might not be a counter"), read.warnings());
    List<MetricSeries.Point> points = read.series().get(0).points();
    assertEquals(Instant.ofEpochMilli(1700000045000L), points.get(3).time());
    assertEquals(Instant.ofEpochMilli(1700000061000L), points.get(4).time());
    assertEquals(1000.0, points.get(3).value());
    assertEquals(Double.POSITIVE_INFINITY, points.get(1).value());
  }

  @Test
  void anEmptyResultIsNoSeries() {
    MatrixReader.Read read =
        reader.read("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");

    assertNotNull(read);
    assertEquals(List.of(), read.series());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\"}}",
        "{\"status\":\"success\",\"data\":null}",
        "{\"status\":\"success\"}",
        "{\"data\":{\"resultType\":\"matrix\",\"result\":[]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
            + "\"histograms\":[[1700000000,{\"count\":\"1\"}]]}]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
            + "\"values\":[[1.7e9,\"1\"]]}]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
            + "\"values\":[[-1,\"1\"]]}]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
            + "\"values\":[[1700000000,\"one\"]]}]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
            + "\"values\":[[1700000000,1]]}]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
            + "\"values\":[[1700000000,\"1\",\"2\"]]}]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
            + "{\"a\":1},\"values\":[]}]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{}}]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[[]]}}",
        "{\"status\":\"success\",\"warnings\":[1],\"data\":{\"resultType\":\"matrix\","
            + "\"result\":[]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}} trailing",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[",
        "<html><title>502 Bad Gateway</title></html>",
        "",
        "[]"
      })
  void anythingButAUsualMatrixAnswerIsLeftToTheGeneralReader(String body) {
    assertNull(reader.read(body));
  }

  @Test
  void secondsBecomeMillisecondsRoundedHalfUpAsTheGeneralReaderDoes() throws Exception {
    for (String seconds :
        List.of(
            "0",
            "1",
            "1700000000",
            "1700000000.1",
            "1700000000.12",
            "1700000000.123",
            "1700000000.1234",
            "1700000000.1235",
            "1700000000.9999",
            "999999999999.9995")) {
      long general = PrometheusResults.time(JSON.readTree(seconds), ORIGIN).toEpochMilli();
      assertEquals(general, MatrixReader.millis(seconds), seconds);
    }
    for (String other : List.of("", ".5", "1.", "-1", "1e3", "1000000000000", "1.2.3", "x")) {
      assertEquals(-1, MatrixReader.millis(other), other);
    }
  }

  @Test
  void valuesAreReadAsTheGeneralReaderReadsThem() {
    List<String> texts =
        new ArrayList<>(
            List.of(
                "0",
                "-0",
                "1",
                "362.40000000000003",
                "0.000001",
                "1e+06",
                "1.5e-07",
                "4.9e-324",
                "1.7976931348623157e308",
                "-2.5",
                "NaN",
                "+Inf",
                "Inf",
                "-Inf",
                "1000000000000000000000",
                "0.1",
                "0.30000000000000004"));
    java.util.Random random = new java.util.Random(16);
    for (int i = 0; i < 10_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      texts.add(Double.isFinite(d) ? new java.math.BigDecimal(d).toPlainString() : "NaN");
      texts.add(Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)));
    }
    for (String text : texts) {
      assertEquals(
          Double.doubleToLongBits(PrometheusResults.value(text)),
          Double.doubleToLongBits(MatrixReader.value(text)),
          text);
    }
    for (String bad : List.of("one", "1.2.3", "-", "", "--1")) {
      org.junit.jupiter.api.Assertions.assertThrows(
          NumberFormatException.class, () -> MatrixReader.value(bad), bad);
    }
  }

  private static List<MetricSeries> general(String body) throws Exception {
    JsonNode root = JSON.readTree(body);
    return new ArrayList<>(PrometheusResults.series(root.path("data"), ORIGIN));
  }
}
