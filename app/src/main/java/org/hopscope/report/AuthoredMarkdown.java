package org.hopscope.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Author-written Markdown (notes, the incident note's sections) made safe for wikis and Git hosts
 * that render it: its formatting is kept, but HTML in it shows as text.
 *
 * <p>Outside fenced code blocks, {@code <}, {@code >} and {@code &} become entities (leading
 * blockquote markers stay), link destinations with a script scheme ({@code javascript:}, {@code
 * vbscript:}, {@code data:}) are no longer links, and a fence line that is indented is escaped.
 * Inside a fenced code block that starts at the beginning of a line, the text is kept as written:
 * renderers show it as text. Every other renderer's view of code (indented code, code spans) is
 * escaped too, as a renderer might see it differently (e.g. a code span ending on the next line):
 * there an entity may show as written, which is safe. A block still open at the end is closed, so
 * nothing after the author's text can be taken into it.
 */
final class AuthoredMarkdown {

  /** A fence opening a code block at the start of a line (CommonMark: no backtick after ```). */
  private static final Pattern OPENING_FENCE = Pattern.compile("(`{3,}+)[^`]*+|(~{3,}+).*+");

  /** A fence line with blanks before it: it may open a block where the author's text ends. */
  private static final Pattern INDENTED_FENCE = Pattern.compile("[ \\t]++(?=```|~~~)");

  /** Blockquote markers at the start of a line: kept as Markdown. */
  private static final Pattern QUOTE_MARKERS = Pattern.compile("(?: {0,3}>)++");

  private static final String SCRIPT_SCHEME = "[ \\t]*+(?:javascript|vbscript|data):";
  private static final Pattern SCRIPT_LINK = Pattern.compile("(?i)\\]\\((?=" + SCRIPT_SCHEME + ")");
  private static final Pattern SCRIPT_DEFINITION =
      Pattern.compile("(?i)^( {0,3}\\[[^\\]]++\\]):(?=" + SCRIPT_SCHEME + ")");

  private AuthoredMarkdown() {}

  /** {@code markdown} made safe to render (see the class comment); line ends become LF. */
  static String render(String markdown) {
    String[] lines = MarkdownText.lf(markdown).split("\n", -1);
    StringBuilder out = new StringBuilder(markdown.length() + 16);
    String fence = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i > 0) {
        out.append('\n');
      }
      if (fence != null) {
        out.append(line);
        if (closes(line, fence)) {
          fence = null;
        }
        continue;
      }
      Matcher opening = OPENING_FENCE.matcher(line);
      if (opening.matches()) {
        fence = opening.group(1) != null ? opening.group(1) : opening.group(2);
        out.append(fence).append(text(line.substring(fence.length())));
        continue;
      }
      Matcher indented = INDENTED_FENCE.matcher(line);
      if (indented.lookingAt()) {
        out.append(line, 0, indented.end()).append('\\');
        line = line.substring(indented.end());
      } else {
        Matcher quote = QUOTE_MARKERS.matcher(line);
        if (quote.lookingAt()) {
          out.append(line, 0, quote.end());
          line = line.substring(quote.end());
        }
      }
      out.append(text(line));
    }
    if (fence != null) {
      out.append('\n').append(fence);
    }
    return out.toString();
  }

  /**
   * A single line of author Markdown inside a line Hopscope writes (a timeline bullet): HTML
   * escaped everywhere, line breaks made spaces.
   */
  static String line(String markdown) {
    return text(MarkdownText.oneLine(markdown));
  }

  /** CommonMark's closing fence: up to 3 spaces, at least as many fence characters, blanks. */
  private static boolean closes(String line, String fence) {
    int i = 0;
    while (i < 3 && i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    char c = fence.charAt(0);
    int run = 0;
    while (i < line.length() && line.charAt(i) == c) {
      i++;
      run++;
    }
    return run >= fence.length()
        && line.substring(i).chars().allMatch(ch -> ch == ' ' || ch == '\t');
  }

  /** Text outside code: entities for HTML, script links broken. */
  private static String text(String line) {
    String linked = SCRIPT_LINK.matcher(line).replaceAll("]\\\\(");
    linked = SCRIPT_DEFINITION.matcher(linked).replaceAll("$1\\\\:");
    StringBuilder out = new StringBuilder(linked.length() + 16);
    for (int i = 0; i < linked.length(); i++) {
      char c = linked.charAt(i);
      if (!MarkdownText.appendEntity(out, c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
