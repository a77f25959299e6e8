package org.hopscope.faults;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Generated hostile YAML (and text) and the located problem each must give, for the fault suite's
 * file cases. Positions are those of the YAML's own lines; a reader that wraps it (a playbook's
 * front matter starts on line 2) shifts them.
 */
public enum HostileYaml {
  /** Mappings nested 60 deep, block style (an indentation of 2 per level). */
  DEEP_BLOCK(51, 101, true, depth()),
  /** Lists nested 2,000 deep in flow style on one line: a StackOverflowError before. */
  DEEP_FLOW(1, 53, true, depth()),
  /** "Billion laughs": lists of 9 aliases of the previous list, 10 levels. */
  ALIAS_BOMB(
      4,
      16,
      true,
      "more than 20 aliases of lists and mappings (limit: aliases); write the values out instead"
          + " of repeating them with *aliases"),
  /** A list holding an alias of itself. */
  RECURSIVE_ALIAS(
      1,
      8,
      true,
      "alias *a is inside the list or mapping it names (limit: recursion); an alias can only"
          + " repeat something complete"),
  /** One line of 20,000 characters. */
  LONG_LINE(
      1,
      10_001,
      false,
      "the line is longer than 10,000 characters (limit: line length); break it into shorter"
          + " lines"),
  /** A NUL byte inside a value. */
  NUL_BYTE(1, 5, false, control("U+0000")),
  /** An ESC sequence that would clear a terminal. */
  ESCAPE_SEQUENCE(1, 4, false, control("U+001B")),
  /** Latin-1 text, not UTF-8. */
  INVALID_UTF8(
      1,
      4,
      false,
      "not UTF-8 text: byte 0xE9 at offset %OFFSET% is not part of a UTF-8 character (limit: text only);"
          + " save the file as UTF-8"),
  /** One byte over 1 MiB of comment lines. */
  HUGE_FILE(
      0,
      0,
      false,
      "the file is 1,048,577 bytes, over the limit of 1,048,576 bytes (limit: file size); check"
          + " that this is the right file, or split it");

  /** 1-based line and column of the problem in the YAML's own lines; 0 for the whole file. */
  public final int line;

  public final int column;

  /**
   * Whether the YAML parser finds it (messages about a part carry its name), not the text check.
   */
  public final boolean inYaml;

  private final String message;

  HostileYaml(int line, int column, boolean inYaml, String message) {
    this.line = line;
    this.column = column;
    this.inYaml = inYaml;
    this.message = message;
  }

  private static String depth() {
    return "lists and mappings are nested more than 50 levels deep (limit: nesting depth);"
        + " Hopscope's files need fewer than 10: check the indentation and the brackets";
  }

  private static String control(String codePoint) {
    return "control character "
        + codePoint
        + " is not allowed (limit: text only); Hopscope reads UTF-8 text files: check that this is"
        + " the right file and remove the character";
  }

  /** The message, exactly, for the content written after {@code head}. */
  public String message(String head) {
    return message.replace("%OFFSET%", String.valueOf(utf8(head).length + 3));
  }

  /**
   * The hostile content between {@code head} and {@code tail} (which make it a file of a kind);
   * {@link #HUGE_FILE} is exactly 1 MiB + 1 byte with them.
   */
  public byte[] bytes(String head, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(head));
    out.writeBytes(core(utf8(head).length + utf8(tail).length));
    out.writeBytes(utf8(tail));
    return out.toByteArray();
  }

  private byte[] core(int around) {
    return switch (this) {
      case DEEP_BLOCK -> {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 60; i++) {
          b.append("  ".repeat(i)).append("k:\n");
        }
        yield utf8(b + "  ".repeat(60) + "v: 1\n");
      }
      case DEEP_FLOW -> utf8("k: " + "[".repeat(2000) + "]".repeat(2000) + "\n");
      case ALIAS_BOMB -> {
        StringBuilder b = new StringBuilder("a: &a [" + "lol, ".repeat(8) + "lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
          String alias = "*" + (char) (c - 1);
          b.append(c).append(": &").append(c).append(" [");
          b.append((alias + ", ").repeat(8)).append(alias).append("]\n");
        }
        yield utf8(b.toString());
      }
      case RECURSIVE_ALIAS -> utf8("a: &a [*a]\n");
      case LONG_LINE -> utf8("k: " + "x".repeat(20_000) + "\n");
      case NUL_BYTE -> utf8("k: a\u0000b\n");
      case ESCAPE_SEQUENCE -> utf8("k: \u001b[2J ALL CLEAR\n");
      case INVALID_UTF8 -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("k: "));
        out.write(0xE9); // é in Latin-1
        out.writeBytes(utf8("t\u00e9\n"));
        yield out.toByteArray();
      }
      case HUGE_FILE -> {
        byte[] all = new byte[(1 << 20) + 1 - around];
        byte[] line = utf8("# " + "x".repeat(77) + "\n");
        for (int at = 0; at < all.length; at += line.length) {
          System.arraycopy(line, 0, all, at, Math.min(line.length, all.length - at));
        }
        all[all.length - 1] = '\n';
        yield all;
      }
    };
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
