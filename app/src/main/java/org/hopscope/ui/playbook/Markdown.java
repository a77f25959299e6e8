package org.hopscope.ui.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, safe Markdown parser for playbook steps (pure: no FX): ATX headings, paragraphs, bullet
 * and numbered lists, fenced code blocks; inline {@code **bold**}, {@code `code`} and links (kept
 * as text plus their address). Everything else is plain text; nothing is ever executed or loaded.
 */
public final class Markdown {

  private Markdown() {}

  /** A piece of inline text. */
  public record Span(Kind kind, String text, String href) {
    /** What a span is. */
    public enum Kind {
      TEXT,
      BOLD,
      CODE,
      LINK
    }

    static Span text(String t) {
      return new Span(Kind.TEXT, t, "");
    }
  }

  /** A block of the document. */
  public sealed interface Block permits Heading, Paragraph, CodeBlock, ListBlock {}

  /** {@code # Title} .. {@code ###### Title}. */
  public record Heading(int level, List<Span> spans) implements Block {}

  /** Consecutive non-blank lines joined by spaces. */
  public record Paragraph(List<Span> spans) implements Block {}

  /** A fenced block ({@code ```lang}), text verbatim without the fences. */
  public record CodeBlock(String language, String text) implements Block {}

  /** A bullet ({@code - }, {@code * }, {@code + }) or numbered ({@code 1. }) list. */
  public record ListBlock(boolean ordered, List<List<Span>> items) implements Block {}

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern BULLET = Pattern.compile("^\\s{0,3}[-*+]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s{0,3}\\d{1,9}[.)]\\s+(.*)$");
  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)\\s*([^`\\s]*).*$");

  /**
   * Code, bold and links. Each alternative scans only up to the next character that could start
   * another (no {@code *} inside {@code **bold**}, no {@code [} inside a link), so a hostile line
   * such as {@code [a[a[a...} or {@code **a**a...} is matched in linear time, never quadratic.
   */
  private static final Pattern INLINE =
      Pattern.compile(
          "`([^`]+)`|\\*\\*(?=[^\\s*`])([^`*]+?)(?<=\\S)\\*\\*|__(?=[^\\s_`])([^`_]+?)(?<=\\S)__"
              + "|\\[([^\\]\\[]+)]\\(([^)\\s\\[]*)\\)");

  /** Parses {@code markdown} (null: empty) into blocks. */
  public static List<Block> parse(String markdown) {
    List<Block> blocks = new ArrayList<>();
    if (markdown == null) {
      return blocks;
    }
    String[] lines = markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder para = null;
    List<List<Span>> items = null;
    boolean ordered = false;
    StringBuilder item = null;
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      Matcher fence = FENCE.matcher(line);
      Matcher heading = HEADING.matcher(line);
      Matcher bullet = BULLET.matcher(line);
      Matcher numbered = NUMBERED.matcher(line);
      boolean isBullet = bullet.matches();
      boolean isNumbered = !isBullet && numbered.matches();
      if (line.isBlank()
          || fence.matches()
          || heading.matches()
          || ((isBullet || isNumbered) && (items == null || ordered != isNumbered))) {
        // close what is open
        if (para != null) {
          blocks.add(new Paragraph(inline(para.toString())));
          para = null;
        }
        if (item != null) {
          items.add(inline(item.toString()));
          item = null;
        }
        if (items != null
            && (line.isBlank() || !(isBullet || isNumbered) || ordered != isNumbered)) {
          blocks.add(new ListBlock(ordered, items));
          items = null;
        }
      }
      if (line.isBlank()) {
        i++;
        continue;
      }
      if (fence.matches()) {
        String marker = fence.group(1);
        List<String> code = new ArrayList<>();
        i++;
        while (i < lines.length && !lines[i].strip().startsWith(marker)) {
          code.add(lines[i]);
          i++;
        }
        blocks.add(new CodeBlock(fence.group(2), String.join("\n", code)));
        i++; // the closing fence (or past the end)
        continue;
      }
      if (heading.matches()) {
        blocks.add(new Heading(heading.group(1).length(), inline(heading.group(2))));
        i++;
        continue;
      }
      if (isBullet || isNumbered) {
        if (item != null) {
          items.add(inline(item.toString()));
        }
        if (items == null) {
          items = new ArrayList<>();
          ordered = isNumbered;
        }
        item = new StringBuilder((isBullet ? bullet : numbered).group(1).strip());
        i++;
        continue;
      }
      if (item != null) {
        item.append(' ').append(line.strip()); // a continuation line of a list item
      } else if (para == null) {
        para = new StringBuilder(line.strip());
      } else {
        para.append(' ').append(line.strip());
      }
      i++;
    }
    if (para != null) {
      blocks.add(new Paragraph(inline(para.toString())));
    }
    if (item != null) {
      items.add(inline(item.toString()));
    }
    if (items != null) {
      blocks.add(new ListBlock(ordered, items));
    }
    return blocks;
  }

  public static List<Span> inline(String text) {
    List<Span> spans = new ArrayList<>();
    Matcher m = INLINE.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        spans.add(Span.text(text.substring(at, m.start())));
      }
      if (m.group(1) != null) {
        spans.add(new Span(Span.Kind.CODE, m.group(1), ""));
      } else if (m.group(2) != null || m.group(3) != null) {
        spans.add(new Span(Span.Kind.BOLD, m.group(2) != null ? m.group(2) : m.group(3), ""));
      } else {
        spans.add(new Span(Span.Kind.LINK, m.group(4), m.group(5)));
      }
      at = m.end();
    }
    if (at < text.length()) {
      spans.add(Span.text(text.substring(at)));
    }
    return spans;
  }
}
