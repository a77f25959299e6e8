package org.hopscope.source.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hopscope.source.Cancellation;

/**
 * A file read line by line: each line one JSON value, its shape decided by the first good line
 * (OTLP JSON lines, Jaeger JSON lines, or documents). A line that is blank is passed over; one that
 * is too long, too deep, not JSON or of another shape is skipped and located; the others are read.
 */
final class JsonLines {

  private final ObjectMapper json;
  private final TraceFileLimits limits;
  private final DocumentSink sink;
  private final FileProblems problems;

  JsonLines(ObjectMapper json, TraceFileLimits limits, DocumentSink sink, FileProblems problems) {
    this.json = json;
    this.limits = limits;
    this.sink = sink;
    this.problems = problems;
  }

  /** Reads {@code bytes} from {@code start}; returns the format the first good line decided. */
  TraceFormat read(byte[] bytes, int start, Cancellation cancel) {
    TraceFormat format = null;
    JsonNode action = null;
    int line = 0;
    for (int from = start; from < bytes.length; ) {
      int end = from;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      line++;
      int lineStart = from;
      from = end + 1;
      if (line % 1000 == 0) {
        cancel.check();
      }
      if (blank(bytes, lineStart, end)) {
        continue;
      }
      if (end - lineStart > limits.maxLineBytes()) {
        problems.skipLine(
            line,
            String.format(
                "%,d bytes long, over the line limit of %,d bytes: skipped",
                end - lineStart, limits.maxLineBytes()));
        continue;
      }
      JsonNode node = parse(bytes, lineStart, end, line);
      if (node == null) {
        continue;
      }
      sink.line(line);
      TraceFormat shape = shape(node);
      if (format == null) {
        format = shape;
      }
      if (format == TraceFormat.NDJSON) {
        JsonNode target = Shapes.bulkAction(node);
        if (target != null) {
          action = target;
          continue;
        }
        if (Shapes.searchHits(node) != null) {
          Shapes.read(TraceFormat.NDJSON, node, sink, cancel); // a saved search answer
        } else {
          Shapes.document(node, "", action, sink);
        }
        action = null;
      } else if (shape == format) {
        Shapes.read(format, node, sink, cancel);
      } else {
        problems.skipLine(
            line,
            "expected "
                + format.words()
                + " as on the lines before, found "
                + Shapes.describe(node)
                + ": skipped");
      }
    }
    return format == null ? TraceFormat.NDJSON : format;
  }

  private JsonNode parse(byte[] bytes, int from, int to, int line) {
    try {
      JsonNode node = json.readTree(bytes, from, to - from);
      if (node == null || !node.isObject()) {
        problems.skipLine(
            line,
            "expected a JSON object, found "
                + (node == null ? "nothing" : Shapes.describe(node))
                + ": skipped");
        return null;
      }
      return node;
    } catch (StreamConstraintsException e) {
      problems.skipLine(
          line,
          "nested deeper than " + limits.maxDepth() + " levels (or a value too long): skipped");
    } catch (JsonProcessingException e) {
      problems.skipLine(line, "not JSON (" + reason(e) + column(e) + "): skipped");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return null;
  }

  /** Jackson's words for a syntax error, without its echo of the input. */
  static String reason(JsonProcessingException e) {
    String text = e.getOriginalMessage().lines().findFirst().orElse("");
    int echo = text.indexOf(" (start marker");
    return echo < 0 ? text : text.substring(0, echo);
  }

  private static String column(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
  }

  private static TraceFormat shape(JsonNode node) {
    if (OtlpDocuments.is(node)) {
      return TraceFormat.OTLP;
    }
    if (JaegerDocuments.is(node)) {
      return TraceFormat.JAEGER;
    }
    return TraceFormat.NDJSON;
  }

  private static boolean blank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(bytes[i])) {
        return false;
      }
    }
    return true;
  }
}
