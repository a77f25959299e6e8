package org.hopscope.source;

import java.util.Collection;
import java.util.List;
import org.hopscope.model.BlindSource;
import org.hopscope.model.TimeWindow;

/**
 * Where a path's events are stored (Elasticsearch). Synchronous and thread-safe; every call can be
 * cancelled and fails with {@link SourceException} naming the backend and URL.
 */
public interface EventSource extends AutoCloseable {

  /**
   * One round of a flow search: all queries in one backend round trip (Elasticsearch {@code
   * _msearch}), each query's results paged through (point in time + {@code search_after}) up to
   * {@code limitPerQuery} documents.
   *
   * @param window time bound, or null for none
   * @param early when a query matched more documents than its first page, receives every query's
   *     first page before the rest is read (at most once per call, on the calling thread); null for
   *     none. Sources that read in one piece never call it.
   */
  FindResult find(
      List<IdQuery> queries,
      TimeWindow window,
      int limitPerQuery,
      Cancellation cancel,
      FirstPages.Listener early);

  /**
   * {@link #find(List, TimeWindow, int, Cancellation, FirstPages.Listener)} without first pages.
   */
  default FindResult find(
      List<IdQuery> queries, TimeWindow window, int limitPerQuery, Cancellation cancel) {
    return find(queries, window, limitPerQuery, cancel, null);
  }

  /**
   * Opens a paged, key-ordered scan (composite aggregation); pages hold at most {@code pageSize}
   * buckets. The caller pulls pages and closes the cursor.
   */
  KeyCursor scan(KeyScan scan, int pageSize, Cancellation cancel);

  /**
   * Counts documents, or distinct values of {@link CountQuery#distinct()}, of a {@link CountQuery}.
   * Distinct counts may be approximate (Elasticsearch: exact in practice up to 40,000 distinct
   * values, a few percent off beyond).
   *
   * @throws UnsupportedOperationException from sources that cannot count (the default)
   * @throws UnreadableIndexException when an index pattern matches no index or may not be read (a
   *     missing index never counts 0)
   * @throws SourceException when the backend fails
   */
  default long count(CountQuery query, Cancellation cancel) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot count documents");
  }

  /**
   * A hash sample of a {@link KeyScan}'s keys: the keys in partition {@code partition} of {@code
   * partitions} (Elasticsearch: a {@code terms} aggregation with {@code include.partition}, which
   * hashes the key's bytes, so a value lands in the same partition in every field and index), each
   * with the figures of a full scan's bucket, in ascending key order ({@link
   * org.hopscope.model.Utf8Order}). One backend round trip, no paging.
   *
   * @param partition which one, {@code 0 <= partition < partitions}
   * @param partitions how many partitions the key space is cut into (1: every key)
   * @param most most keys the sample may hold; a partition holding more fails (never a silently
   *     short sample)
   * @throws SampleTooLargeException when the partition holds more than {@code most} keys, or the
   *     backend refuses to build that many buckets
   * @throws UnsupportedOperationException from sources that cannot (the default)
   */
  default List<KeyBucket> sample(
      KeyScan scan, int partition, int partitions, int most, Cancellation cancel) {
    throw new UnsupportedOperationException(
        "this event source cannot sample message IDs without reading them all");
  }

  /**
   * Distinct key values per named set of documents, in one round trip and without a key scan (see
   * {@link DistinctCount}): estimates, exact only below {@link DistinctCount.Distinct#exactBelow}.
   *
   * @return per set name its answer, every set of the query answered
   * @throws UnsupportedOperationException from sources that cannot (the default)
   * @throws UnreadableIndexException when an index pattern matches no index or may not be read (a
   *     missing index never counts 0)
   * @throws SourceException when the backend fails
   */
  default java.util.Map<String, DistinctCount.Distinct> countDistinct(
      DistinctCount query, Cancellation cancel) {
    throw new UnsupportedOperationException(
        "this event source cannot count distinct message IDs without reading them");
  }

  /**
   * Which of {@code patterns} (event sources' index patterns) cannot be read for this user, each
   * with the reason; the readable ones are left out, so an empty list means all are readable. One
   * backend round trip for all patterns (none when every answer is still cached: implementations
   * may keep answers for a short while). {@link #find}, {@link #scan} and {@link #count} treat a
   * missing index as holding nothing, so a caller asks this before reading "no evidence" as a fact.
   *
   * @param patterns index patterns as the path definition spells them; duplicates are asked once
   * @return the unreadable patterns, in the order first given
   * @throws SourceException when the backend could not be asked (then nothing is known)
   */
  List<BlindSource> blindSources(Collection<String> patterns, Cancellation cancel);

  /**
   * Opens a paged, key-ordered scan of the values a field takes per key (a link's values per
   * message); pages hold at most {@code pageSize} keys. The caller pulls pages and closes the
   * cursor.
   *
   * @throws UnsupportedOperationException from sources that cannot (the default)
   */
  default ValuesCursor scanValues(KeyValuesScan scan, int pageSize, Cancellation cancel) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " cannot list values per key");
  }

  /** A pull cursor over a {@link KeyValuesScan}. */
  interface ValuesCursor extends AutoCloseable {
    /** The next page in ascending key order; empty when the scan is done. */
    List<KeyValues> next();

    @Override
    void close();
  }

  /** A pull cursor over a {@link KeyScan}. */
  interface KeyCursor extends AutoCloseable {
    /** The next page in ascending key order; empty when the scan is done. */
    List<KeyBucket> next();

    @Override
    void close();
  }

  @Override
  void close();
}
