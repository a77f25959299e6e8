package org.hopscope.oncall;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hopscope.model.Hop;
import org.hopscope.model.PathDef;

/**
 * Which path's hop an alert is about, by its labels (docs/alert-links.md): the first of {@link
 * #HOP_LABELS} whose value is a hop's name or its metrics {@code service} names that hop; else a
 * {@code path} label equal to the path's name ties it to the path without a hop. Nothing else
 * matches: an alert with neither is on another path.
 */
final class AlertPaths {

  /** The labels that can name a hop, in the order they are tried. */
  static final List<String> HOP_LABELS =
      List.of("hop", "service", "job", "topic", "group", "consumergroup", "consumer_group", "app");

  /**
   * What tied an alert to the path.
   *
   * @param hop the hop's name, or null (matched by the path label)
   * @param matchedBy the label and value, e.g. {@code service=erp-adapter}
   */
  record Match(String hop, String matchedBy) {}

  private AlertPaths() {}

  /** The match of {@code labels} on {@code path}, or empty when the alert is not about it. */
  static Optional<Match> match(PathDef path, Map<String, String> labels) {
    for (String label : HOP_LABELS) {
      String value = labels.get(label);
      if (value == null || value.isEmpty()) {
        continue;
      }
      for (Hop hop : path.hops()) {
        if (value.equals(hop.name()) || value.equals(hop.service())) {
          return Optional.of(new Match(hop.name(), label + "=" + value));
        }
      }
    }
    if (path.name().equals(labels.get("path"))) {
      return Optional.of(new Match(null, "path=" + path.name()));
    }
    return Optional.empty();
  }
}
