package org.hopscope.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hopscope.faults.Fault;
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
@Fault(Fault.Area.STORE)
class NoteKillTest {

  private static final int ROUNDS = 100;

  /** Writers killed side by side, each on its own file (halves the wall time on 2 cores). */
  private static final int LANES = 2;

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
      // the child's lines go to a file, not a pipe: a pipe read racing the child's exit fails
      // ("Stream closed", a JDK race), a file keeps every line the child wrote before the kill
      Path out = laneDir.resolve("child-" + round + ".out");
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
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      children.add(child);
      String where = "lane " + lane + " round " + round + " (alive " + alive + " ms)";
      awaitFirstCommit(out, child, where, err);
      Thread.sleep(alive); // the writer's lifetime before the kill: the thing under test
      Instant killedAt = Instant.now();
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).as(where).isTrue();
      List<String> seen = completeLines(out);
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

  /** Waits (up to 30 s) until the child reports its first commit; fails with its stderr if not. */
  private static void awaitFirstCommit(Path out, Process child, String where, Path err)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (completeLines(out).isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10); // polling a file the child appends to, bounded by the deadline
    }
    List<String> lines = completeLines(out);
    if (lines.isEmpty() || !lines.get(0).startsWith("committed ")) {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
      fail(
          where
              + ": no commit from the child; lines "
              + lines
              + "; stderr: "
              + Files.readString(err));
    }
  }

  /** The lines of {@code out} that end with a newline (a line cut by the kill is not one). */
  private static List<String> completeLines(Path out) throws IOException {
    String text = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
  }
}
