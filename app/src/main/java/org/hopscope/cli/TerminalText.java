package org.hopscope.cli;

import java.util.Locale;

/**
 * Text from the outside world (message IDs, log lines, titles, backend answers) made safe for a
 * terminal: every control character and every invisible format character is shown as a visible
 * escape instead of being sent to the terminal, so a log line cannot move the cursor, clear the
 * screen, ring the bell, rewrite a line ({@code \r}), reverse the text (U+202E) or forge a row.
 *
 * <p>The escapes: {@code \n}, {@code \r}, {@code \t}, {@code \e} (ESC); {@code \xHH} for the other
 * C0 controls, DEL and the C1 controls (U+0080-U+009F); <code>&#92;u202E</code> for format
 * characters (bidirectional overrides and isolates, zero-width spaces, the BOM; ZWJ and ZWNJ stay,
 * emoji need them), line and paragraph separators (U+2028, U+2029) and unpaired surrogates; <code>
 * &#92;u{E0001}</code> above U+FFFF. A backslash stays a backslash: the escapes are for reading,
 * {@code --json} is the exact form. Applied to every field the human output prints ({@link
 * #field}), to messages ({@link #message}), and once more to everything a {@link TerminalWriter}
 * passes on.
 */
final class TerminalText {

  private TerminalText() {}

  /** {@code text} on one line: newlines inside it are escaped too. {@code null} stays "null". */
  static String field(Object text) {
    return escape(String.valueOf(text), false, false);
  }

  /**
   * {@code text} that may span lines (an error, a warning): each newline stays a line break (and a
   * tab a tab), and the lines after the first are indented by two spaces, so no line of it can pass
   * for a line of its own (a table row, "hopscope: ...").
   */
  static String message(Object text) {
    return escape(String.valueOf(text), true, false).replace("\n", "\n  ");
  }

  /**
   * Whether {@code cp} is escaped: C0 and C1 controls, DEL, format characters but ZWNJ/ZWJ, line
   * and paragraph separators, surrogates.
   */
  static boolean unsafe(int cp) {
    if (cp == 0x200C || cp == 0x200D) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }

  /**
   * {@code text} with every unsafe code point escaped; with {@code keepNewlines} a {@code \n} (and
   * a {@code \r\n}, as one line break) and a tab stay; with {@code keepSurrogates} an unpaired
   * surrogate stays (a writer may get a pair in two pieces; the encoder turns a lone one into
   * {@code ?}).
   */
  static String escape(String text, boolean keepNewlines, boolean keepSurrogates) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      boolean lineBreak =
          keepNewlines
              && (cp == '\n'
                  || cp == '\t'
                  || cp == '\r' && next < text.length() && text.charAt(next) == '\n');
      boolean kept = lineBreak || keepSurrogates && Character.getType(cp) == Character.SURROGATE;
      if (unsafe(cp) && !kept) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(visible(cp));
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }

  /** The visible escape of one unsafe code point. */
  static String visible(int cp) {
    return switch (cp) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      case 0x1B -> "\\e";
      default -> {
        if (cp < 0xA0) {
          yield String.format(Locale.ROOT, "\\x%02X", cp);
        }
        yield cp > 0xFFFF
            ? String.format(Locale.ROOT, "\\u{%X}", cp)
            : String.format(Locale.ROOT, "\\u%04X", cp);
      }
    };
  }
}
