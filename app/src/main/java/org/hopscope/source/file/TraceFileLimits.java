package org.hopscope.source.file;

/**
 * How much of a file is read before it is refused: a file larger than {@code maxFileBytes}, or with
 * more documents than {@code maxDocuments}, is refused whole; a line longer than {@code
 * maxLineBytes} or nested deeper than {@code maxDepth} is skipped with a located problem.
 *
 * @param maxFileBytes largest file read (bytes)
 * @param maxLineBytes longest line of a JSON-lines file (bytes)
 * @param maxDepth deepest nesting of JSON objects and arrays
 * @param maxDocuments most documents (spans, log records, lines) one file may hold
 * @param problemsKept how many problems per file are kept with their location (all are counted)
 */
public record TraceFileLimits(
    long maxFileBytes, int maxLineBytes, int maxDepth, int maxDocuments, int problemsKept) {

  /** 512 MiB files, 16 MiB lines, depth 64, 2,000,000 documents, 20 problems kept. */
  public static final TraceFileLimits DEFAULTS =
      new TraceFileLimits(512L << 20, 16 << 20, 64, 2_000_000, 20);

  public TraceFileLimits {
    if (maxFileBytes < 1 || maxLineBytes < 1 || maxDepth < 2 || maxDocuments < 1) {
      throw new IllegalArgumentException("trace file limits must be positive");
    }
  }
}
