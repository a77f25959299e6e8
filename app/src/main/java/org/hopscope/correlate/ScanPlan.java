package org.hopscope.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.Condition;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.KeyScan;
import org.hopscope.source.KeyValuesScan;

/**
 * The key scans of one merge pass: per hop one scan per distinct (key field, timestamp, conditions)
 * among its sources, so sources that name things alike share a scan and others are merged by key;
 * plus the values scans that list a link's values per key. Unreadable index patterns are left out.
 *
 * <p>Each scan is read in time slices: the look-back before the analysed window is a slice of its
 * own (docs/decisions/0051-look-back-scanned-as-its-own-slice.md). A composite page visits every
 * document of its query, so a scan costs about documents x pages; the look-back's slice costs about
 * the square of its share instead of its share of the whole scan. The merge combines a key's
 * buckets of every slice as it combines those of a hop's several scans (earliest first, latest
 * last, any failure), so the answers are those of one scan of the whole window.
 */
final class ScanPlan {

  /**
   * One scan and what it stands for.
   *
   * @param hop index of the hop in the path
   * @param marker whether it only marks keys whose documents carry a link value (counted as
   *     failures of the scan)
   * @param scan the pushed-down question
   */
  record Stream(int hop, boolean marker, KeyScan scan) {
    String name() {
      return "%shop #%d %s by %s, %s .. %s"
          .formatted(
              marker ? "link marker of " : "",
              hop,
              scan.indices(),
              scan.key(),
              scan.window().from(),
              scan.window().to());
    }
  }

  /**
   * One values scan and what it stands for.
   *
   * @param hop index of the hop in the path
   * @param scan the pushed-down question
   */
  record ValuesStream(int hop, KeyValuesScan scan) {
    String name() {
      return "values of hop #%d %s by %s, %s .. %s"
          .formatted(hop, scan.indices(), scan.key(), scan.window().from(), scan.window().to());
    }
  }

  private final Map<String, Stream> streams = new LinkedHashMap<>();
  private final Map<String, ValuesStream> values = new LinkedHashMap<>();
  private final TimeWindow window;
  private final List<TimeWindow> slices;
  private final Set<String> blind;

  ScanPlan(TimeWindow window) {
    this(window, Set.of());
  }

  /**
   * @param blind index patterns that cannot be read: their sources are not scanned
   */
  ScanPlan(TimeWindow window, Set<String> blind) {
    this(window, null, blind);
  }

  /**
   * @param window the time every scan covers
   * @param cut where it is cut in two slices (the analysed window's start, after the look-back);
   *     null, or not inside {@code window}: one slice
   * @param blind index patterns that cannot be read: their sources are not scanned
   */
  ScanPlan(TimeWindow window, Instant cut, Set<String> blind) {
    this.window = window;
    this.slices = slices(window, cut);
    this.blind = Set.copyOf(blind);
  }

  /**
   * The plan of an analysis pass over {@code scanned}: the look-back before {@code tally}'s window
   * is a slice of its own where {@code options} say so.
   */
  static ScanPlan of(
      TimeWindow scanned, StuckOptions options, StuckTally tally, Set<String> blind) {
    return new ScanPlan(scanned, options.lookBackSlice() ? tally.windowStart() : null, blind);
  }

  /** {@code window} as {@code [from, cut)} and {@code [cut, to)}, or whole if cut lies outside. */
  static List<TimeWindow> slices(TimeWindow window, Instant cut) {
    if (cut == null || !cut.isAfter(window.from()) || !cut.isBefore(window.to())) {
      return List.of(window);
    }
    return List.of(new TimeWindow(window.from(), cut), new TimeWindow(cut, window.to()));
  }

  /**
   * Scans hop {@code hop}'s sources keyed by {@code key}, or by their message-ID fields if null.
   */
  void add(int hop, Hop def, FieldPath key, boolean withConditions) {
    for (EventSourceDef s : readable(def)) {
      List<FieldPath> keys = key == null ? s.fields().messageIds() : List.of(key);
      for (FieldPath k : keys) {
        List<Condition> failure = withConditions ? s.fields().failure() : List.of();
        List<Condition> dead = withConditions ? s.fields().deadLetter() : List.of();
        put(hop, false, s, k, failure, dead);
      }
    }
  }

  /**
   * Marks keys (message-ID fields) of hop {@code hop} whose documents carry {@code linkField}.
   * Where the hop's own scan (added before) reads the source by the same key, it counts the marks
   * too ({@link KeyScan#mark()}): the same documents, one scan fewer; else a marker scan of its
   * own.
   */
  void addMarker(int hop, Hop def, FieldPath linkField) {
    List<Condition> carries = List.of(new Condition(linkField, Condition.Op.EXISTS, List.of()));
    for (EventSourceDef s : readable(def)) {
      for (FieldPath k : s.fields().messageIds()) {
        if (!markOwn(hop, s, k, carries)) {
          put(hop, true, s, k, carries, List.of());
        }
      }
    }
  }

  /** Adds {@code carries} as the marks of hop {@code hop}'s own scan of source {@code s} by key. */
  private boolean markOwn(int hop, EventSourceDef s, FieldPath key, List<Condition> carries) {
    for (Map.Entry<String, Stream> e : streams.entrySet()) {
      Stream own = e.getValue();
      KeyScan scan = own.scan();
      if (own.hop() == hop
          && !own.marker()
          && scan.key().equals(key)
          && scan.indices().contains(s.index())
          && (scan.mark().isEmpty() || scan.mark().equals(carries))) {
        e.setValue(new Stream(hop, false, scan.withMark(carries)));
        return true;
      }
    }
    return false;
  }

  /**
   * Lists per key (hop {@code hop}'s {@code key} field, or its message-ID fields if null) the
   * values of {@code valueField} (a link's from-field) its documents carry.
   */
  void addValues(int hop, Hop def, FieldPath key, FieldPath valueField) {
    for (EventSourceDef s : readable(def)) {
      List<FieldPath> keys = key == null ? s.fields().messageIds() : List.of(key);
      for (FieldPath k : keys) {
        String id =
            String.join(
                "\u0000",
                Integer.toString(hop),
                k.text(),
                valueField.text(),
                s.fields().timestamp().text(),
                s.fields().timestampFormat().name());
        ValuesStream had = values.get(id);
        List<String> indices = new ArrayList<>(had == null ? List.of() : had.scan().indices());
        if (!indices.contains(s.index())) {
          indices.add(s.index());
        }
        values.put(
            id,
            new ValuesStream(
                hop,
                new KeyValuesScan(
                    indices,
                    k,
                    valueField,
                    s.fields().timestamp(),
                    s.fields().timestampFormat(),
                    window)));
      }
    }
  }

  private List<EventSourceDef> readable(Hop def) {
    return def.sources().stream().filter(s -> !blind.contains(s.index())).toList();
  }

  private void put(
      int hop,
      boolean marker,
      EventSourceDef s,
      FieldPath key,
      List<Condition> failure,
      List<Condition> dead) {
    String id =
        String.join(
            "\u0000",
            Integer.toString(hop),
            Boolean.toString(marker),
            key.text(),
            s.fields().timestamp().text(),
            s.fields().timestampFormat().name(),
            failure.toString(),
            dead.toString());
    Stream had = streams.get(id);
    List<String> indices = new ArrayList<>(had == null ? List.of() : had.scan().indices());
    if (!indices.contains(s.index())) {
      indices.add(s.index());
    }
    streams.put(
        id,
        new Stream(
            hop,
            marker,
            new KeyScan(
                indices,
                key,
                s.fields().timestamp(),
                s.fields().timestampFormat(),
                window,
                failure,
                dead,
                had == null ? List.of() : had.scan().mark())));
  }

  /** Every scan to open, one per planned scan and slice (a hop's buckets are combined by key). */
  List<Stream> streams() {
    List<Stream> out = new ArrayList<>(streams.size() * slices.size());
    for (Stream s : streams.values()) {
      for (TimeWindow slice : slices) {
        out.add(new Stream(s.hop(), s.marker(), s.scan().within(slice)));
      }
    }
    return List.copyOf(out);
  }

  /** Every values scan to open, one per planned scan and slice (values are united by key). */
  List<ValuesStream> valueStreams() {
    List<ValuesStream> out = new ArrayList<>(values.size() * slices.size());
    for (ValuesStream s : values.values()) {
      for (TimeWindow slice : slices) {
        out.add(new ValuesStream(s.hop(), s.scan().within(slice)));
      }
    }
    return List.copyOf(out);
  }

  /** Opens every scan and merges them, pages fetched on {@code prefetch}; the caller closes it. */
  KeyMerge open(EventSource source, StuckOptions options, Cancellation cancel) {
    int pageSize = options.pageSize();
    List<EventSource.KeyCursor> cursors = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<EventSource.ValuesCursor> valueCursors = new ArrayList<>();
    List<String> valueNames = new ArrayList<>();
    try {
      for (Stream s : streams()) {
        cursors.add(source.scan(s.scan(), pageSize, cancel));
        names.add(s.name());
      }
      for (ValuesStream s : valueStreams()) {
        valueCursors.add(source.scanValues(s.scan(), pageSize, cancel));
        valueNames.add(s.name());
      }
    } catch (RuntimeException e) {
      cursors.forEach(EventSource.KeyCursor::close);
      valueCursors.forEach(EventSource.ValuesCursor::close);
      throw e;
    }
    return new KeyMerge(cursors, names, valueCursors, valueNames, options.prefetch());
  }
}
