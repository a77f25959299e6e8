package org.hopscope.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hopscope.faults.Fault;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that Jaeger UI and Grafana fail on, and worse: every problem located and counted, a bad
 * line never losing the rest, limits refusing with a clear error, never a crash or hang.
 */
@Fault(Fault.Area.FILES)
class HostileTraceFilesTest {

  private static final TraceFileLimits SMALL = new TraceFileLimits(4_096, 300, 12, 50, 3);

  private final TraceFileReader reader = new TraceFileReader(SMALL);

  private static final String GOOD_LINE =
      "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
          + "{\"stringValue\":\"a\"}}]},\"scopeSpans\":[{\"spans\":[{\"traceId\":"
          + "\"0af7651916cd43dd8448eb211c80319c\",\"spanId\":\"b7ad6b7169203331\","
          + "\"startTimeUnixNano\":\"1700000000000000000\",\"kind\":1}]}]}]}";

  private TraceFile read(String text) {
    return TraceFileReaderTest.read(reader, text);
  }

  @Test
  void badLinesAreSkippedLocatedAndCountedAndTheRestRead() {
    TraceFile file =
        read(
            GOOD_LINE
                + "\n{\"resourceSpans\": [\n"
                + "\n"
                + "[1,2]\n"
                + "{\"hits\" \n"
                + "x".repeat(400)
                + "\n{\"some\":\"document\"}\n"
                + GOOD_LINE
                + "\n");

    assertThat(file.documents())
        .extracting(FileDocument::docId)
        .containsExactly("line 1 #1", "line 8 #1");
    assertThat(file.skippedLines()).isEqualTo(5);
    assertThat(file.problems()).isEqualTo(5);
    assertThat(file.examples()) // the first 3 kept
        .containsExactly(
            "f.json:2: not JSON (Unexpected end-of-input: expected close marker for Array at"
                + " column 20): skipped",
            "f.json:4: expected a JSON object, found a JSON array of numbers: skipped",
            "f.json:5: not JSON (Unexpected end-of-input within/between Object entries at column"
                + " 9): skipped");
  }

  @Test
  void anOverlongLineIsSkippedWithItsLength() {
    TraceFile file = read("{\"a\":\"" + "y".repeat(500) + "\"}\n{\"b\":1}\n");

    assertThat(file.documents())
        .singleElement()
        .satisfies(d -> assertThat(d.document()).isEqualTo(Map.of("b", 1)));
    assertThat(file.examples())
        .containsExactly("f.json:1: 508 bytes long, over the line limit of 300 bytes: skipped");
  }

  @Test
  void aLineNestedTooDeeplyIsSkipped() {
    TraceFile file = read("{\"a\":" + "[".repeat(20) + "]".repeat(20) + "}\n{\"b\":1}\n");

    assertThat(file.documents()).hasSize(1);
    assertThat(file.examples())
        .containsExactly("f.json:1: nested deeper than 12 levels (or a value too long): skipped");
  }

  @Test
  void badValuesAreReadAroundAndLocatedByPointer() {
    String span =
        "{\"traceId\":\"not-an-id\",\"spanId\":\"b7ad6b7169203331\",\"startTimeUnixNano\":"
            + "1700000000000000000,\"kind\":\"SPAN_KIND_WHATEVER\",\"attributes\":[{\"key\":\"n\","
            + "\"value\":{\"intValue\":\"12x\"}},{\"value\":{\"stringValue\":\"no key\"}}],"
            + "\"futureField\":{\"x\":1}}";
    TraceFile file = read("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + span + "]}]}]}");

    assertThat(file.documents())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.document())
                    .containsEntry("trace_id", "not-an-id")
                    .containsEntry("attributes", Map.of("n", "12x"))
                    .containsEntry("resource", Map.of("attributes", Map.of()))
                    .doesNotContainKey("kind"));
    assertThat(file.problems()).isEqualTo(4);
    assertThat(file.examples())
        .containsExactly(
            "f.json /resourceSpans/0/scopeSpans/0/spans/0/traceId: expected 16 bytes as hex or"
                + " base64",
            "f.json /resourceSpans/0/scopeSpans/0/spans/0/kind: unknown span kind"
                + " 'SPAN_KIND_WHATEVER': left out",
            "f.json /resourceSpans/0/scopeSpans/0/spans/0/attributes/0/value/intValue: not a"
                + " whole number: kept as text");
  }

  @Test
  void spansWithoutATimeAreLeftOutAndCounted() {
    TraceFile file =
        read(
            "[{\"traceId\":\"a1\",\"id\":\"b2\",\"timestamp\":1},"
                + "{\"traceId\":\"a1\",\"id\":\"b3\"},"
                + "{\"traceId\":\"a1\",\"id\":\"b4\",\"timestamp\":\"soon\"}]");

    assertThat(file.format()).isEqualTo(TraceFormat.ZIPKIN);
    assertThat(file.documents()).hasSize(1);
    assertThat(file.skippedItems()).isEqualTo(2);
    assertThat(file.examples())
        .containsExactly(
            "f.json /1: a span without timestamp cannot be placed in time: left out",
            "f.json /2/timestamp: not a whole number of microseconds",
            "f.json /2: a span without timestamp cannot be placed in time: left out");
  }

  @Test
  void jaegerSpanWithAnUnknownProcessKeepsTheSpanAndSaysSo() {
    TraceFile file =
        read(
            "{\"data\":[{\"traceID\":\"0af7651916cd43dd\",\"spans\":[{\"spanID\":\"00000000000000a1\","
                + "\"startTime\":\"1700000000000000\",\"processID\":\"p9\",\"tags\":null}],"
                + "\"processes\":{}}]}");

    assertThat(file.documents())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.document())
                    .containsEntry("traceID", "0af7651916cd43dd")
                    .containsEntry("startTime", 1700000000000000L)
                    .containsEntry("process", Map.of()));
    assertThat(file.examples())
        .containsExactly(
            "f.json /data/0/spans/0/processID: process 'p9' is not in the trace's processes: its"
                + " service is unknown");
  }

  @Test
  void unknownShapesAreRefusedWithWhatWasExpected() {
    assertThatThrownBy(() -> read("{\n  \"traces\": []\n}\n"))
        .isInstanceOf(TraceFileException.class)
        .hasMessage("f.json:1: a JSON object with fields [traces]; " + TraceFileReader.EXPECTED);
    assertThatThrownBy(() -> read("\n\ntraceId,spanId\n1,2\n"))
        .hasMessage("f.json:3: not JSON (starts with 't'); " + TraceFileReader.EXPECTED);
    assertThatThrownBy(() -> read("  \n "))
        .hasMessage("f.json: empty; " + TraceFileReader.EXPECTED);
    assertThatThrownBy(() -> read("[\n{\"traceId\": 1,\n"))
        .hasMessageStartingWith("f.json:3: not valid JSON (Unexpected end-of-input");
  }

  @Test
  void limitsRefuseTheWholeFileClearly(@TempDir Path dir) throws IOException {
    Path big = Files.writeString(dir.resolve("big.json"), "[" + " ".repeat(5_000) + "]");
    assertThatThrownBy(() -> reader.read(big, "big.json", Cancellation.none()))
        .isInstanceOf(TraceFileException.class)
        .hasMessage(
            "big.json: 5,002 bytes, over the limit of 4,096 bytes for one trace file; split it"
                + " (e.g. split -l for JSON lines) or export a shorter time range");

    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      many.append("{\"n\":").append(i).append("}\n");
    }
    assertThatThrownBy(() -> read(many.toString()))
        .hasMessage(
            "f.json:51: more than 50 spans, records or documents, the limit of one file; split the"
                + " file or export a shorter time range");

    assertThatThrownBy(() -> read("[" + "[".repeat(30) + "]".repeat(30) + "]"))
        .hasMessage(
            "f.json: nested deeper than 12 levels, or a value over the size limit; not read");
  }

  @Test
  void gzipFoldersAndMissingFilesAreNamed(@TempDir Path dir) throws IOException {
    Path gz = Files.write(dir.resolve("t.json.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
    assertThatThrownBy(() -> reader.read(gz, "t.json.gz", Cancellation.none()))
        .hasMessage("t.json.gz: is gzip-compressed; decompress it first (gunzip)");
    assertThatThrownBy(() -> reader.read(dir, "traces/", Cancellation.none()))
        .hasMessage("traces/: is a folder; give a trace or log file");
    assertThatThrownBy(
            () -> reader.read(dir.resolve("gone.json"), "gone.json", Cancellation.none()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("no such file: gone.json");
  }

  @Test
  void binaryGarbageIsRefusedNotCrashedOn() {
    byte[] garbage = new byte[256];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 37);
    }
    garbage[0] = '{';
    assertThatThrownBy(() -> reader.read("g.bin", garbage, Cancellation.none()))
        .isInstanceOf(TraceFileException.class)
        .hasMessageStartingWith("g.bin:1: not valid JSON (Unexpected character ('%' (code 37))");

    assertThatThrownBy(
            () ->
                reader.read(
                    "h.bin", "\u0000\u0001".getBytes(StandardCharsets.UTF_8), Cancellation.none()))
        .hasMessageStartingWith("h.bin:1: not JSON (starts with '\\x00')");
  }

  @Test
  void aCancelledReadStops() {
    Cancellation cancel = new Cancellation();
    cancel.cancel();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      lines.append("{}\n");
    }
    TraceFileReader roomy = new TraceFileReader(TraceFileLimits.DEFAULTS);
    assertThatThrownBy(
            () -> roomy.read("c.json", lines.toString().getBytes(StandardCharsets.UTF_8), cancel))
        .isInstanceOf(Cancellation.CancelledException.class);
  }
}
