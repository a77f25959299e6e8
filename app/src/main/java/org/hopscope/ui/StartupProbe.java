package org.hopscope.ui;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.stage.Stage;
import org.hopscope.ui.look.CssRules;

/**
 * {@code gui --startup-probe SECONDS}: measures how long the client took from the start of its
 * process to its first drawn window, waits SECONDS idle, reads its resident memory and exits 0.
 * Prints one line, read by {@code ./hopscope bench startup}: {@code hopscope-startup
 * first-window-ms=N first-window-cpu-ms=U idle-rss-kb=M cds=ARCHIVES first-window-classes=C
 * idle-classes=D css-rules=R theme-rules=T}, U being the process's CPU time (all threads) by the
 * first frame, ARCHIVES being the class data sharing archives mapped into the process
 * (comma-separated file names, {@code none} when sharing is off or the archive was rejected; {@code
 * unknown} without /proc); C the classes loaded by the first frame, D after the idle wait (the rest
 * of the window built); R the CSS rules of every stylesheet the window uses after the wait (the
 * theme's included), T those of the theme alone.
 *
 * <p>"First drawn" is the second animation pulse after the stage is showing: by then the pulse that
 * laid out and rendered the first frame has finished.
 */
final class StartupProbe {

  private final Stage stage;
  private final int idleSeconds;
  private final PrintWriter out;
  private final IntConsumer exit;

  /**
   * @param stage the main window, shown by the app (or about to be)
   * @param idleSeconds how long to wait after the first frame before reading the memory
   * @param out where the result line goes
   * @param exit called with 0 once the line is printed
   */
  StartupProbe(Stage stage, int idleSeconds, PrintWriter out, IntConsumer exit) {
    this.stage = stage;
    this.idleSeconds = idleSeconds;
    this.out = out;
    this.exit = exit;
  }

  /** Starts watching; call on the FX thread. */
  void arm() {
    if (stage.isShowing()) {
      awaitFirstFrame();
    } else {
      stage
          .showingProperty()
          .addListener(
              (o, was, now) -> {
                if (now) {
                  awaitFirstFrame();
                }
              });
    }
  }

  private void awaitFirstFrame() {
    new AnimationTimer() {
      private int pulses;

      @Override
      public void handle(long now) {
        if (++pulses == 2) {
          stop();
          long firstWindowMs = Duration.between(processStart(), Instant.now()).toMillis();
          long firstCpuMs = cpuMs();
          long firstClasses = loadedClasses();
          PauseTransition idle = new PauseTransition(javafx.util.Duration.seconds(idleSeconds));
          idle.setOnFinished(e -> report(firstWindowMs, firstCpuMs, firstClasses));
          idle.play();
        }
      }
    }.start();
  }

  private void report(long firstWindowMs, long firstCpuMs, long firstClasses) {
    long rss = residentKb(); // before the rules are counted (parsing them costs memory)
    long idleClasses = loadedClasses();
    String theme = javafx.application.Application.getUserAgentStylesheet();
    out.println(
        "hopscope-startup first-window-ms="
            + firstWindowMs
            + " first-window-cpu-ms="
            + firstCpuMs
            + " idle-rss-kb="
            + rss
            + " cds="
            + mappedArchives()
            + " first-window-classes="
            + firstClasses
            + " idle-classes="
            + idleClasses
            + " css-rules="
            + CssRules.count(CssRules.inUse(stage.getScene(), theme))
            + " theme-rules="
            + (theme == null ? 0 : CssRules.count(java.util.List.of(theme))));
    out.flush();
    exit.accept(0);
  }

  /**
   * CPU time of the whole process (all its threads) so far, in ms; -1 where the OS does not say.
   * Less bent by other load on the machine than the wall-clock time.
   */
  static long cpuMs() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
  }

  /** Classes the JVM loaded so far (-verbose:class counts the same). */
  static long loadedClasses() {
    return ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
  }

  /** When the OS started this process (the launcher, before the JVM); JVM start as a fallback. */
  private static Instant processStart() {
    return ProcessHandle.current()
        .info()
        .startInstant()
        .orElseGet(() -> Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
  }

  /** The .jsa files mapped into this process, by file name: "none" or "unknown" without /proc. */
  static String mappedArchives() {
    Path maps = Path.of("/proc/self/maps");
    if (!Files.isReadable(maps)) {
      return "unknown";
    }
    try {
      String names =
          Files.readAllLines(maps).stream()
              .filter(l -> l.endsWith(".jsa"))
              .map(l -> Path.of(l.substring(l.indexOf('/'))).getFileName().toString())
              .distinct()
              .collect(Collectors.joining(","));
      return names.isEmpty() ? "none" : names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + maps, e);
    }
  }

  /** VmRSS of /proc/self/status in kB; -1 where there is no /proc (Windows, macOS). */
  static long residentKb() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    try {
      return Files.readAllLines(status).stream()
          .filter(l -> l.startsWith("VmRSS:"))
          .map(l -> l.replaceAll("\\D", ""))
          .mapToLong(Long::parseLong)
          .findFirst()
          .orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + status, e);
    }
  }
}
