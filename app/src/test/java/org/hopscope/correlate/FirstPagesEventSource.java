package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource.KeyCursor;
import org.hopscope.source.FindResult;
import org.hopscope.source.FirstPages;
import org.hopscope.source.IdQuery;
import org.hopscope.source.KeyScan;
import org.hopscope.source.SourceEvent;

/**
 * An {@link InMemoryEventSource} that reads in pages as Elasticsearch does: a query with more
 * documents than {@link #firstPage} hands on every query's first page before the round's answer.
 */
final class FirstPagesEventSource implements org.hopscope.source.EventSource {

  private final InMemoryEventSource docs;
  private final int firstPage;
  final List<FirstPages> handedOn = new ArrayList<>();

  FirstPagesEventSource(InMemoryEventSource docs, int firstPage) {
    this.docs = docs;
    this.firstPage = firstPage;
  }

  @Override
  public FindResult find(
      List<IdQuery> queries,
      TimeWindow window,
      int limitPerQuery,
      Cancellation cancel,
      FirstPages.Listener early) {
    Map<String, SourceEvent> first = new LinkedHashMap<>();
    List<FirstPages.Pending> pending = new ArrayList<>();
    for (IdQuery q : queries) {
      List<SourceEvent> all = docs.find(List.of(q), window, limitPerQuery, cancel).events();
      List<SourceEvent> page = all.subList(0, Math.min(firstPage, all.size()));
      page.forEach(e -> first.putIfAbsent(e.index() + "/" + e.docId(), e));
      if (all.size() > page.size()) {
        pending.add(new FirstPages.Pending(q.hop(), q.source().index(), page.size(), all.size()));
      }
    }
    if (early != null && !pending.isEmpty()) {
      FirstPages pages = new FirstPages(List.copyOf(first.values()), pending);
      handedOn.add(pages);
      early.firstPages(pages);
    }
    return docs.find(queries, window, limitPerQuery, cancel);
  }

  @Override
  public KeyCursor scan(KeyScan scan, int pageSize, Cancellation cancel) {
    return docs.scan(scan, pageSize, cancel);
  }

  @Override
  public List<org.hopscope.model.BlindSource> blindSources(
      java.util.Collection<String> patterns, Cancellation cancel) {
    return docs.blindSources(patterns, cancel);
  }

  @Override
  public void close() {}
}
