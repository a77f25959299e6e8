package org.hopscope.ui.look;

import java.util.List;
import org.hopscope.model.BlindSource;

/**
 * How every view says that a source could not be read: the pattern and the reason in a few words,
 * e.g. "logs-fulfil-* (no index matches)". Such a hop is unknown, never "no evidence" or zero.
 */
public final class BlindLook {

  private BlindLook() {}

  /** Why a source could not be read, in a few words. */
  public static String reason(BlindSource.Reason r) {
    return switch (r) {
      case NO_INDEX -> "no index matches";
      case NO_PRIVILEGE -> "no privilege";
      case UNAVAILABLE -> "unavailable";
    };
  }

  /** "logs-fulfil-* (no index matches), audit-* (no privilege)". */
  public static String sources(List<BlindSource> blind) {
    return String.join(
        ", ", blind.stream().map(b -> b.pattern() + " (" + reason(b.reason()) + ")").toList());
  }

  /** The backend's words for each source, one a line: "audit-*: no privilege (403 ...)". */
  public static String details(List<BlindSource> blind) {
    return String.join(
        "\n",
        blind.stream()
            .map(
                b ->
                    b.pattern()
                        + ": "
                        + reason(b.reason())
                        + (b.detail() == null || b.detail().isBlank()
                            ? ""
                            : " (" + b.detail().strip() + ")"))
            .toList());
  }
}
