package org.hopscope.config;

import java.util.Locale;

/**
 * The limits every file Hopscope reads is held to (path definitions, connection profiles,
 * playbooks, masking rules), so that a hostile or broken file gives a located problem instead of a
 * crash, a hang or an exhausted memory. Real files are far below them: a path definition or a
 * playbook is a few KB with fewer than 10 levels of nesting. docs/path-definitions.md and
 * docs/playbooks.md state them.
 */
public final class FileLimits {

  /** The largest file read, in bytes (1 MiB). */
  public static final int MAX_BYTES = 1 << 20;

  /** The most code points in a text (a file, or text handed over as a string). */
  public static final int MAX_CODE_POINTS = 1 << 20;

  /** The longest line, in characters. */
  public static final int MAX_LINE = 10_000;

  /** The most YAML lists and mappings inside each other. */
  public static final int MAX_DEPTH = 50;

  /** The most aliases ({@code *name}) of YAML lists and mappings in one document. */
  public static final int MAX_ALIASES = 20;

  /** The most steps ({@code ## Title {#id}}) in one playbook. */
  public static final int MAX_STEPS = 200;

  private FileLimits() {}

  /**
   * The first problem of {@code text} against the limits on code points, line length and control
   * characters, added to {@code problems} with its line and column; false when there was one.
   * {@code firstLine} is the file's line of the text's first line.
   */
  public static boolean check(String text, int firstLine, Problems problems) {
    int line = firstLine;
    int column = 1;
    int codePoints = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      codePoints++;
      if (codePoints > MAX_CODE_POINTS) {
        problems.at(
            line,
            column,
            "the text has more than "
                + number(MAX_CODE_POINTS)
                + " characters (limit: code points); check that this is the right file, or split"
                + " it");
        return false;
      }
      if (c == '\n') {
        line++;
        column = 1;
        continue;
      }
      if (column > MAX_LINE) {
        problems.at(
            line,
            column,
            "the line is longer than "
                + number(MAX_LINE)
                + " characters (limit: line length); break it into shorter lines");
        return false;
      }
      if (isControl(c)) {
        problems.at(
            line,
            column,
            "control character "
                + codePoint(c)
                + " is not allowed (limit: text only); Hopscope reads UTF-8 text files: check"
                + " that this is the right file and remove the character");
        return false;
      }
      column++;
    }
    return true;
  }

  /** C0 controls but tab, line feed and carriage return; DEL and the C1 controls. */
  static boolean isControl(int c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
  }

  /** {@code U+0000}. */
  static String codePoint(int c) {
    return String.format(Locale.ROOT, "U+%04X", c);
  }

  /** {@code 1,048,576}. */
  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
