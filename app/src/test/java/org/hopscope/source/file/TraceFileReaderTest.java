package org.hopscope.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hopscope.model.EventSourceDef;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.Test;

/** Format detection and conversion of each format to its Elasticsearch document shape. */
class TraceFileReaderTest {

  static final Path SAMPLES = Path.of("src/test/resources/trace-files/samples");

  private final TraceFileReader reader = new TraceFileReader(TraceFileLimits.DEFAULTS);

  static TraceFile read(TraceFileReader reader, String text) {
    return reader.read("f.json", text.getBytes(StandardCharsets.UTF_8), Cancellation.none());
  }

  @Test
  void otlpExampleBecomesTheExportersOtelDocument() {
    TraceFile file = reader.read(SAMPLES.resolve("otlp-trace.json"), Cancellation.none());

    assertThat(file.format()).isEqualTo(TraceFormat.OTLP);
    assertThat(file.lines()).isFalse();
    assertThat(file.problems()).isZero();
    assertThat(file.documents()).hasSize(1);
    FileDocument span = file.documents().get(0);
    assertThat(span.kind()).isEqualTo(EventSourceDef.Kind.SPAN);
    assertThat(span.docId()).isEqualTo("#1");
    assertThat(span.document())
        .containsEntry("@timestamp", "2018-12-13T14:51:00Z")
        .containsEntry("trace_id", "5b8efff798038103d269b633813fc60c")
        .containsEntry("span_id", "eee19b7ec3c1b174")
        .containsEntry("parent_span_id", "eee19b7ec3c1b173")
        .containsEntry("name", "I'm a server span")
        .containsEntry("kind", "Server")
        .containsEntry("duration", 1_000_000_000L)
        .containsEntry("attributes", Map.of("my.span.attr", "some value"))
        .containsEntry("status", Map.of("code", "Unset"))
        .containsEntry("resource", Map.of("attributes", Map.of("service.name", "my.service")));
  }

  @Test
  void otlpLogsBecomeLogDocumentsWithTypedAttributes() {
    TraceFile file = reader.read(SAMPLES.resolve("otlp-logs.json"), Cancellation.none());

    assertThat(file.format()).isEqualTo(TraceFormat.OTLP);
    FileDocument log = file.documents().get(0);
    assertThat(log.kind()).isEqualTo(EventSourceDef.Kind.LOG);
    assertThat(log.document())
        .containsEntry("@timestamp", "2018-12-13T14:51:00.300Z")
        .containsEntry("severity_text", "Information")
        .containsEntry("severity_number", 10L)
        .containsEntry("body", Map.of("text", "Example log record"));
    @SuppressWarnings("unchecked")
    Map<String, Object> attributes = (Map<String, Object>) log.document().get("attributes");
    assertThat(attributes)
        .containsEntry("string.attribute", "some string")
        .containsEntry("boolean.attribute", true)
        .containsEntry("int.attribute", 10L)
        .containsEntry("double.attribute", 637.704)
        .containsEntry("array.attribute", List.of("many", "values"))
        .containsEntry("map.attribute", Map.of("some.map.key", "some value"));
  }

  @Test
  void jaegerDownloadBecomesJaegersSpanDocument() {
    TraceFile file = reader.read(SAMPLES.resolve("jaeger-ui-from-es_01.json"), Cancellation.none());

    assertThat(file.format()).isEqualTo(TraceFormat.JAEGER);
    assertThat(file.documents()).hasSize(1);
    Map<String, Object> doc = file.documents().get(0).document();
    assertThat(doc)
        .containsEntry("traceID", "00000000000000010000000000000000")
        .containsEntry("spanID", "0000000000000002")
        .containsEntry("parentSpanID", "0000000000000003")
        .containsEntry("startTime", 1485467191639875L)
        .containsEntry("startTimeMillis", 1485467191639L)
        .containsEntry("operationName", "test-general-conversion");
    assertThat(doc.get("process"))
        .isEqualTo(
            Map.of(
                "serviceName",
                "service-x",
                "tags",
                List.of(Map.of("key", "sdk.version", "type", "string", "value", "1.2.1"))));
    @SuppressWarnings("unchecked")
    List<Object> tags = (List<Object>) doc.get("tags");
    assertThat(tags).contains(Map.of("key", "error", "type", "bool", "value", true));
  }

  @Test
  void zipkinArrayKeepsTheSpanAndAddsTimestampMillis() {
    TraceFile file =
        reader.read(SAMPLES.resolve("zipkin-messaging-kafka.json"), Cancellation.none());

    assertThat(file.format()).isEqualTo(TraceFormat.ZIPKIN);
    assertThat(file.documents()).hasSize(28);
    assertThat(file.documents().get(0).document())
        .containsEntry("traceId", "0562809467078eab")
        .containsEntry("id", "0562809467078eab")
        .containsEntry("kind", "CONSUMER")
        .containsEntry("timestamp", 1541405397200023L)
        .containsEntry("timestamp_millis", 1541405397200L)
        .containsEntry("tags", Map.of("kafka.topic", "messages"));
  }

  @Test
  void ecsLogLinesAreDocumentsAsTheyAre() {
    TraceFile file = reader.read(SAMPLES.resolve("ecs-logging-intro.ndjson"), Cancellation.none());

    assertThat(file.format()).isEqualTo(TraceFormat.NDJSON);
    assertThat(file.lines()).isTrue();
    assertThat(file.documents())
        .extracting(FileDocument::docId)
        .containsExactly("line 1", "line 2", "line 3");
    assertThat(file.documents().get(2).document())
        .containsEntry("transaction.id", "28b7fb8d5aba51f1")
        .containsEntry("log.level", "DEBUG");
    assertThat(file.documents().get(2).kind()).isNull();
  }

  @Test
  void exportedHitsAreUnwrappedWithTheirIndexAndId() {
    TraceFile file =
        read(
            reader,
            "{\"_index\":\"logs-a-1\",\"_id\":\"x1\",\"_source\":{\"m\":\"one\"}}\n"
                + "{\"index\":{\"_index\":\"logs-b-1\",\"_id\":\"y2\"}}\n"
                + "{\"m\":\"two\"}\n");

    assertThat(file.documents())
        .extracting(FileDocument::index, FileDocument::docId, FileDocument::document)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("logs-a-1", "x1", Map.of("m", "one")),
            org.assertj.core.groups.Tuple.tuple("logs-b-1", "y2", Map.of("m", "two")));
  }

  @Test
  void aSavedSearchAnswerIsReadAsItsHits() {
    TraceFile file =
        read(
            reader,
            "{\"took\":3,\"hits\":{\"total\":{\"value\":1},\"hits\":[{\"_index\":\"i\",\"_id\":\"d\","
                + "\"_source\":{\"a\":1}}]}}");

    assertThat(file.format()).isEqualTo(TraceFormat.NDJSON);
    assertThat(file.documents())
        .singleElement()
        .satisfies(d -> assertThat(d.document()).isEqualTo(Map.of("a", 1)));
  }

  @Test
  void collectorFileExporterLinesAreReadLineByLine() {
    TraceFile file =
        reader.read(
            Path.of("src/test/resources/trace-files/shop/checkout.otlp.jsonl"),
            "checkout.otlp.jsonl",
            Cancellation.none());

    assertThat(file.format()).isEqualTo(TraceFormat.OTLP);
    assertThat(file.lines()).isTrue();
    assertThat(file.formatWords()).isEqualTo("OTLP JSON lines");
    assertThat(file.documents())
        .extracting(FileDocument::docId)
        .containsExactly("line 1 #1", "line 2 #1", "line 3 #1", "line 4 #1", "line 5 #1");
    // line 2 spells IDs in base64, int64 as a string and enums by name; line 3 in upper case
    assertThat(file.documents().get(1).document())
        .containsEntry("trace_id", "0af7651916cd43dd8448eb211c803192")
        .containsEntry("span_id", "b7ad6b7169203321")
        .containsEntry("kind", "Server")
        .containsEntry("status", Map.of("code", "Ok"))
        .containsEntry(
            "attributes", Map.of("messaging.message.id", "M-2", "http.response.status_code", 201L));
    assertThat(file.documents().get(2).document())
        .containsEntry("trace_id", "0af7651916cd43dd8448eb211c803193");
    assertThat(file.problems()).isZero();
  }
}
