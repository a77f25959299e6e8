package org.hopscope.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Checks a PromQL panel template before anything runs it: only the known variables, balanced
 * brackets, terminated strings. Not a PromQL parser: Prometheus judges the rest when it runs.
 */
final class PromqlTemplate {

  /** The variables a template may use; the metrics fetcher substitutes them. */
  static final List<String> VARIABLES = List.of("hop", "service", "window", "rate");

  private PromqlTemplate() {}

  /** What is wrong with {@code template}, each naming its 1-based character; empty when fine. */
  static List<String> problems(String template) {
    List<String> out = new ArrayList<>();
    if (template.isBlank()) {
      out.add("the PromQL template is empty");
      return out;
    }
    Deque<Integer> open = new ArrayDeque<>();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        int end = stringEnd(template, i);
        if (end < 0) {
          out.add(
              "string starting at character " + (i + 1) + " is not terminated (missing " + c + ")");
          return out;
        }
        variables(template, i + 1, end, out);
        i = end + 1;
      } else if (c == '#') {
        int newline = template.indexOf('\n', i);
        i = newline < 0 ? template.length() : newline;
      } else if (c == '(' || c == '{' || c == '[') {
        open.push(i);
        i++;
      } else if (c == ')' || c == '}' || c == ']') {
        if (open.isEmpty()) {
          out.add("'" + c + "' at character " + (i + 1) + " closes nothing");
          return out;
        }
        int at = open.pop();
        char opener = template.charAt(at);
        if (closer(opener) != c) {
          out.add(
              "'"
                  + c
                  + "' at character "
                  + (i + 1)
                  + " does not match '"
                  + opener
                  + "' at character "
                  + (at + 1)
                  + " (expected '"
                  + closer(opener)
                  + "')");
          return out;
        }
        i++;
      } else {
        int end = i + 1;
        while (end < template.length() && "\"'`#(){}[]".indexOf(template.charAt(end)) < 0) {
          end++;
        }
        variables(template, i, end, out);
        i = end;
      }
    }
    if (!open.isEmpty()) {
      int at = open.peekLast();
      out.add(
          "'"
              + template.charAt(at)
              + "' at character "
              + (at + 1)
              + " is never closed (missing '"
              + closer(template.charAt(at))
              + "')");
    }
    return out;
  }

  private static char closer(char opener) {
    return opener == '(' ? ')' : opener == '{' ? '}' : ']';
  }

  /** Index of the closing quote of the string opening at {@code start}, or -1. */
  private static int stringEnd(String t, int start) {
    char quote = t.charAt(start);
    for (int i = start + 1; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\\' && quote != '`') {
        i++;
      } else if (c == quote) {
        return i;
      } else if (c == '\n' && quote != '`') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Reports unknown {@code $name} variables in {@code t[from, to)}; a lone {@code $} is literal.
   */
  private static void variables(String t, int from, int to, List<String> out) {
    for (int i = from; i < to; i++) {
      if (t.charAt(i) != '$') {
        continue;
      }
      int end = i + 1;
      while (end < to && (Character.isLetterOrDigit(t.charAt(end)) || t.charAt(end) == '_')) {
        end++;
      }
      String name = t.substring(i + 1, end);
      if (name.isEmpty() && i + 1 < t.length() && t.charAt(i + 1) == '{') {
        out.add(
            "'${' at character "
                + (i + 1)
                + ": write variables as $hop, $service, $window, $rate (without braces)");
      } else if (!name.isEmpty() && !VARIABLES.contains(name)) {
        out.add(
            "unknown variable $"
                + name
                + " at character "
                + (i + 1)
                + " (known: $hop, $service, $window, $rate)");
      }
      i = end - 1;
    }
  }
}
