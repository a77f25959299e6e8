package org.hopscope.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starting an {@link ElasticsearchNode} and waiting until its cluster is healthy: runs the engine's
 * start script as a daemon (as the node's {@link ElasticsearchUser}), polls {@code
 * /_cluster/health}, and fails with the last lines of the start command's output and of the server
 * log. One per node: it remembers when that node was last started, so a failure shows only server
 * log lines written since.
 */
final class ElasticsearchStartup {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(90);

  private final ElasticsearchNode node;
  private final ElasticsearchUser user;
  private Instant startedAt = Instant.EPOCH;

  /** The start of {@code node}, whose processes run as {@code user}. */
  ElasticsearchStartup(ElasticsearchNode node, ElasticsearchUser user) {
    this.node = node;
    this.user = user;
  }

  /**
   * Starts the node as a daemon ({@code bin/ENGINE -d -p PIDFILE}), waits until the cluster is
   * healthy and prints one progress line; fails with the last log lines.
   */
  void start(EsEndpoint endpoint, PrintStream out) {
    SearchEngine engine = node.engine();
    long t0 = System.nanoTime();
    startedAt = Instant.now();
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      cmd.add(SETSID.toString()); // own session: a terminal's hang-up does not reach the node
    }
    cmd.addAll(
        user.wrap(
            List.of(
                node.home().resolve("bin").resolve(engine.startScript()).toString(),
                "-d",
                "-p",
                node.pidFile().file().toString())));
    try {
      Files.createDirectories(node.startLog().getParent());
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .directory(node.home().toFile())
              .redirectErrorStream(true)
              .redirectOutput(node.startLog().toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      pb.environment().putAll(node.environment());
      Process p = pb.start();
      if (!p.waitFor(3, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw failure("did not finish starting within 3 minutes");
      }
      if (p.exitValue() != 0) {
        throw failure("failed to start (exit code " + p.exitValue() + ")");
      }
    } catch (IOException e) {
      throw new SandboxException("cannot run " + cmd + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while starting " + engine.displayName(), e);
    }
    String health = awaitHealthy(endpoint);
    out.printf(
        "%s %s started on %s (%s) in %.1f s%n",
        engine.displayName(),
        engine.version(),
        endpoint.url(),
        health,
        (System.nanoTime() - t0) / 1e9);
  }

  private SandboxException failure(String what) {
    return new SandboxException(
        node.engine().displayName()
            + " "
            + what
            + ". Output of the start command ("
            + node.startLog()
            + "):\n"
            + LogTail.of(node.startLog(), 20)
            + "\nLast lines of its server log "
            + node.serverLog()
            + ":\n"
            + (writtenSinceStart(node.serverLog())
                ? LogTail.of(node.serverLog(), 20)
                : "  (nothing written since this start)"));
  }

  private boolean writtenSinceStart(Path log) {
    try {
      return Files.isRegularFile(log)
          && Files.getLastModifiedTime(log).toInstant().isAfter(startedAt.minusSeconds(1));
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Polls {@code /_cluster/health} until green, or yellow (on one node, replica shards can never be
   * assigned: yellow means every primary is active). Returns a short description.
   */
  String awaitHealthy(EsEndpoint endpoint) {
    ClusterFacts facts = new ClusterFacts(endpoint);
    String[] last = {"no answer"};
    boolean ok =
        Poll.until(
            HEALTH_TIMEOUT,
            () -> {
              Optional<JsonNode> h = facts.get("/_cluster/health");
              h.ifPresent(n -> last[0] = n.path("status").asText("?"));
              // OpenSearch's -d may return before the node writes its pid file: no file yet is
              // no failure (the timeout bounds the wait); a file without our process is
              if (node.pidFile().pid().isPresent() && node.pidFile().process().isEmpty()) {
                throw failure("stopped while starting");
              }
              return h.isPresent() && !last[0].equals("red") && !last[0].equals("?");
            });
    if (!ok) {
      throw failure(
          "did not become healthy within "
              + HEALTH_TIMEOUT.toSeconds()
              + " s (last: "
              + last[0]
              + ")");
    }
    return last[0].equals("green")
        ? "green"
        : last[0] + ": all primaries active, replicas cannot be assigned on one node";
  }
}
