package org.hopscope.model.playbook;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hopscope.model.TimeWindow;

/**
 * An alert's link to a playbook: {@code
 * hopscope://playbook/ID?path=orders&hop=fulfilment-service&from=...&to=...}. Query parameters
 * become the playbook's variables ({@code from}/{@code to} the window); an alert's {@code
 * runbook_url} annotation can carry it (docs/alert-links.md). {@code from} and {@code to} come
 * together, as ISO-8601 instants, {@code to} after {@code from}.
 *
 * @param playbookId the playbook to open
 * @param variables every query parameter, decoded, in link order
 */
public record PlaybookLink(String playbookId, Map<String, String> variables) {

  /** The URL scheme. */
  public static final String SCHEME = "hopscope";

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** The longest link read: alert URLs are short; anything longer is not a Hopscope link. */
  static final int MAX_LENGTH = 8192;

  private static final int SHOWN = 80;
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  public PlaybookLink {
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /** The window of {@code from}/{@code to}, if the link gives one. */
  public Optional<TimeWindow> window() {
    String from = variables.get("from");
    String to = variables.get("to");
    return from == null || to == null
        ? Optional.empty()
        : Optional.of(new TimeWindow(Instant.parse(from), Instant.parse(to)));
  }

  /**
   * The link's check window ({@code from}/{@code to}, evaluated as of {@code to}), if it gives one.
   */
  public Optional<CheckWindow> checkWindow() {
    return window().map(w -> CheckWindow.of(w, ValueOrigin.LINK));
  }

  /** The playbook variables the link gives: every parameter but {@code from} and {@code to}. */
  public Map<String, String> playbookVariables() {
    Map<String, String> out = new LinkedHashMap<>(variables);
    out.remove("from");
    out.remove("to");
    return out;
  }

  /**
   * Reads a link.
   *
   * @throws IllegalArgumentException saying what is wrong with it and what a link looks like
   */
  public static PlaybookLink parse(String link) {
    String example = "; a link looks like hopscope://playbook/consumer-lag?hop=fulfilment-service";
    String text = link == null ? "" : link.strip();
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "the link is "
              + text.length()
              + " characters long; a hopscope link is at most "
              + MAX_LENGTH
              + example);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "not a link: " + shown(e.getReason()) + " at index " + e.getIndex() + example);
    }
    if (!SCHEME.equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "the link's scheme is '" + shown(uri.getScheme()) + "', not '" + SCHEME + "'" + example);
    }
    if (!"playbook".equals(uri.getHost())) {
      throw new IllegalArgumentException(
          "hopscope links open playbooks (hopscope://playbook/ID), not '"
              + shown(uri.getHost())
              + "'"
              + example);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String id = decode(path.startsWith("/") ? path.substring(1) : path);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "'"
              + shown(id)
              + "' is not a playbook ID (lower-case letters, digits and '-')"
              + example);
    }
    Map<String, String> vars = new LinkedHashMap<>();
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (!NAME.matcher(name).matches()) {
          throw new IllegalArgumentException(
              "'" + shown(name) + "' is not a variable name (lower-case letters, digits, '_')");
        }
        if (value.codePoints().anyMatch(PlaybookLink::isControl)) {
          throw new IllegalArgumentException(
              "variable '"
                  + name
                  + "' holds a control character ("
                  + shown(value)
                  + "); a link's values are plain text");
        }
        if (vars.put(name, value) != null) {
          throw new IllegalArgumentException("variable '" + name + "' is given twice");
        }
      }
    }
    checkWindow(vars.get("from"), vars.get("to"));
    return new PlaybookLink(id, vars);
  }

  private static void checkWindow(String from, String to) {
    if (from == null && to == null) {
      return;
    }
    if (from == null || to == null) {
      throw new IllegalArgumentException(
          "the link gives '"
              + (from == null ? "to" : "from")
              + "' without '"
              + (from == null ? "from" : "to")
              + "'; a window needs both, e.g. from=2026-11-26T15:35:00Z&to=2026-11-26T16:25:00Z");
    }
    Instant f;
    Instant t;
    try {
      f = Instant.parse(from);
      t = Instant.parse(to);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "the link's from/to must be ISO-8601 instants such as 2026-11-26T15:35:00Z, got from="
              + shown(from)
              + " to="
              + shown(to),
          e);
    }
    if (!t.isAfter(f)) {
      throw new IllegalArgumentException(
          "the link's window must end after it starts: from " + from + " to " + to);
    }
  }

  private static String decode(String s) {
    // java.net.URI has checked every %-escape already
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static boolean isControl(int c) {
    return Character.getType(c) == Character.CONTROL
        || Character.getType(c) == Character.FORMAT
        || c == 0x2028
        || c == 0x2029;
  }

  /**
   * A piece of the link as an error message shows it: control characters as backslash-u escapes,
   * cut to {@value #SHOWN} characters, so a hostile link can neither drive a terminal nor flood a
   * dialog.
   */
  private static String shown(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .limit(SHOWN)
        .forEach(
            c -> {
              if (isControl(c)) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return s.codePointCount(0, s.length()) > SHOWN ? out + "..." : out.toString();
  }
}
