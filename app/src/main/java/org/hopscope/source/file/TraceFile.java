package org.hopscope.source.file;

import java.util.List;

/**
 * A trace or log file read into memory.
 *
 * @param name the file's name as given
 * @param format the format detected from its content
 * @param lines whether it was read as JSON lines (one value per line) rather than one JSON value
 * @param documents every span and log record, in file order
 * @param problems how many problems were met (each located; the first few in {@code examples})
 * @param skippedLines lines left out whole (not JSON, too long, too deep, of another shape)
 * @param skippedItems spans, records or documents left out (no time, no ID)
 * @param examples the first problems, each {@code file:line pointer: what}
 */
public record TraceFile(
    String name,
    TraceFormat format,
    boolean lines,
    List<FileDocument> documents,
    int problems,
    int skippedLines,
    int skippedItems,
    List<String> examples) {

  public TraceFile {
    documents = List.copyOf(documents);
    examples = List.copyOf(examples);
  }

  /** {@code OTLP JSON (JSON lines)} or {@code Zipkin v2 JSON}. */
  public String formatWords() {
    return format.words() + (lines && format != TraceFormat.NDJSON ? " lines" : "");
  }
}
