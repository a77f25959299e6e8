package org.hopscope.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An integration path: its hops in order and the ID links between them, as read from a file in
 * {@code queries/}.
 *
 * @param name e.g. {@code orders}
 * @param description for people
 * @param hops in path order (at least one, unique names)
 * @param links re-keyings between hops
 * @param origin the file it was read from, for messages (may be null in tests)
 * @param maxJourney longest time a message's journey may span, or null for the default ({@link
 *     #journeyBound()})
 */
public record PathDef(
    String name,
    String description,
    List<Hop> hops,
    List<IdLink> links,
    String origin,
    Duration maxJourney) {

  public PathDef {
    hops = List.copyOf(hops);
    links = List.copyOf(links);
  }

  /** A path with the default journey bound. */
  public PathDef(
      String name, String description, List<Hop> hops, List<IdLink> links, String origin) {
    this(name, description, hops, links, origin, null);
  }

  /**
   * How far a search by ID looks beyond the evidence found: {@link #maxJourney()} or, by default,
   * twice the sum of the hops' SLAs and at least one hour.
   */
  public Duration journeyBound() {
    if (maxJourney != null) {
      return maxJourney;
    }
    Duration sum =
        hops.stream().map(Hop::sla).filter(Objects::nonNull).reduce(Duration.ZERO, Duration::plus);
    Duration twice = sum.multipliedBy(2);
    return twice.compareTo(Duration.ofHours(1)) < 0 ? Duration.ofHours(1) : twice;
  }

  public Optional<Hop> hop(String hopName) {
    return hops.stream().filter(h -> h.name().equals(hopName)).findFirst();
  }

  /** Position of a hop in the path, or -1. */
  public int indexOf(String hopName) {
    for (int i = 0; i < hops.size(); i++) {
      if (hops.get(i).name().equals(hopName)) {
        return i;
      }
    }
    return -1;
  }
}
