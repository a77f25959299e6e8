package org.hopscope.oncall;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.StreamSupport;
import org.hopscope.store.IncidentDatabase;

/**
 * Where Hopscope's diagnostics go: errors with their causes, backend retries, slow FX pulses, task
 * failures. Code logs through the JDK's {@link System.Logger} (docs/decisions/0014-logging.md); its
 * records reach {@code java.util.logging}, and an entry point ({@code cli.Main}, {@code
 * ui.GuiMain}) decides once where they are written: {@link #toFolder} a rotating file in the data
 * folder, {@link #echoTo} a terminal ({@code --verbose}, {@code gui --debug}). Each instance
 * attaches one handler to the root logger and {@link #close} takes it off again.
 *
 * <p>The file is {@value #NEWEST} in the data folder, rotated at {@value #LIMIT_BYTES} bytes into
 * {@code hopscope-1.log} .. {@code hopscope-}{@value #GENERATIONS}{@code -1}{@code .log}. It is
 * created on the first record only: a run that has nothing to say leaves no file. A second process
 * that finds it in use (the client open while a command runs) writes {@code hopscope-0.log.1}.
 */
public final class DiagnosticsLog implements AutoCloseable {

  /** The newest log file's name. */
  public static final String NEWEST = "hopscope-0.log";

  /** Size at which the file is rotated. */
  public static final int LIMIT_BYTES = 5 * 1024 * 1024;

  /** How many files are kept: the newest and the rotated ones. */
  public static final int GENERATIONS = 3;

  /** What goes to the file and the terminal: INFO and above. */
  static final Level THRESHOLD = Level.INFO;

  private final Handler handler;

  private DiagnosticsLog(Handler handler) {
    this.handler = handler;
    handler.setLevel(THRESHOLD);
    handler.setFormatter(new DiagnosticsFormat());
    Logger root = LogManager.getLogManager().getLogger("");
    root.addHandler(handler);
  }

  /**
   * The data folder (the local store's folder): system property {@code hopscope.data.dir}, then
   * {@code HOPSCOPE_DATA_DIR}, then the OS's rule ({@link IncidentDatabase#defaultFile}).
   */
  public static Path dataFolder(Map<String, String> env, Properties system) {
    return IncidentDatabase.defaultFile(env, system).toAbsolutePath().getParent();
  }

  /** The newest log file in {@code dataFolder} (it may not exist yet). */
  public static Path file(Path dataFolder) {
    return dataFolder.resolve(NEWEST);
  }

  /** The log files in {@code dataFolder} as they are now: every generation and their lock files. */
  public static List<Path> files(Path dataFolder) {
    if (!Files.isDirectory(dataFolder)) {
      return List.of();
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dataFolder, "hopscope-*.log*")) {
      return StreamSupport.stream(files.spliterator(), false)
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dataFolder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes every record of level INFO and above to the rotating file in {@code dataFolder}, from
   * now until {@link #close}. The JVM's default console handler is taken off the root logger: a
   * client started from the desktop has no terminal, and a command prints diagnostics only when
   * asked ({@link #echoTo}).
   *
   * @param dataFolder the data folder ({@link #dataFolder})
   * @param process names the process in the first line it writes, e.g. "hopscope gui 0.4.0"
   */
  public static DiagnosticsLog toFolder(Path dataFolder, String process) {
    Logger root = LogManager.getLogManager().getLogger("");
    for (Handler h : root.getHandlers()) {
      if (h instanceof ConsoleHandler) {
        root.removeHandler(h);
      }
    }
    root.setLevel(THRESHOLD);
    return new DiagnosticsLog(new LazyFileHandler(dataFolder, process));
  }

  /** Also writes every record of level INFO and above to {@code terminal} until {@link #close}. */
  public static DiagnosticsLog echoTo(PrintWriter terminal) {
    Handler echo =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (isLoggable(record)) {
              terminal.print(getFormatter().format(record));
              terminal.flush();
            }
          }

          @Override
          public void flush() {
            terminal.flush();
          }

          @Override
          public void close() {
            terminal.flush(); // the terminal stays open
          }
        };
    return new DiagnosticsLog(echo);
  }

  @Override
  public void close() {
    LogManager.getLogManager().getLogger("").removeHandler(handler);
    handler.close();
  }
}
