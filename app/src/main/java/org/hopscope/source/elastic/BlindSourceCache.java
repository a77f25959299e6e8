package org.hopscope.source.elastic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hopscope.model.BlindSource;
import org.hopscope.model.BlindSource.Reason;

/**
 * The answers of {@link IndexProbe#blindSources} kept per pattern for {@link #TTL}, so that the
 * flows and window analyses of the next half minute ask nothing: a call whose patterns are all
 * fresh makes no round trip, else one for the patterns that are not. Only lasting answers are kept
 * (readable, {@link Reason#NO_INDEX}, {@link Reason#NO_PRIVILEGE}); {@link Reason#UNAVAILABLE} (a
 * closed index, shards down, an overload) is asked again each time. Thread-safe.
 */
final class BlindSourceCache {

  /** How long an answer is kept. */
  static final Duration TTL = Duration.ofSeconds(30);

  private record Entry(Instant at, Optional<BlindSource> blind) {}

  private final Clock clock;
  private final Map<String, Entry> entries = new HashMap<>();

  BlindSourceCache(Clock clock) {
    this.clock = clock;
  }

  /**
   * The unreadable patterns of {@code patterns}, in the order given, asking {@code probe} (once)
   * about the patterns without a fresh answer.
   */
  List<BlindSource> blindSources(
      Collection<String> patterns, Function<List<String>, List<BlindSource>> probe) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(patterns));
    Map<String, Optional<BlindSource>> known = new HashMap<>();
    List<String> ask = new ArrayList<>();
    synchronized (this) {
      Instant now = clock.instant();
      entries.values().removeIf(e -> !now.isBefore(e.at().plus(TTL)));
      for (String pattern : distinct) {
        Entry e = entries.get(pattern);
        if (e == null) {
          ask.add(pattern);
        } else {
          known.put(pattern, e.blind());
        }
      }
    }
    if (!ask.isEmpty()) {
      Instant asked = clock.instant();
      Map<String, BlindSource> answered = new HashMap<>();
      probe.apply(ask).forEach(b -> answered.put(b.pattern(), b));
      synchronized (this) {
        for (String pattern : ask) {
          Optional<BlindSource> blind = Optional.ofNullable(answered.get(pattern));
          known.put(pattern, blind);
          if (blind.map(b -> b.reason() != Reason.UNAVAILABLE).orElse(true)) {
            entries.put(pattern, new Entry(asked, blind));
          }
        }
      }
    }
    List<BlindSource> out = new ArrayList<>();
    distinct.forEach(p -> known.get(p).ifPresent(out::add));
    return out;
  }
}
