package org.hopscope.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hopscope.model.BlindSource;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Notice;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.model.Utf8Order;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.FindResult;
import org.hopscope.source.FirstPages;
import org.hopscope.source.IdQuery;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;
import org.hopscope.source.KeyValues;
import org.hopscope.source.KeyValuesScan;
import org.hopscope.source.SourceEvent;

/**
 * An {@link EventSource} over documents in memory, for the engine's pure-logic tests: exact term
 * matching, index patterns with a trailing {@code *}, keys in UTF-8 byte order, paging.
 */
class InMemoryEventSource implements EventSource {

  /** One stored document. */
  record Doc(String index, String id, Map<String, Object> source) {}

  final List<Doc> docs = new ArrayList<>();
  final AtomicInteger finds = new AtomicInteger();
  final AtomicInteger scans = new AtomicInteger();
  final AtomicInteger blindChecks = new AtomicInteger();

  /** Patterns a test declares unreadable; every other pattern is readable (even with no docs). */
  final Map<String, BlindSource> blind = new LinkedHashMap<>();

  final List<List<IdQuery>> findCalls = new ArrayList<>();
  int maxPageSeen;

  InMemoryEventSource add(String index, String id, Map<String, Object> source) {
    byValue.clear();
    docs.add(new Doc(index, id, source));
    return this;
  }

  /** Declares {@code pattern} unreadable for {@code reason}. */
  InMemoryEventSource blind(String pattern, BlindSource.Reason reason) {
    blind.put(pattern, new BlindSource(pattern, reason, "declared by the test"));
    return this;
  }

  /** The declared unreadable patterns among {@code patterns}, in their order; one check counted. */
  @Override
  public synchronized List<BlindSource> blindSources(
      Collection<String> patterns, Cancellation cancel) {
    cancel.check();
    blindChecks.incrementAndGet();
    return patterns.stream().distinct().filter(blind::containsKey).map(blind::get).toList();
  }

  static boolean matches(String pattern, String index) {
    return pattern.endsWith("*")
        ? index.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(index);
  }

  private static Instant time(Doc d, FieldPath field, TimestampFormat format) {
    try {
      return format.parse(field.readFirst(d.source()));
    } catch (IllegalArgumentException e) {
      return null; // a document without a readable time is outside every window, as in ES
    }
  }

  @Override
  public synchronized FindResult find(
      List<IdQuery> queries,
      TimeWindow window,
      int limitPerQuery,
      Cancellation cancel,
      FirstPages.Listener early) {
    cancel.check();
    finds.incrementAndGet();
    findCalls.add(List.copyOf(queries));
    Map<String, SourceEvent> out = new LinkedHashMap<>();
    List<Notice> truncated = new ArrayList<>();
    for (IdQuery q : queries) {
      int n = 0;
      EventSourceDef s = q.source();
      for (Doc d : candidates(q)) {
        if (!matches(s.index(), d.index())) {
          continue;
        }
        if (window != null) {
          Instant t = time(d, s.fields().timestamp(), s.fields().timestampFormat());
          if (t == null || !window.contains(t)) {
            continue;
          }
        }
        boolean hit =
            q.field().read(d.source()).stream()
                .anyMatch(v -> q.values().contains(String.valueOf(v)));
        if (!hit || excluded(q, d.source())) {
          continue;
        }
        if (n == limitPerQuery) {
          truncated.add(
              new Notice.EventsTruncated(q.hop(), limitPerQuery + 1, s.index(), limitPerQuery));
          break;
        }
        n++;
        out.putIfAbsent(
            d.index() + "/" + d.id(), new SourceEvent(q.hop(), s, d.index(), d.id(), d.source()));
      }
    }
    return new FindResult(List.copyOf(out.values()), truncated);
  }

  /** Like Elasticsearch's must_not: a message-ID field holds one of the excluded IDs. */
  private static boolean excluded(IdQuery q, Map<String, Object> document) {
    return q.source().fields().messageIds().stream()
        .flatMap(f -> f.read(document).stream())
        .anyMatch(v -> q.excludingMessageIds().contains(String.valueOf(v)));
  }

  @Override
  public synchronized KeyCursor scan(KeyScan scan, int pageSize, Cancellation cancel) {
    scans.incrementAndGet();
    TreeMap<String, long[]> times = new TreeMap<>(Utf8Order.INSTANCE);
    for (Doc d : docs) {
      if (scan.indices().stream().noneMatch(p -> matches(p, d.index()))) {
        continue;
      }
      Instant t = time(d, scan.timestamp(), scan.timestampFormat());
      if (t == null || !scan.window().contains(t)) {
        continue;
      }
      long micros = t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
      boolean failure = scan.failure().stream().anyMatch(c -> c.matches(d.source()));
      boolean terminal =
          scan.failure().stream().anyMatch(c -> c.terminal() && c.matches(d.source()));
      boolean dead = scan.deadLetter().stream().anyMatch(c -> c.matches(d.source()));
      boolean marked = scan.mark().stream().anyMatch(c -> c.matches(d.source()));
      for (Object v : new java.util.LinkedHashSet<>(scan.key().read(d.source()))) {
        long[] b =
            times.computeIfAbsent(
                String.valueOf(v),
                k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0, 0, 0, Long.MIN_VALUE, 0, 0});
        b[0] = Math.min(b[0], micros);
        b[1] = Math.max(b[1], micros);
        b[2]++;
        b[3] += failure ? 1 : 0;
        b[4] += dead ? 1 : 0;
        b[5] = failure ? Math.max(b[5], micros) : b[5];
        b[6] += terminal ? 1 : 0;
        b[7] += marked ? 1 : 0;
      }
    }
    List<KeyBucket> all = new ArrayList<>();
    times.forEach(
        (k, b) ->
            all.add(
                new KeyBucket(
                    k,
                    micros(b[0]),
                    micros(b[1]),
                    b[2],
                    b[3],
                    b[4],
                    b[3] > 0 ? micros(b[5]) : null,
                    b[6],
                    b[7])));
    return new KeyCursor() {
      int pos;

      @Override
      public List<KeyBucket> next() {
        cancel.check();
        List<KeyBucket> page = all.subList(pos, Math.min(all.size(), pos + pageSize));
        pos += page.size();
        maxPageSeen = Math.max(maxPageSeen, page.size());
        return List.copyOf(page);
      }

      @Override
      public void close() {}
    };
  }

  /** Like Elasticsearch's composite on the key with a terms sub-aggregation on the value. */
  @Override
  public synchronized ValuesCursor scanValues(
      KeyValuesScan scan, int pageSize, Cancellation cancel) {
    scans.incrementAndGet();
    TreeMap<String, java.util.TreeSet<String>> values = new TreeMap<>(Utf8Order.INSTANCE);
    for (Doc d : docs) {
      if (scan.indices().stream().noneMatch(p -> matches(p, d.index()))) {
        continue;
      }
      Instant t = time(d, scan.timestamp(), scan.timestampFormat());
      if (t == null || !scan.window().contains(t)) {
        continue;
      }
      List<Object> vs = scan.value().read(d.source());
      if (vs.isEmpty()) {
        continue;
      }
      for (Object k : scan.key().read(d.source())) {
        java.util.TreeSet<String> set =
            values.computeIfAbsent(
                String.valueOf(k), x -> new java.util.TreeSet<>(Utf8Order.INSTANCE));
        vs.forEach(v -> set.add(String.valueOf(v)));
      }
    }
    List<KeyValues> all = new ArrayList<>();
    values.forEach((k, vs) -> all.add(new KeyValues(k, List.copyOf(vs))));
    return new ValuesCursor() {
      int pos;

      @Override
      public List<KeyValues> next() {
        cancel.check();
        List<KeyValues> page = all.subList(pos, Math.min(all.size(), pos + pageSize));
        pos += page.size();
        maxPageSeen = Math.max(maxPageSeen, page.size());
        return List.copyOf(page);
      }

      @Override
      public void close() {}
    };
  }

  private final Map<String, Map<String, List<Doc>>> byValue = new java.util.HashMap<>();

  /**
   * The documents holding one of the query's values in its field (an inverted index, built once).
   */
  private List<Doc> candidates(IdQuery q) {
    Map<String, List<Doc>> index =
        byValue.computeIfAbsent(
            q.source().index() + "\u0000" + q.field().text(),
            k -> {
              Map<String, List<Doc>> m = new java.util.HashMap<>();
              for (Doc d : docs) {
                if (matches(q.source().index(), d.index())) {
                  for (Object v : q.field().read(d.source())) {
                    m.computeIfAbsent(String.valueOf(v), x -> new ArrayList<>()).add(d);
                  }
                }
              }
              return m;
            });
    java.util.LinkedHashSet<Doc> out = new java.util.LinkedHashSet<>();
    for (String v : q.values()) {
      out.addAll(index.getOrDefault(v, List.of()));
    }
    return List.copyOf(out);
  }

  private static Instant micros(long m) {
    return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000), Math.floorMod(m, 1_000_000) * 1_000);
  }

  @Override
  public void close() {}
}
