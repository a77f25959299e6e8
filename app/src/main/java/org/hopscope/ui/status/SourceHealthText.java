package org.hopscope.ui.status;

import java.util.Locale;
import org.hopscope.oncall.ConnectionReport.SourceCheck;
import org.hopscope.oncall.ConnectionReport.State;
import org.hopscope.source.SourceException;
import org.hopscope.ui.status.SourceHealth.Level;

/** Turns one source's check into what the status bar (and the profile test) shows. */
public final class SourceHealthText {

  private static final int MAX_REASON = 60;

  private SourceHealthText() {}

  /** What the status bar shows for {@code check}. */
  public static SourceHealth of(SourceCheck check) {
    String source = check.source();
    if (check.state() == State.NOT_CONFIGURED) {
      return new SourceHealth(
          source, Level.OFF, "not configured", source + " is not configured in this profile");
    }
    if (check.state() == State.FAILED) {
      String text =
          check.failure() == SourceException.Kind.AUTH
              ? "credentials refused"
              : check.failure() == SourceException.Kind.REJECTED
                  ? "error: " + shorten(check.error())
                  : "unreachable: " + reason(check.error());
      return new SourceHealth(source, Level.DOWN, text, check.error());
    }
    StringBuilder detail = new StringBuilder(source + " " + check.url());
    if (check.clusterName() != null) {
      detail.append("\ncluster ").append(check.clusterName());
    }
    check.notes().forEach(n -> detail.append('\n').append(n));
    return new SourceHealth(source, level(check), check.summary(), detail.toString());
  }

  private static Level level(SourceCheck check) {
    if (check.health() == null) {
      return check.notes().isEmpty() ? Level.HEALTHY : Level.DEGRADED;
    }
    switch (check.health()) {
      case "green":
        return Level.HEALTHY;
      case "yellow":
        return Level.DEGRADED;
      default:
        return Level.DOWN;
    }
  }

  /** A few words for "unreachable: ..."; the tooltip has the exact message. */
  static String reason(String error) {
    String e = error == null ? "" : error.toLowerCase(Locale.ROOT);
    if (e.contains("connection refused")) {
      return "connection refused";
    }
    if (e.contains("host not found") || e.contains("unknown host")) {
      return "unknown host";
    }
    if (e.contains("tls") || e.contains("ssl") || e.contains("certificate")) {
      return "TLS handshake failed";
    }
    if (e.contains("did not answer") || e.contains("could not connect within")) {
      return "timed out";
    }
    return shorten(error);
  }

  private static String shorten(String s) {
    String one = s == null ? "unknown" : s.replaceAll("\\s+", " ").strip();
    return one.length() > MAX_REASON ? one.substring(0, MAX_REASON - 1) + "…" : one;
  }
}
