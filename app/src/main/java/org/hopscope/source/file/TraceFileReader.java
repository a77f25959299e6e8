package org.hopscope.source.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.hopscope.source.Cancellation;

/**
 * Reads a trace or log file into memory and converts its spans and records to the documents their
 * format is stored as in Elasticsearch (docs/trace-files.md). The format is detected from the
 * content: a file whose first line is a whole JSON object is read line by line (OTLP JSON lines as
 * the Collector's file exporter writes them, or NDJSON documents), any other as one JSON value
 * (OTLP JSON, Jaeger JSON, a Zipkin v2 array, an Elasticsearch search answer). A bad line or span
 * is skipped and located; the rest is read. Thread-safe.
 */
public final class TraceFileReader {

  static final String EXPECTED =
      "expected OTLP JSON ({\"resourceSpans\": ...} or {\"resourceLogs\": ...}, one per line"
          + " allowed), Jaeger JSON ({\"data\": [{\"traceID\", \"spans\", \"processes\"}]}), a"
          + " Zipkin v2 JSON array ([{\"traceId\", \"id\", ...}]) or one JSON document per line";

  private final TraceFileLimits limits;
  private final ObjectMapper json;

  public TraceFileReader(TraceFileLimits limits) {
    this.limits = limits;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength(Math.max(limits.maxLineBytes(), 1 << 20))
                    .build())
            .build();
    this.json = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * Reads {@code file}.
   *
   * @throws TraceFileException when the file is of no known shape or over a limit (located)
   * @throws UncheckedIOException when it cannot be read from disk
   */
  public TraceFile read(Path file, Cancellation cancel) {
    return read(file, file.toString(), cancel);
  }

  /**
   * As {@link #read(Path, Cancellation)}, locating problems by {@code name} (as the user gave it).
   */
  public TraceFile read(Path file, String name, Cancellation cancel) {
    try {
      if (Files.isDirectory(file)) {
        throw new TraceFileException(name + ": is a folder; give a trace or log file");
      }
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        throw new TraceFileException(
            String.format(
                "%s: %,d bytes, over the limit of %,d bytes for one trace file; split it (e.g."
                    + " split -l for JSON lines) or export a shorter time range",
                name, size, limits.maxFileBytes()));
      }
      return read(name, Files.readAllBytes(file), cancel);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no such file: " + name, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /** Reads a file's content; {@code name} locates its problems. */
  TraceFile read(String name, byte[] bytes, Cancellation cancel) {
    if (bytes.length > limits.maxFileBytes()) {
      throw new TraceFileException(
          name + ": over the limit of " + limits.maxFileBytes() + " bytes");
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      throw new TraceFileException(name + ": is gzip-compressed; decompress it first (gunzip)");
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb ? 3 : 0;
    int first = start;
    while (first < bytes.length && Character.isWhitespace(bytes[first])) {
      first++;
    }
    if (first == bytes.length) {
      throw new TraceFileException(name + ": empty; " + EXPECTED);
    }
    FileProblems problems = new FileProblems(name, limits.problemsKept());
    DocumentSink sink = new DocumentSink(name, problems, limits.maxDocuments());
    char c = (char) bytes[first];
    if (c != '{' && c != '[') {
      throw new TraceFileException(
          name
              + ":"
              + lineOf(bytes, first)
              + ": not JSON (starts with '"
              + printable(c)
              + "'); "
              + EXPECTED);
    }
    TraceFormat format = null;
    boolean lines = false;
    JsonNode root = null;
    TraceFileException wholeError = null;
    try {
      root = parseWhole(name, bytes, start);
      format = Shapes.of(root);
    } catch (TraceFileException e) {
      wholeError = e; // several values (JSON lines), or a bad one: read line by line
    }
    if (format != null) {
      sink.line(0);
      Shapes.read(format, root, sink, cancel);
    } else if (c == '{' && (wholeError != null || firstLineIsObject(bytes, first))) {
      lines = true;
      format = new JsonLines(json, limits, sink, problems).read(bytes, start, cancel);
      if (sink.documents().isEmpty() && wholeError != null && !firstLineIsObject(bytes, first)) {
        throw wholeError; // not JSON lines either: the whole file's first error, located
      }
    } else if (wholeError != null) {
      throw wholeError;
    } else {
      throw new TraceFileException(name + ":1: " + Shapes.describe(root) + "; " + EXPECTED);
    }
    return new TraceFile(
        name,
        format,
        lines,
        sink.documents(),
        problems.count(),
        problems.skippedLines(),
        problems.skippedItems(),
        problems.texts());
  }

  /** The file as one JSON value; a bad or over-deep one is refused, located. */
  private JsonNode parseWhole(String name, byte[] bytes, int start) {
    try {
      return json.readTree(bytes, start, bytes.length - start);
    } catch (StreamConstraintsException e) {
      throw new TraceFileException(
          name
              + located(e)
              + ": nested deeper than "
              + limits.maxDepth()
              + " levels, or a value over the size limit; not read",
          e);
    } catch (JsonProcessingException e) {
      throw new TraceFileException(
          name + located(e) + ": not valid JSON (" + JsonLines.reason(e) + "); " + EXPECTED, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the first line (from {@code first}) parses as a whole JSON object by itself. */
  private boolean firstLineIsObject(byte[] bytes, int first) {
    int end = first;
    while (end < bytes.length && bytes[end] != '\n') {
      end++;
    }
    if (end - first > limits.maxLineBytes()) {
      return true; // read as lines: that line is skipped as too long, the others read
    }
    try {
      JsonNode node = json.readTree(bytes, first, end - first);
      return node != null && node.isObject();
    } catch (IOException e) {
      return false;
    }
  }

  private static String located(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr();
  }

  static int lineOf(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c & 0xff);
  }
}
