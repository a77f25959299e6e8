package org.hopscope.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The pid file of one sandbox process, plus the check that the pid still belongs to that process:
 * pids are reused, so a live pid only counts as ours when its command line contains {@code marker}
 * (e.g. the process's config file or home folder, which live in the state folder).
 *
 * @param file where the pid is written (decimal, one line)
 * @param marker text that the process's command line must contain to be ours
 */
public record PidFile(Path file, String marker) {

  /** The pid written in the file, if the file exists and holds a number. */
  public Optional<Long> pid() {
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return text.matches("\\d+") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pid file " + file, e);
    }
  }

  /** The live process named by the pid file, only if its command line shows it is ours. */
  public Optional<ProcessHandle> process() {
    return pid().flatMap(ProcessHandle::of).filter(PidFile.this::isOurs);
  }

  /** The pid of our live process, if running. */
  public Optional<Long> runningPid() {
    return process().map(ProcessHandle::pid);
  }

  private boolean isOurs(ProcessHandle p) {
    return p.isAlive() && p.info().commandLine().map(cl -> cl.contains(marker)).orElse(false);
  }

  /** Writes {@code pid} to the file (creating its folder). */
  public void write(long pid) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, pid + "\n", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new SandboxException("cannot write pid file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Removes the pid file when its process is gone (or is not ours); true when it was stale. */
  public boolean removeIfStale() {
    if (Files.exists(file) && process().isEmpty()) {
      delete();
      return true;
    }
    return false;
  }

  /** Deletes the pid file if present. */
  public void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new SandboxException("cannot delete pid file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stops our process: SIGTERM, wait up to {@code grace}, then SIGKILL; removes the pid file.
   * Returns the pid stopped, or empty when nothing of ours was running.
   */
  public Optional<Long> stop(Duration grace) {
    Optional<ProcessHandle> process = process();
    process.ifPresent(p -> terminate(p, grace));
    delete();
    return process.map(ProcessHandle::pid);
  }

  private static void terminate(ProcessHandle p, Duration grace) {
    p.destroy();
    if (!awaitExit(p, grace)) {
      p.destroyForcibly();
      if (!awaitExit(p, Duration.ofSeconds(10))) {
        throw new SandboxException(
            "process "
                + p.pid()
                + " did not exit after SIGKILL; check it with `ps -p "
                + p.pid()
                + "`");
      }
    }
  }

  private static boolean awaitExit(ProcessHandle p, Duration limit) {
    try {
      p.onExit().get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return !p.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while stopping process " + p.pid(), e);
    }
  }
}
