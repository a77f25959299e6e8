package org.hopscope.oncall;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hopscope.config.ClosestName;

/** What a misspelt index pattern most likely meant, among the index names a user may see. */
final class ClosestPattern {

  private ClosestPattern() {}

  /**
   * What a pattern that matches nothing most likely meant, among the names the user may see: for
   * {@code logs-fulfilmnet-*} and an index {@code logs-fulfilment-2026.05.01}, {@code
   * logs-fulfilment-*}. The part before the first {@code *} is compared with the names' beginnings
   * of about the same length (ending at a separator when it does).
   */
  static Optional<String> of(String pattern, List<String> names) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return ClosestName.of(pattern, names).filter(n -> !n.equals(pattern));
    }
    String prefix = pattern.substring(0, star);
    if (prefix.length() < 3) {
      return Optional.empty();
    }
    boolean separated = "-._".indexOf(prefix.charAt(prefix.length() - 1)) >= 0;
    Set<String> beginnings = new LinkedHashSet<>();
    for (String name : names) {
      for (int end = Math.max(1, prefix.length() - 3);
          end <= Math.min(name.length(), prefix.length() + 3);
          end++) {
        if (!separated || "-._".indexOf(name.charAt(end - 1)) >= 0) {
          beginnings.add(name.substring(0, end));
        }
      }
    }
    // on a tie the beginning as long as the typed part wins: the likelier slip
    List<String> byLength =
        beginnings.stream()
            .sorted(java.util.Comparator.comparingInt(b -> Math.abs(b.length() - prefix.length())))
            .toList();
    return ClosestName.of(prefix, byLength)
        .filter(b -> !b.equals(prefix))
        .map(b -> b + pattern.substring(star));
  }
}
