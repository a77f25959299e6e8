package org.hopscope.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to a {@link PrintWriter}, line by line: lets the {@link PrintStream}-based sandbox write to
 * picocli's configurable output (so in-process callers can capture it).
 */
final class WriterOutputStream extends OutputStream {

  private final PrintWriter writer;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private WriterOutputStream(PrintWriter writer) {
    this.writer = writer;
  }

  /** A UTF-8 auto-flushing print stream onto {@code writer}. */
  static PrintStream printStream(PrintWriter writer) {
    return new PrintStream(new WriterOutputStream(writer), true, StandardCharsets.UTF_8);
  }

  @Override
  public void write(int b) {
    line.write(b);
    if (b == '\n') {
      flush();
    }
  }

  @Override
  public void flush() {
    writer.write(line.toString(StandardCharsets.UTF_8));
    writer.flush();
    line.reset();
  }
}
