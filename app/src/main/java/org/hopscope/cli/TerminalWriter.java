package org.hopscope.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The human output's last line of defence: a {@link PrintWriter} that passes on what it is given
 * with every control and format character escaped as {@link TerminalText} does, newlines (and
 * {@code \r\n}) and tabs alone kept. Whatever a printer forgot to escape cannot reach the terminal
 * as an escape sequence; only a newline inside a field needs {@link TerminalText#field} (the writer
 * cannot tell it from the printer's own). Never for {@code --json}: its output stays exact.
 */
final class TerminalWriter extends PrintWriter {

  TerminalWriter(Writer out) {
    super(out, true);
  }

  /** {@code out} wrapped, unless it already is a terminal writer. */
  static PrintWriter over(PrintWriter out) {
    return out instanceof TerminalWriter ? out : new TerminalWriter(out);
  }

  @Override
  public void write(int c) {
    String safe = TerminalText.escape(String.valueOf((char) c), true, true);
    super.write(safe, 0, safe.length());
  }

  @Override
  public void write(char[] buf, int off, int len) {
    write(new String(buf, off, len), 0, len);
  }

  @Override
  public void write(String s, int off, int len) {
    String safe = TerminalText.escape(s.substring(off, off + len), true, true);
    super.write(safe, 0, safe.length());
  }
}
