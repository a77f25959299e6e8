package org.hopscope.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A child JVM running a main class of the test class path, its stdout and stderr in files (a pipe
 * read racing the child's exit can fail, a file keeps every line). The class path leaves out SLF4J:
 * it is only on the test class path (ArchUnit's), and sqlite-jdbc would log through it instead of
 * java.util.logging as it does in the product.
 */
final class ChildJvm {

  private final Process process;
  private final Path out;
  private final Path err;

  private ChildJvm(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * Starts {@code main} with {@code jvmOptions} and {@code args}; its output goes to {@code
   * <dir>/<name>.out} and {@code .err}.
   */
  static ChildJvm start(
      Path dir, String name, List<String> jvmOptions, Class<?> main, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData"));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(productClassPath());
    command.add(main.getName());
    command.addAll(Arrays.asList(args));
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    return new ChildJvm(process, out, err);
  }

  private static String productClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("slf4j-"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  Process process() {
    return process;
  }

  /** Waits for the exit (failing the test after {@code seconds}); the exit code. */
  int exitCode(int seconds) throws InterruptedException {
    boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    assertThat(ended).as("child ended within %d s", seconds).isTrue();
    return process.exitValue();
  }

  /**
   * Waits (polling its output file, {@code seconds} at most) until the child printed {@code line}.
   */
  void awaitLine(String line, int seconds) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!out().contains(line) && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10); // polling a file the child writes to, bounded by the deadline
    }
    assertThat(out()).as("child's stdout (stderr: %s)", err()).contains(line);
  }

  List<String> out() throws IOException {
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  List<String> err() throws IOException {
    return Files.readAllLines(err, StandardCharsets.UTF_8);
  }

  /** Ends the child if it still runs (test clean-up). */
  void kill() {
    process.destroyForcibly();
  }
}
