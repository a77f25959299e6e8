package org.hopscope.source.elastic;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hopscope.model.BlindSource;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.CountQuery;
import org.hopscope.source.EventSource;
import org.hopscope.source.FindResult;
import org.hopscope.source.FirstPages;
import org.hopscope.source.IdQuery;
import org.hopscope.source.KeyScan;
import org.hopscope.source.KeyValuesScan;

/**
 * The {@link EventSource} on Elasticsearch or OpenSearch (their differences in {@link
 * SearchDialect}): {@link #find} is one {@code _msearch} (plus point in time + {@code search_after}
 * for queries with more than 1,000 documents, read in two slices at once from 40,000), {@link
 * #scan} a composite aggregation paged by {@code after_key}, {@link #blindSources} one {@code
 * _msearch} of empty searches ({@link IndexProbe}) whose answers are kept 30 s ({@link
 * BlindSourceCache}). Only core server features; read-only. Closing it closes its connection.
 */
public final class ElasticEventSource implements EventSource {

  private final ElasticConnection connection;
  private final ExecutorService slices;
  private final IdSearch search;
  private final BlindSourceCache blind;

  public ElasticEventSource(ElasticConnection connection) {
    this(connection, Clock.systemUTC());
  }

  /** With the clock the blind-source answers age by (tests). */
  ElasticEventSource(ElasticConnection connection, Clock clock) {
    this.connection = connection;
    this.blind = new BlindSourceCache(clock);
    this.slices =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "hopscope-es-slice");
              t.setDaemon(true);
              return t;
            });
    this.search = new IdSearch(connection, slices);
  }

  @Override
  public FindResult find(
      List<IdQuery> queries,
      TimeWindow window,
      int limitPerQuery,
      Cancellation cancel,
      FirstPages.Listener early) {
    return search.find(queries, window, limitPerQuery, cancel, early);
  }

  /**
   * {@inheritDoc}
   *
   * @param pageSize 1 to 10,000 buckets per page
   */
  @Override
  public KeyCursor scan(KeyScan scan, int pageSize, Cancellation cancel) {
    return new KeyScanCursor(connection, scan, pageSize, cancel);
  }

  /**
   * {@inheritDoc}
   *
   * @param pageSize keys per page, at most {@link ValuesScanCursor#MAX_PAGE} used
   */
  @Override
  public ValuesCursor scanValues(KeyValuesScan scan, int pageSize, Cancellation cancel) {
    return new ValuesScanCursor(connection, scan, pageSize, cancel);
  }

  /** {@inheritDoc} One {@code _search} with {@code size: 0}, see {@link ElasticCount}. */
  @Override
  public long count(CountQuery query, Cancellation cancel) {
    return ElasticCount.count(connection, query, cancel);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One {@code _search} of {@code cardinality} aggregations ({@link ElasticDistinct}).
   */
  @Override
  public java.util.Map<String, org.hopscope.source.DistinctCount.Distinct> countDistinct(
      org.hopscope.source.DistinctCount query, Cancellation cancel) {
    return ElasticDistinct.count(connection, query, cancel);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One {@code _search} of a partitioned {@code terms} aggregation ({@link KeySample}).
   */
  @Override
  public List<org.hopscope.source.KeyBucket> sample(
      KeyScan scan, int partition, int partitions, int most, Cancellation cancel) {
    return KeySample.sample(connection, scan, partition, partitions, most, cancel);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Answers are kept per pattern for 30 s (a closed index or unavailable shards are asked
   * again); a wildcard pattern whose indices this user may not read is {@link
   * BlindSource.Reason#NO_INDEX}, as Elasticsearch reports it, see {@link IndexProbe}.
   */
  @Override
  public List<BlindSource> blindSources(Collection<String> patterns, Cancellation cancel) {
    IndexProbe probe = new IndexProbe(connection);
    return blind.blindSources(patterns, ask -> probe.blindSources(ask, cancel));
  }

  /**
   * The benchmark baseline for {@link #find}: the plainest read of the same documents, one point in
   * time per query and {@code search_after} pages of 10,000 in a row, each answer only scanned for
   * its last sort values (no documents built), with nothing of the flow search around it.
   *
   * @return the documents transferred
   */
  public long bareTransfer(List<IdQuery> queries, TimeWindow window, Cancellation cancel) {
    return new BareTransfer(connection, search).documents(queries, window, cancel);
  }

  @Override
  public void close() {
    slices.shutdownNow();
    connection.close();
  }
}
