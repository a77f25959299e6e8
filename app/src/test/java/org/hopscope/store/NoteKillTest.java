package org.hopscope.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hopscope.model.incident.Incident.Severity;
import org.hopscope.model.incident.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise: a writer killed with SIGKILL at any moment loses at most the last second
 * of a note and never damages the file. 100 rounds in two lanes, each on its own file; each round
 * starts {@link NoteWriterProcess}, waits for its first committed save, lets it type for a random
 * 0-300 ms more, kills it ({@code destroyForcibly} is SIGKILL on Linux), then opens the file and
 * checks it.
 */
class NoteKillTest {

  private static final int ROUNDS = 100;

  /** Writers killed side by side, each on its own file (halves the wall time on 2 cores). */
  private static final int LANES = 2;

  private static final String EOF = "\u0000eof";

  @TempDir Path dir;
  private final Queue<Process> children = new ConcurrentLinkedQueue<>();

  @Test
  void aKilledWriterLosesAtMostTheLastSecondAndNeverDamagesTheFile() throws Exception {
    long seed = System.nanoTime();
    ExecutorService lanes = Executors.newFixedThreadPool(LANES);
    try {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int lane = 0; lane < LANES; lane++) {
        int number = lane;
        results.add(lanes.submit(() -> runLane(number, ROUNDS / LANES, new Random(seed + number))));
      }
      List<Long> roundMillis = new ArrayList<>();
      for (Future<List<Long>> result : results) {
        roundMillis.addAll(result.get(5, TimeUnit.MINUTES));
      }
      assertThat(roundMillis).hasSize(ROUNDS);
      System.out.println(
          "kill test: "
              + ROUNDS
              + " rounds in "
              + LANES
              + " lanes, seed "
              + seed
              + ", round ms min/avg/max "
              + roundMillis.stream().mapToLong(Long::longValue).min().orElseThrow()
              + "/"
              + (long) roundMillis.stream().mapToLong(Long::longValue).average().orElseThrow()
              + "/"
              + roundMillis.stream().mapToLong(Long::longValue).max().orElseThrow());
    } finally {
      lanes.shutdownNow();
      for (Process child : children) {
        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  /**
   * How long the writer types after its first commit: mostly 0-300 ms (short rounds), one round in
   * four 700-1300 ms, so that the "at most the last second" bound can fail.
   */
  private static int aliveMillis(Random random) {
    return random.nextInt(4) == 0 ? 700 + random.nextInt(601) : random.nextInt(301);
  }

  /** Runs {@code rounds} kill rounds on the lane's own file; the time each round took, in ms. */
  private List<Long> runLane(int lane, int rounds, Random random) throws Exception {
    Path laneDir = Files.createDirectories(dir.resolve("lane-" + lane));
    Path file = laneDir.resolve("hopscope.db");
    Path tmp = Files.createDirectories(laneDir.resolve("tmp"));
    long incident;
    try (IncidentDatabase db = IncidentDatabase.open(file, Clock.systemUTC())) {
      incident = db.incidents().open("kill test", Severity.SEV4, "orders", null, "test").id();
    }
    List<Long> roundMillis = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      int alive = aliveMillis(random);
      Path err = laneDir.resolve("child-" + round + ".err");
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-Xshare:auto",
                  "-XX:-UsePerfData",
                  "-Djava.io.tmpdir=" + tmp,
                  "-cp",
                  System.getProperty("java.class.path"),
                  NoteWriterProcess.class.getName(),
                  file.toString(),
                  Integer.toString(round),
                  Long.toString(incident))
              .redirectError(err.toFile())
              .start();
      children.add(child);
      String where = "lane " + lane + " round " + round + " (alive " + alive + " ms)";
      BlockingQueue<String> lines = readLines(child);
      List<String> seen = new ArrayList<>();
      awaitFirstCommit(lines, seen, child, where, err);
      long killAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(alive);
      for (long left = killAtNanos - System.nanoTime();
          left > 0;
          left = killAtNanos - System.nanoTime()) {
        String line = lines.poll(left, TimeUnit.NANOSECONDS);
        if (line != null) {
          seen.add(line);
        }
      }
      Instant killedAt = Instant.now();
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).as(where).isTrue();
      for (String line = lines.take(); !line.equals(EOF); line = lines.take()) {
        seen.add(line);
      }
      assertThat(seen).as(where).allMatch(l -> l.startsWith("committed "));
      long lastCommitted =
          seen.stream().mapToLong(l -> Long.parseLong(l.substring(10))).max().orElseThrow();

      try (IncidentDatabase db = IncidentDatabase.open(file, Clock.systemUTC())) {
        assertThat(db.warnings()).as(where).isEmpty();
        assertThat(db.integrityCheck()).as(where).isEqualTo("ok");
        Note note =
            db.notes().find(0, NoteWriterProcess.SCOPE, NoteWriterProcess.KEY).orElseThrow();
        assertThat(NoteWriterProcess.round(note.text())).as(where).isEqualTo("" + round);
        assertThat(NoteWriterProcess.counter(note.text()))
            .as(where)
            .isGreaterThanOrEqualTo(lastCommitted);
        assertThat(note.updatedAt())
            .as(where + ": last save vs kill at " + killedAt)
            .isBetween(killedAt.minus(Duration.ofSeconds(1)), killedAt);
        assertThat(db.timeline().list(incident)).as(where).isNotEmpty();
      }
      roundMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    return roundMillis;
  }

  private static void awaitFirstCommit(
      BlockingQueue<String> lines, List<String> seen, Process child, String where, Path err)
      throws InterruptedException, IOException {
    String line = lines.poll(30, TimeUnit.SECONDS);
    if (line == null || line.equals(EOF) || !line.startsWith("committed ")) {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
      fail(
          where
              + ": no commit from the child; first line "
              + line
              + "; stderr: "
              + Files.readString(err));
    }
    seen.add(line);
  }

  /** Whether {@code child} has exited or does within 5 s. */
  private static boolean exited(Process child) {
    try {
      return child.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The child's stdout lines, then {@link #EOF}, read on a daemon thread. */
  private static BlockingQueue<String> readLines(Process child) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                int retries = 0;
                while (true) {
                  String line;
                  try {
                    line = in.readLine();
                  } catch (IOException e) {
                    // JDK race: when the child exits, the pipe's reader drains the bytes left in
                    // it into a buffer and closes the pipe; a read blocked on the pipe at that
                    // moment fails with "Stream closed", and the next read gets the drained rest
                    // (the exit may still be under way when the read fails: wait for it)
                    if (++retries > 3 || !exited(child)) {
                      throw e;
                    }
                    continue;
                  }
                  if (line == null) {
                    break;
                  }
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("read error " + e);
              } finally {
                lines.add(EOF);
              }
            },
            "kill-test-reader");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }
}
