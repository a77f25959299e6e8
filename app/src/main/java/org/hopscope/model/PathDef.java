package org.hopscope.model;

import java.util.List;
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
 */
public record PathDef(
    String name, String description, List<Hop> hops, List<IdLink> links, String origin) {

  public PathDef {
    hops = List.copyOf(hops);
    links = List.copyOf(links);
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
