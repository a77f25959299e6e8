package org.hopscope.sandbox.seed;

/** Where the document writers put documents: one {@link #begin}/{@link #end} pair each. */
interface DocumentSink {

  /**
   * Starts a document of {@code family} whose timestamp is {@code observedMillis} (it chooses the
   * daily index) and returns the writer, positioned inside the document's top-level object.
   */
  JsonOut begin(IndexFamily family, long observedMillis);

  /** Finishes the document begun last. */
  void end();
}
