package org.hopscope.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.hopscope.config.ConfigDirs;
import org.hopscope.oncall.DiagnosticsLog;
import org.hopscope.oncall.IncidentDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hopscope data [--forget --yes]}: where this user's Hopscope configuration and local store
 * are, and removing them when asked (uninstalling the package leaves them, docs/packaging.md). Only
 * Hopscope's own files are removed, never a folder's other content: the folders may be set by
 * {@code HOPSCOPE_CONFIG_DIR} / {@code HOPSCOPE_DATA_DIR} to places that hold more.
 */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
      "Where your configuration (profiles, preferences, masking rules), your local store",
      "(incidents, notes, evidence) and the diagnostics log are. --forget --yes removes them."
    })
final class DataCommand implements Callable<Integer> {

  /** The developer sandbox's state folder inside the data folder: never removed here. */
  static final String SANDBOX = "sandbox";

  @ParentCommand Main main;

  @Option(names = "--forget", description = "Remove Hopscope's files from both folders.")
  boolean forget;

  @Option(names = "--yes", description = "With --forget: really remove them (no question asked).")
  boolean yes;

  @Override
  public Integer call() {
    CliContext ctx = main.context();
    Path config = ConfigDirs.detect(ctx.env(), ctx.system()).configDir();
    Path store = IncidentDesk.defaultFile(ctx.env(), ctx.system());
    List<Path> files = new ArrayList<>(configFiles(config));
    files.addAll(storeFiles(store));
    files.addAll(DiagnosticsLog.files(store.getParent()));
    ctx.terminal().printf("configuration  %s%n", TerminalText.field(config));
    ctx.terminal().printf("local store    %s%n", TerminalText.field(store));
    ctx.terminal()
        .printf("log            %s%n", TerminalText.field(DiagnosticsLog.file(store.getParent())));
    if (!forget) {
      ctx.terminal().printf("%d files, %s%n", files.size(), size(files));
      return ExitCodes.OK;
    }
    if (!yes) {
      files.forEach(f -> ctx.terminal().println("would remove " + TerminalText.field(f)));
      ctx.err()
          .println(
              "hopscope data: nothing removed. Add --yes to remove these "
                  + files.size()
                  + " files (incidents, notes and evidence cannot be recovered).");
      return ExitCodes.USAGE;
    }
    for (Path f : files) {
      try {
        Files.deleteIfExists(f);
        ctx.terminal().println("removed " + TerminalText.field(f));
      } catch (IOException e) {
        ctx.err().println("hopscope data: cannot remove " + f + " (" + e.getMessage() + ")");
        return ExitCodes.LOCAL;
      }
    }
    for (Path dir : List.of(config.resolve("profiles"), config, store.getParent())) {
      removeIfEmpty(dir, ctx.err());
    }
    if (Files.isDirectory(store.resolveSibling(SANDBOX))) {
      ctx.terminal()
          .println(
              "left the developer sandbox in "
                  + TerminalText.field(store.resolveSibling(SANDBOX))
                  + " (./hopscope sandbox down, then ./hopscope sandbox purge --yes)");
    }
    return ExitCodes.OK;
  }

  /** profiles/*.yaml, ui.properties, masking.yaml. */
  static List<Path> configFiles(Path config) {
    List<Path> found = new ArrayList<>(matching(config.resolve("profiles"), "*.yaml"));
    for (String name : List.of("ui.properties", "masking.yaml")) {
      if (Files.isRegularFile(config.resolve(name))) {
        found.add(config.resolve(name));
      }
    }
    return found;
  }

  /** The store, its WAL companions, migration backups and files moved aside as corrupt. */
  static List<Path> storeFiles(Path store) {
    Path dir = store.getParent();
    String name = store.getFileName().toString();
    return matching(dir, "{" + name + "," + name + "-wal," + name + "-shm," + name + ".*}");
  }

  private static List<Path> matching(Path dir, String glob) {
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
      return StreamSupport.stream(files.spliterator(), false)
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Removes {@code dir} when nothing else is in it; says so when it cannot. */
  private static void removeIfEmpty(Path dir, java.io.PrintWriter err) {
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> content = Files.list(dir)) {
      if (content.findAny().isEmpty()) {
        Files.delete(dir);
      }
    } catch (IOException e) {
      err.println("hopscope data: left the empty folder " + dir + " (" + e.getMessage() + ")");
    }
  }

  private static String size(List<Path> files) {
    long bytes = 0;
    for (Path f : files) {
      try {
        bytes += Files.size(f);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the size of " + f, e);
      }
    }
    return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KB" : bytes / (1024 * 1024) + " MB";
  }
}
