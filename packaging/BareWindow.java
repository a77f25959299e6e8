import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor of {@code ./hopscope bench startup}: a bare JavaFX window (one label, JavaFX's own
 * default theme), timed like the client's {@code --startup-probe}: process start to the second
 * animation pulse after showing; after IDLE seconds prints the same line and exits.
 */
public final class BareWindow {
  public static void main(String[] args) {
    int idle = Integer.parseInt(args[0]);
    Platform.startup(
        () -> {
          Stage stage = new Stage();
          stage.setScene(new Scene(new Label("bare JavaFX window"), 1280, 800));
          stage.show();
          new AnimationTimer() {
            int pulses;

            @Override
            public void handle(long now) {
              if (++pulses == 2) {
                stop();
                long ms =
                    Duration.between(
                            ProcessHandle.current().info().startInstant().orElseThrow(),
                            Instant.now())
                        .toMillis();
                long cpuMs =
                    ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .map(Duration::toMillis)
                        .orElse(-1L);
                long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
                PauseTransition wait = new PauseTransition(javafx.util.Duration.seconds(idle));
                wait.setOnFinished(e -> report(ms, cpuMs, classes));
                wait.play();
              }
            }
          }.start();
        });
  }

  private static void report(long ms, long cpuMs, long firstClasses) {
    long rss = -1;
    String cds = "unknown";
    try {
      cds =
          Files.readAllLines(Path.of("/proc/self/maps")).stream()
              .filter(l -> l.endsWith(".jsa"))
              .map(l -> Path.of(l.substring(l.indexOf('/'))).getFileName().toString())
              .distinct()
              .reduce((a, b) -> a + "," + b)
              .orElse("none");
      rss =
          Files.readAllLines(Path.of("/proc/self/status")).stream()
              .filter(l -> l.startsWith("VmRSS:"))
              .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
              .findFirst()
              .orElse(-1);
    } catch (java.io.IOException e) {
      System.err.println("bare window: cannot read /proc/self/status: " + e);
    }
    System.out.println(
        "hopscope-startup first-window-ms="
            + ms
            + " first-window-cpu-ms="
            + cpuMs
            + " idle-rss-kb="
            + rss
            + " cds="
            + cds
            + " first-window-classes="
            + firstClasses
            + " idle-classes="
            + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
    System.exit(0);
  }
}
