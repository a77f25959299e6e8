package org.hopscope.oncall;

/**
 * The JDK's common pool sized for reuse on small machines, set once at a face's start (before any
 * {@link java.util.concurrent.CompletableFuture} is made). With 2 cores the JDK sizes that pool to
 * 1 thread and then runs every async completion without an executor on a NEW thread: the JDK HTTP
 * client (Prometheus) completes every answer that way, so each panel query started and ended a
 * thread (4,356 threads in one {@code bench flow}). With 2 threads the pool's threads are reused.
 * An explicit {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism} is kept.
 */
public final class AsyncThreads {

  /** The JDK's property for the common pool's size. */
  static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private AsyncThreads() {}

  /** Sets the common pool's size when the user did not (call first thing in {@code main}). */
  public static void reuse() {
    String size = size(Runtime.getRuntime().availableProcessors(), System.getProperty(PROPERTY));
    if (size != null) {
      System.setProperty(PROPERTY, size);
    }
  }

  /**
   * The size to set for {@code cores} when {@code given} is the property's value: null to leave it
   * (given by the user, or the JDK's own choice of cores - 1 is already 2 or more).
   */
  static String size(int cores, String given) {
    if (given != null || cores - 1 >= 2) {
      return null;
    }
    return "2";
  }
}
