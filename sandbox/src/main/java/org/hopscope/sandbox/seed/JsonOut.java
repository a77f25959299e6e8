package org.hopscope.sandbox.seed;

/**
 * Appends one JSON document to a {@link StringBuilder}, fast and without an object model: the
 * caller names fields in order, {@code JsonOut} adds commas, quotes and escaping. The output is
 * pure ASCII: quotes and backslashes are escaped with a backslash, control characters and every
 * non-ASCII character as a backslash-u escape with four hex digits (surrogate pairs as two), so any
 * string, however hostile, parses back exactly and the bulk body needs no UTF-8 encoding pass.
 */
final class JsonOut {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final StringBuilder sb;
  private final boolean[] first = new boolean[32];
  private final char[] closers = new char[32];
  private int depth;
  private long cachedDay = Long.MIN_VALUE;
  private String cachedDayText;

  JsonOut(StringBuilder sb) {
    this.sb = sb;
  }

  /** Opens the document's top-level object. */
  JsonOut startDocument() {
    depth = 0;
    open('{', '}');
    return this;
  }

  /** Closes the top-level object. */
  void endDocument() {
    while (depth > 0) {
      end();
    }
  }

  JsonOut str(String name, String value) {
    name(name);
    quoted(value);
    return this;
  }

  JsonOut num(String name, long value) {
    name(name);
    sb.append(value);
    return this;
  }

  JsonOut bool(String name, boolean value) {
    name(name);
    sb.append(value);
    return this;
  }

  /** A field holding {@code epochMillis} as an ISO-8601 UTC string with milliseconds. */
  JsonOut time(String name, long epochMillis) {
    name(name);
    sb.append('"');
    appendIso(epochMillis);
    sb.append('"');
    return this;
  }

  /** Opens a named object field (or an anonymous object inside an array when name is null). */
  JsonOut object(String name) {
    name(name);
    open('{', '}');
    return this;
  }

  JsonOut array(String name) {
    name(name);
    open('[', ']');
    return this;
  }

  /** Closes the innermost object or array. */
  JsonOut end() {
    sb.append(closers[depth]);
    depth--;
    return this;
  }

  private void open(char opener, char closer) {
    sb.append(opener);
    depth++;
    first[depth] = true;
    closers[depth] = closer;
  }

  private void name(String name) {
    if (first[depth]) {
      first[depth] = false;
    } else {
      sb.append(',');
    }
    if (name != null) {
      quoted(name);
      sb.append(':');
    }
  }

  private void quoted(String s) {
    sb.append('"');
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        sb.append("\\u")
            .append(HEX[c >> 12])
            .append(HEX[(c >> 8) & 0xf])
            .append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  /** Appends {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
  void appendIso(long epochMillis) {
    long day = Math.floorDiv(epochMillis, 86_400_000L);
    if (day != cachedDay) {
      cachedDay = day;
      cachedDayText = java.time.LocalDate.ofEpochDay(day) + "T";
    }
    int ms = (int) Math.floorMod(epochMillis, 86_400_000L);
    sb.append(cachedDayText);
    two(ms / 3_600_000);
    sb.append(':');
    two(ms / 60_000 % 60);
    sb.append(':');
    two(ms / 1_000 % 60);
    sb.append('.');
    int millis = ms % 1_000;
    sb.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10));
    sb.append((char) ('0' + millis % 10)).append('Z');
  }

  private void two(int v) {
    sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
