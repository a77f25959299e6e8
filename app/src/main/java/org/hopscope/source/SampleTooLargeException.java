package org.hopscope.source;

/**
 * A hash sample's partition that cannot be read in one request: it holds more keys than the sample
 * may, or the backend refused to build that many buckets ({@code too_many_buckets_exception},
 * {@code search.max_buckets}). Never a silently short sample: the caller reads the partition as
 * smaller ones instead (partition {@code p} of {@code n} is partitions {@code p} and {@code p + n}
 * of {@code 2n}) or says why it cannot.
 */
public final class SampleTooLargeException extends SourceException {
  private static final long serialVersionUID = 1L;

  public SampleTooLargeException(String source, String message, Throwable cause) {
    super(source, Kind.REJECTED, message, cause);
  }
}
