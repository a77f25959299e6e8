package org.hopscope.config;

/**
 * How a problem quotes a value from a file: at most {@link #MAX} characters, control characters
 * written as {@code U+0000}. A message never echoes a big chunk of a file, whatever the file holds.
 */
public final class Snippet {

  /** The most characters of a value a message quotes. */
  public static final int MAX = 60;

  private Snippet() {}

  /** {@code 'value'}, shortened to {@code 'first characters…' (N characters)} when long. */
  public static String quote(String value) {
    return value.codePointCount(0, value.length()) <= MAX
        ? "'" + plain(value) + "'"
        : "'" + plain(value) + "' (" + FileLimits.number(value.length()) + " characters)";
  }

  /** The value without quotes, shortened with {@code …} when long. */
  public static String plain(String value) {
    StringBuilder out = new StringBuilder();
    int count = 0;
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      if (++count > MAX) {
        return out.append('…').toString();
      }
      if (FileLimits.isControl(c) || c == '\n' || c == '\r' || c == '\t') {
        out.append(FileLimits.codePoint(c));
      } else {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }
}
