package org.hopscope.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hopscope.config.Problems;
import org.hopscope.config.Snippet;

/**
 * A playbook file split into its parts: the front matter's YAML, the introduction and the steps
 * ({@code ## Title {#id}} sections) with their {@code check} and {@code next} fenced blocks. Knows
 * Markdown fences, so a {@code ##} inside a code block does not start a step. Line numbers are the
 * file's, 1-based.
 */
final class PlaybookText {

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^\\s`]*).*$");
  private static final Pattern STEP = Pattern.compile("^##(?!#)\\s*(.*?)\\s*$");
  private static final Pattern STEP_ID = Pattern.compile("^(.*?)\\s*\\{#([^}]*)\\}$");

  /** The front matter: YAML text and the line its first line is on. */
  record FrontMatter(String yaml, int firstLine) {}

  /** A {@code check} or {@code next} fenced block: its fence line and YAML body. */
  record Block(String kind, int line, String yaml, int bodyLine) {}

  /**
   * A step's section.
   *
   * @param id as written in {@code {#id}}, or null when the heading has none (reported)
   * @param idColumn the 1-based column of the id
   */
  record Section(
      String title, String id, int line, int idColumn, String markdown, List<Block> blocks) {}

  /** The file's parts; null parts were missing (and reported). */
  record Parts(FrontMatter frontMatter, String introduction, List<Section> steps) {}

  private PlaybookText() {}

  static Parts split(String text, Problems problems) {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    if (lines.length > 0 && lines[0].startsWith("\uFEFF")) {
      lines[0] = lines[0].substring(1);
    }
    int body = 0;
    FrontMatter frontMatter = null;
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      problems.at(
          1,
          1,
          "missing front matter: the file must start with a line '---', the YAML keys (id, title,"
              + " applies_to, variables) and a closing line '---'");
    } else {
      int close = 1;
      while (close < lines.length && !lines[close].strip().equals("---")) {
        close++;
      }
      if (close == lines.length) {
        problems.at(
            1,
            1,
            "the front matter opened by '---' on line 1 is never closed; add a line '---' after"
                + " its last key, before the Markdown");
        return new Parts(null, "", List.of());
      }
      frontMatter = new FrontMatter(String.join("\n", slice(lines, 1, close)), 2);
      body = close + 1;
    }
    return sections(lines, body, frontMatter, problems);
  }

  private static Parts sections(String[] lines, int from, FrontMatter fm, Problems problems) {
    List<Section> steps = new ArrayList<>();
    List<String> text = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    String intro = null;
    String[] heading = null; // title, id
    int headingLine = 0;
    int idColumn = 0;
    int i = from;
    while (i < lines.length) {
      String line = lines[i];
      Matcher fence = FENCE.matcher(line);
      if (fence.matches()) {
        int end = closingFence(lines, i, fence.group(1));
        if (end < 0) {
          problems.at(
              i + 1,
              1,
              "the code block opened here with "
                  + fence.group(1)
                  + " is never closed; add a line "
                  + fence.group(1)
                  + " after it");
          end = lines.length;
        }
        String kind = fence.group(2);
        if (kind.equals("check") || kind.equals("next")) {
          String yaml = String.join("\n", slice(lines, i + 1, end));
          if (heading == null) {
            problems.at(
                i + 1,
                1,
                "a ```"
                    + kind
                    + " block belongs to a step, but this one is before the first step"
                    + " heading '## Title {#id}'");
          } else {
            blocks.add(new Block(kind, i + 1, yaml, i + 2));
          }
        } else {
          text.addAll(List.of(slice(lines, i, Math.min(end + 1, lines.length))));
        }
        i = end + 1;
        continue;
      }
      Matcher step = STEP.matcher(line);
      if (step.matches()) {
        if (heading == null) {
          intro = join(text);
        } else {
          steps.add(section(heading, headingLine, idColumn, text, blocks));
        }
        text = new ArrayList<>();
        blocks = new ArrayList<>();
        headingLine = i + 1;
        Matcher id = STEP_ID.matcher(step.group(1));
        if (id.matches()) {
          heading = new String[] {id.group(1), id.group(2)};
          idColumn = line.lastIndexOf("{#") + 3;
        } else {
          heading = new String[] {step.group(1), null};
          idColumn = 0;
          problems.at(
              i + 1,
              1,
              "step "
                  + Snippet.quote(step.group(1))
                  + " has no id; write the heading as '## "
                  + Snippet.plain(step.group(1))
                  + " {#step-id}' (lowercase letters, digits and '-')");
        }
      } else {
        text.add(line);
      }
      i++;
    }
    if (heading == null) {
      intro = join(text);
    } else {
      steps.add(section(heading, headingLine, idColumn, text, blocks));
    }
    return new Parts(fm, intro, steps);
  }

  private static Section section(
      String[] heading, int line, int idColumn, List<String> text, List<Block> blocks) {
    return new Section(heading[0], heading[1], line, idColumn, join(text), List.copyOf(blocks));
  }

  /** The index of the line closing a fence opened at {@code open}, or -1. */
  private static int closingFence(String[] lines, int open, String fence) {
    Pattern closing =
        Pattern.compile("^ {0,3}" + fence.charAt(0) + "{" + fence.length() + ",}\\s*$");
    for (int j = open + 1; j < lines.length; j++) {
      if (closing.matcher(lines[j]).matches()) {
        return j;
      }
    }
    return -1;
  }

  private static String[] slice(String[] lines, int from, int to) {
    String[] out = new String[Math.max(0, to - from)];
    System.arraycopy(lines, from, out, 0, out.length);
    return out;
  }

  /** The lines as one text without leading and trailing blank lines. */
  private static String join(List<String> lines) {
    int start = 0;
    int end = lines.size();
    while (start < end && lines.get(start).isBlank()) {
      start++;
    }
    while (end > start && lines.get(end - 1).isBlank()) {
      end--;
    }
    return String.join("\n", lines.subList(start, end));
  }
}
