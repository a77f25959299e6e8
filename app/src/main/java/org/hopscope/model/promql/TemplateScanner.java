package org.hopscope.model.promql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hopscope.model.promql.PromQlTemplate.Context;
import org.hopscope.model.promql.PromQlTemplate.Segment;
import org.hopscope.model.promql.PromQlTemplate.Slot;
import org.hopscope.model.promql.PromQlTemplate.Text;

/**
 * Splits a PromQL template into text and variable slots, knowing where strings and comments are,
 * and checks that {@code ()}, {@code {}} and {@code []} outside them are balanced.
 */
final class TemplateScanner {

  private final String panel;
  private final String t;
  private final List<Segment> segments = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final Deque<Integer> open = new ArrayDeque<>();
  private int i;

  TemplateScanner(String panel, String template) {
    this.panel = panel;
    this.t = template == null ? "" : template;
  }

  PromQlTemplate scan() {
    if (t.isBlank()) {
      throw new PromQlTemplateException(panel, 1, "the PromQL is empty");
    }
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '#') {
        int end = t.indexOf('\n', i);
        end = end < 0 ? t.length() : end;
        text.append(t, i, end);
        i = end;
      } else if (c == '"' || c == '\'') {
        quoted(c, c == '"' ? Context.DOUBLE_QUOTED : Context.SINGLE_QUOTED);
      } else if (c == '`') {
        quoted(c, Context.RAW);
      } else if (isVariableStart()) {
        int column = i + 1;
        String name = variableName();
        if (!PromQlTemplate.DURATIONS.contains(name)) {
          throw new PromQlTemplateException(
              panel,
              column,
              "$"
                  + name
                  + " stands outside a quoted string; only the durations $window and $rate may,"
                  + " put it inside a label matcher's quotes, e.g. {service=\"$"
                  + name
                  + "\"}");
        }
        slot(name, Context.OUTSIDE, false, column);
      } else {
        bracket(c);
        text.append(c);
        i++;
      }
    }
    if (!open.isEmpty()) {
      int at = open.peekLast();
      char opener = t.charAt(at);
      throw new PromQlTemplateException(
          panel, at + 1, "'" + opener + "' is never closed (missing '" + closer(opener) + "')");
    }
    flush();
    return PromQlTemplate.of(panel, t, segments);
  }

  /** Tracks an opening or closing bracket at {@code i}; refuses one that closes the wrong one. */
  private void bracket(char c) {
    if (c == '(' || c == '{' || c == '[') {
      open.push(i);
    } else if (c == ')' || c == '}' || c == ']') {
      if (open.isEmpty()) {
        throw new PromQlTemplateException(panel, i + 1, "'" + c + "' closes nothing");
      }
      int at = open.pop();
      char opener = t.charAt(at);
      if (closer(opener) != c) {
        throw new PromQlTemplateException(
            panel,
            i + 1,
            "'"
                + c
                + "' does not match '"
                + opener
                + "' at column "
                + (at + 1)
                + " (expected '"
                + closer(opener)
                + "')");
      }
    }
  }

  private static char closer(char opener) {
    return opener == '(' ? ')' : opener == '{' ? '}' : ']';
  }

  private void quoted(char quote, Context context) {
    int start = i;
    boolean regex = afterRegexOperator(start);
    text.append(quote);
    i++;
    while (true) {
      if (i >= t.length() || (context != Context.RAW && t.charAt(i) == '\n')) {
        throw new PromQlTemplateException(
            panel, start + 1, "string opened with " + quote + " is not closed");
      }
      char d = t.charAt(i);
      if (d == '\\' && context != Context.RAW && i + 1 < t.length()) {
        text.append(d).append(t.charAt(i + 1));
        i += 2;
      } else if (d == quote) {
        text.append(d);
        i++;
        return;
      } else if (isVariableStart()) {
        int column = i + 1;
        slot(variableName(), context, regex, column);
      } else {
        text.append(d);
        i++;
      }
    }
  }

  private boolean afterRegexOperator(int quoteAt) {
    int j = quoteAt - 1;
    while (j >= 0 && Character.isWhitespace(t.charAt(j))) {
      j--;
    }
    return j >= 1 && t.charAt(j) == '~' && (t.charAt(j - 1) == '=' || t.charAt(j - 1) == '!');
  }

  private boolean isVariableStart() {
    if (t.charAt(i) != '$' || i + 1 >= t.length()) {
      return false;
    }
    char n = t.charAt(i + 1);
    return n == '{' || n == '_' || Character.isLetter(n);
  }

  /** Reads {@code $name} or {@code ${name}} at {@code i}, checks the name, moves past it. */
  private String variableName() {
    int column = i + 1;
    boolean braced = t.charAt(i + 1) == '{';
    int j = i + (braced ? 2 : 1);
    int begin = j;
    while (j < t.length() && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_')) {
      j++;
    }
    String name = t.substring(begin, j);
    if (braced) {
      if (j >= t.length() || t.charAt(j) != '}') {
        throw new PromQlTemplateException(panel, column, "${ is not closed with }");
      }
      j++;
    }
    if (!PromQlTemplate.VARIABLES.contains(name)) {
      throw new PromQlTemplateException(
          panel,
          column,
          "unknown variable $" + name + "; known are $hop, $service, $window and $rate");
    }
    i = j;
    return name;
  }

  private void slot(String name, Context context, boolean regex, int column) {
    flush();
    segments.add(new Slot(name, context, regex, column));
  }

  private void flush() {
    if (text.length() > 0) {
      segments.add(new Text(text.toString()));
      text.setLength(0);
    }
  }
}
