package org.hopscope.source.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.EventSourceDef;

/**
 * Where the documents of one file go as they are converted, with the line being read (0 for a file
 * read as one JSON value) for locating problems and naming documents. Not thread-safe.
 */
final class DocumentSink {

  private final String file;
  private final FileProblems problems;
  private final int maxDocuments;
  private final List<FileDocument> documents = new ArrayList<>();
  private int line;
  private int inLine;
  private int inFile;

  DocumentSink(String file, FileProblems problems, int maxDocuments) {
    this.file = file;
    this.problems = problems;
    this.maxDocuments = maxDocuments;
  }

  /** Starts line {@code line} (1-based), or 0 for the whole file. */
  void line(int line) {
    this.line = line;
    this.inLine = 0;
  }

  /** A span or log record, named by its place: {@code line N #M}, or {@code #M} in the file. */
  void add(EventSourceDef.Kind kind, Map<String, Object> document) {
    inLine++;
    inFile++;
    String id = line > 0 ? "line " + line + " #" + inLine : "#" + inFile;
    put(new FileDocument(file, id, kind, document));
  }

  /**
   * An exported document: with its {@code _index} and {@code _id} when the export names them, else
   * named by its line.
   */
  void addExported(String index, String id, Map<String, Object> document) {
    inLine++;
    inFile++;
    String docId =
        id != null
            ? id
            : line > 0 ? "line " + line + (inLine > 1 ? " #" + inLine : "") : "#" + inFile;
    put(new FileDocument(index != null ? index : file, docId, null, document));
  }

  private void put(FileDocument document) {
    if (documents.size() >= maxDocuments) {
      throw new TraceFileException(
          file
              + (line > 0 ? ":" + line : "")
              + ": more than "
              + maxDocuments
              + " spans, records or documents, the limit of one file; split the file or export"
              + " a shorter time range");
    }
    documents.add(document);
  }

  /** A problem at {@code pointer} that was read around. */
  void problem(String pointer, String problem) {
    problems.add(line, pointer, problem);
  }

  /** A span, record or document at {@code pointer} left out. */
  void skip(String pointer, String problem) {
    problems.skipItem(line, pointer, problem);
  }

  List<FileDocument> documents() {
    return documents;
  }
}
