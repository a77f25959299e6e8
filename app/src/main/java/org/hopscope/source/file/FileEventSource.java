package org.hopscope.source.file;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.BlindSource;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.FindResult;
import org.hopscope.source.FirstPages;
import org.hopscope.source.IdQuery;
import org.hopscope.source.KeyScan;
import org.hopscope.source.SourceEvent;

/**
 * The {@link EventSource} over trace and log files read into memory, bound to one path: {@link
 * #find} matches each query's values against the documents placed at its hop source ({@link
 * FileHops}) the way Elasticsearch's exact {@code terms} would (a value's text, read through the
 * same {@link FieldPath}s the engine reads), in time order up to the limit. A pattern no document
 * was placed at is a blind source: its hop's events are unknown, not absent. Window scans and
 * counts are not offered (a file holds one incident's evidence, not a window's traffic).
 * Thread-safe (immutable).
 */
public final class FileEventSource implements EventSource {

  private final List<TraceFile> files;
  private final FileHops hops;

  /**
   * @param path the path the files are read for
   * @param files the files, read
   * @param named file name to hop name, for files given as {@code HOP=FILE}
   * @throws IllegalArgumentException when a named hop is not in the path
   */
  public FileEventSource(PathDef path, List<TraceFile> files, Map<String, String> named) {
    this.files = List.copyOf(files);
    this.hops = new FileHops(path, this.files, named);
  }

  /** The newest time of an event placed at a hop, or null when none has a readable time. */
  public Instant newest() {
    return hops.newest();
  }

  /** Per file what was read and skipped, then per file the documents that matched no hop. */
  public List<Notice> notices() {
    List<Notice> out = new ArrayList<>();
    for (TraceFile f : files) {
      out.add(
          new Notice.FileRead(
              f.name(),
              f.formatWords(),
              f.documents().size(),
              f.problems(),
              f.skippedLines(),
              f.skippedItems(),
              f.examples()));
    }
    for (FileHops.Unplaced u : hops.unplaced()) {
      out.add(new Notice.FileDocumentsUnplaced(u.file(), u.count(), u.services()));
    }
    return out;
  }

  @Override
  public FindResult find(
      List<IdQuery> queries,
      TimeWindow window,
      int limitPerQuery,
      Cancellation cancel,
      FirstPages.Listener early) {
    // read in one piece: never first pages
    if (limitPerQuery < 1) {
      throw new IllegalArgumentException("limitPerQuery must be at least 1, got " + limitPerQuery);
    }
    Map<String, SourceEvent> events = new LinkedHashMap<>();
    List<Notice> truncated = new ArrayList<>();
    for (IdQuery q : queries) {
      cancel.check();
      List<FileHops.Placed> candidates =
          hops.placed().getOrDefault(new FileHops.SourceKey(q.hop(), q.source()), List.of());
      List<FileHops.Placed> found = new ArrayList<>();
      for (FileHops.Placed p : candidates) {
        if (window != null && (p.time() == null || !window.contains(p.time()))) {
          continue;
        }
        Map<String, Object> doc = p.document().document();
        if (holds(q.field(), doc, q.values())
            && !excluded(q.source(), doc, q.excludingMessageIds())) {
          found.add(p);
        }
      }
      found.sort(
          Comparator.comparing(
              FileHops.Placed::time, Comparator.nullsLast(Comparator.naturalOrder())));
      if (found.size() > limitPerQuery) {
        truncated.add(
            new Notice.EventsTruncated(q.hop(), found.size(), q.source().index(), limitPerQuery));
        found = found.subList(0, limitPerQuery);
      }
      for (FileHops.Placed p : found) {
        FileDocument d = p.document();
        events.putIfAbsent(
            d.index() + "\u0000" + d.docId(),
            new SourceEvent(q.hop(), q.source(), d.index(), d.docId(), d.document()));
      }
    }
    return new FindResult(new ArrayList<>(events.values()), truncated);
  }

  private static boolean holds(FieldPath field, Map<String, Object> doc, Set<String> values) {
    for (Object v : field.read(doc)) {
      if (values.contains(String.valueOf(v))) {
        return true;
      }
    }
    return false;
  }

  private static boolean excluded(EventSourceDef source, Map<String, Object> doc, Set<String> ids) {
    if (ids.isEmpty()) {
      return false;
    }
    for (FieldPath id : source.fields().messageIds()) {
      if (holds(id, doc, ids)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@inheritDoc}
   *
   * <p>A pattern is blind when no document of the files was placed at a source with that pattern.
   */
  @Override
  public List<BlindSource> blindSources(Collection<String> patterns, Cancellation cancel) {
    Set<String> covered = new LinkedHashSet<>();
    hops.placed().keySet().forEach(k -> covered.add(k.source().index()));
    String names = String.join(", ", files.stream().map(TraceFile::name).toList());
    List<BlindSource> out = new ArrayList<>();
    for (String pattern : new LinkedHashSet<>(patterns)) {
      if (!covered.contains(pattern)) {
        out.add(
            new BlindSource(
                pattern,
                BlindSource.Reason.UNAVAILABLE,
                "no event in the files ("
                    + names
                    + ") belongs to it: none matched the hop by service name and no --file"
                    + " HOP=FILE named the hop"));
      }
    }
    return out;
  }

  @Override
  public KeyCursor scan(KeyScan scan, int pageSize, Cancellation cancel) {
    throw new UnsupportedOperationException(
        "trace files answer one message's flow only; a window's stuck analysis needs a backend");
  }

  @Override
  public void close() {
    // nothing held but memory
  }
}
