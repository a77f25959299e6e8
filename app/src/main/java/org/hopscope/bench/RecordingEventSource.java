package org.hopscope.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hopscope.model.BlindSource;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.FindResult;
import org.hopscope.source.FirstPages;
import org.hopscope.source.IdQuery;
import org.hopscope.source.KeyScan;

/**
 * Passes every call on and remembers the {@code find} rounds, so a benchmark can replay exactly the
 * round trips the engine made (its baseline).
 */
final class RecordingEventSource implements EventSource {

  /** One recorded round. */
  record Round(List<IdQuery> queries, TimeWindow window, int limit) {}

  private final EventSource delegate;
  private final List<Round> rounds = new ArrayList<>();

  RecordingEventSource(EventSource delegate) {
    this.delegate = delegate;
  }

  List<Round> rounds() {
    return List.copyOf(rounds);
  }

  @Override
  public FindResult find(
      List<IdQuery> queries,
      TimeWindow window,
      int limitPerQuery,
      Cancellation cancel,
      FirstPages.Listener early) {
    rounds.add(new Round(List.copyOf(queries), window, limitPerQuery));
    return delegate.find(queries, window, limitPerQuery, cancel, early);
  }

  @Override
  public KeyCursor scan(KeyScan scan, int pageSize, Cancellation cancel) {
    return delegate.scan(scan, pageSize, cancel);
  }

  /** Passed on, not recorded: the baseline replays only the {@code find} rounds. */
  @Override
  public List<BlindSource> blindSources(Collection<String> patterns, Cancellation cancel) {
    return delegate.blindSources(patterns, cancel);
  }

  @Override
  public void close() {
    // the delegate belongs to the caller
  }
}
