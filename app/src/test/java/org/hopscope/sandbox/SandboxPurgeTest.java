package org.hopscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sandbox purge} on real folders: sizes, removal only with {@code --yes}, only the sandbox's
 * own files, orphaned Elasticsearch folders, and folders in use (lock held, a process in them, a
 * real running sandbox) never touched. Its own registry and Elasticsearch root in a temporary
 * folder, so nothing of the user or of other test runs is looked at; the real sandbox runs on ports
 * 19270/19370/19371 (run under {@code flock /tmp/hopscope-sandbox.lock}).
 */
@Fault(Fault.Area.SANDBOX)
class SandboxPurgeTest {

  private static final int MB = 1024 * 1024;

  @TempDir Path tmp;

  /** A stopped sandbox's state folder: 4 MB + 10 bytes of the sandbox's own files. */
  private static Path stopped(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("elasticsearch/data/nodes"));
    Files.write(dir.resolve("elasticsearch/data/nodes/segment"), new byte[3 * MB]);
    Files.createDirectories(dir.resolve("prometheus/data"));
    Files.write(dir.resolve("prometheus/data/chunk"), new byte[MB]);
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(dir.resolve("logs/elasticsearch-start.log"), "started\n");
    Files.createDirectories(dir.resolve("run"));
    Files.writeString(dir.resolve("sandbox.json"), "{}");
    Files.writeString(dir.resolve(StateFolderLock.FILE), "");
    return dir;
  }

  private record Run(int exitCode, String out) {}

  private static Run purge(SandboxPurge purge, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new PurgeCommand(dirs -> purge));
    cl.setOut(new PrintWriter(out, true));
    int code = cl.execute(args);
    return new Run(code, out.toString());
  }

  @Test
  void listsWithSizesAndRemovesOnlyWithYesOnlyTheSandboxesOwnFiles() throws IOException {
    SandboxRegistry registry = new SandboxRegistry(tmp.resolve("data/sandboxes.txt"));
    Path a = stopped(tmp.resolve("a"));
    Path b = stopped(tmp.resolve("b"));
    Files.writeString(b.resolve("notes.txt"), "mine");
    Path notASandbox = Files.createDirectories(tmp.resolve("c/logs"));
    Files.writeString(notASandbox.resolve("app.log"), "not the sandbox's");
    registry.add(a);
    registry.add(b);
    registry.add(tmp.resolve("c"));
    Path es = Files.createDirectories(tmp.resolve("es"));
    Path gone = tmp.resolve("gone"); // its state folder was deleted by hand: Elasticsearch stays
    Path orphan = Files.createDirectories(es.resolve(ElasticsearchNode.shortHash(gone.toString())));
    Files.writeString(orphan.resolve(ElasticsearchNode.STATE_FOLDER_FILE), gone + "\n");
    Files.write(orphan.resolve("data.bin"), new byte[2 * MB - (gone.toString().length() + 1)]);
    Path unknown = Files.createDirectories(es.resolve("0123456789ab"));
    Files.write(unknown.resolve("data.bin"), new byte[MB]);
    Path notOurs = Files.createDirectories(es.resolve("lost+found"));
    SandboxPurge purge = new SandboxPurge(registry, tmp.resolve("default"), List.of(), es);

    Run dry = purge(purge);

    assertThat(dry.exitCode()).isZero();
    assertThat(dry.out().lines())
        .containsExactlyInAnyOrder(
            "remove       4.0 MB  " + a,
            "remove       4.0 MB  " + b,
            "          keeps " + b.resolve("notes.txt") + " (not the sandbox's)",
            "remove       1.0 MB  " + unknown + " (Elasticsearch of an unknown state folder)",
            "remove       2.0 MB  " + gone + " (gone) + Elasticsearch in " + orphan,
            "Would free 11.0 MB; run `hopscope sandbox purge --yes` to remove what is marked"
                + " 'remove'.");
    assertThat(SandboxPurge.size(a)).isEqualTo(4 * MB + 10);
    assertThat(a.resolve("elasticsearch/data/nodes/segment")).exists();
    assertThat(orphan).exists();

    Run yes = purge(purge, "--yes");

    assertThat(yes.out())
        .contains("removed " + a + "\n")
        .contains("removed " + b + " (the sandbox's files; kept 1 other entries)\n")
        .endsWith("Freed 11.0 MB.\n");
    assertThat(a).doesNotExist();
    assertThat(b).isDirectory();
    try (var left = Files.list(b)) {
      assertThat(left.toList()).containsExactly(b.resolve("notes.txt"));
    }
    assertThat(notASandbox.resolve("app.log")).hasContent("not the sandbox's");
    assertThat(orphan).doesNotExist();
    assertThat(unknown).doesNotExist();
    assertThat(notOurs).isDirectory();
    assertThat(registry.folders()).containsExactly(tmp.resolve("c"));
    assertThat(purge(purge, "--yes").out())
        .isEqualTo(
            "No sandbox state found (looked at the folders `hopscope sandbox up` used); nothing"
                + " to purge.\n");
  }

  @Test
  void aFolderWhoseLockIsHeldOrThatAProcessUsesIsKept() throws Exception {
    SandboxRegistry registry = new SandboxRegistry(tmp.resolve("data/sandboxes.txt"));
    Path starting = stopped(tmp.resolve("starting"));
    Path watched = stopped(tmp.resolve("watched"));
    SandboxPurge purge =
        new SandboxPurge(registry, tmp.resolve("default"), List.of(starting, watched), null);
    Process tail =
        new ProcessBuilder("tail", "-f", watched.resolve("logs/elasticsearch-start.log").toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (StateFolderLock lock = StateFolderLock.hold(starting)) {
      Run yes = purge(purge, "--yes", "--dir", starting.toString(), "--dir", watched.toString());

      assertThat(yes.out())
          .isEqualTo(
              "keep         4.0 MB  "
                  + starting
                  + "  (`hopscope sandbox up` is working in it (it holds the folder's lock))\n"
                  + "keep         4.0 MB  "
                  + watched
                  + "  (in use by process "
                  + tail.pid()
                  + " ("
                  + tail.info().command().orElseThrow()
                  + "))\n"
                  + "Freed 0.0 MB; kept 2 sandboxes in use.\n");
      assertThat(SandboxPurge.size(starting)).isEqualTo(4 * MB + 10);
      assertThat(SandboxPurge.size(watched)).isEqualTo(4 * MB + 10);
    } finally {
      tail.destroy();
      assertThat(tail.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(purge(purge, "--yes").out()).endsWith("Freed 8.0 MB.\n");
    assertThat(starting).doesNotExist();
    assertThat(watched).doesNotExist();
  }

  @Test
  void aRunningSandboxIsRefusedAndAfterDownItsFolderAndElasticsearchGo() throws IOException {
    Path dir = Path.of("target", "it-purge").toAbsolutePath();
    Tree.delete(dir);
    SandboxConfig config =
        new SandboxConfig(dir, "127.0.0.1", 19270, 19370, 19371, tmp.resolve("config"));
    Sandbox sandbox = new Sandbox(config, new PrintStream(PrintStream.nullOutputStream()));
    sandbox.up(false);
    boolean root = ElasticsearchUser.isRoot();
    Path base = root ? ElasticsearchNode.rootBase(dir) : null;
    // only this folder (--dir): other sandboxes on this machine are never looked at
    SandboxPurge purge =
        new SandboxPurge(
            SandboxRegistry.forUser(),
            tmp.resolve("default"),
            List.of(dir),
            root ? ElasticsearchNode.ROOT_BASE : null);
    try {
      assertThat(SandboxRegistry.forUser().folders()).contains(dir);
      long esPid = sandbox.status().processes().get("elasticsearch").pid();

      Run refused = purge(purge, "--yes");

      assertThat(refused.out())
          .contains("  (running: Elasticsearch pid " + esPid + ")\n")
          .startsWith("keep  ")
          .endsWith("Freed 0.0 MB; kept 1 sandbox in use.\n");
      assertThat(sandbox.status().allRunning()).isTrue();
      assertThat(config.stateFile()).exists();
    } finally {
      sandbox.down();
    }
    long size = SandboxPurge.size(dir) + (base == null ? 0 : SandboxPurge.size(base));
    assertThat(size).isGreaterThan(10L * MB); // Elasticsearch's install and data

    Run removed = purge(purge, "--yes");

    assertThat(removed.out())
        .startsWith("remove  ")
        .contains("removed " + dir + (base == null ? "" : " + Elasticsearch in " + base) + "\n")
        .endsWith("Freed " + PurgeCommand.size(size) + ".\n");
    assertThat(dir).doesNotExist();
    if (base != null) {
      assertThat(base).doesNotExist();
    }
    assertThat(SandboxRegistry.forUser().folders()).doesNotContain(dir);
  }
}
