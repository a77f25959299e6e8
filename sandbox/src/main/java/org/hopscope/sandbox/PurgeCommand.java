package org.hopscope.sandbox;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hopscope sandbox purge [--dir DIR]... [--yes]}: removes the state of stopped sandboxes.
 */
@Command(
    name = "purge",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the state of stopped sandboxes (Elasticsearch or OpenSearch data, Prometheus TSDB, logs) with sizes;"
          + " removes it with --yes. Looks at every state folder `up` used and the default one"
          + " (as root also /var/lib/hopscope-es/). A running sandbox, or one `up` is starting, is"
          + " never touched; in a state folder only the sandbox's own files are removed.",
    })
public final class PurgeCommand implements Runnable {

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Only this state folder (repeatable); default: all known ones.")
  List<Path> dirs = new ArrayList<>();

  @Option(names = "--yes", description = "Remove what is listed (default: only list it).")
  boolean yes;

  @Spec CommandSpec spec;

  private final Function<List<Path>, SandboxPurge> purges;

  /** The user's sandboxes ({@link SandboxPurge#forUser}). */
  public PurgeCommand() {
    this(SandboxPurge::forUser);
  }

  /** Sandboxes found by {@code purges} (given the {@code --dir} folders); tests use their own. */
  PurgeCommand(Function<List<Path>, SandboxPurge> purges) {
    this.purges = purges;
  }

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    SandboxPurge purge = purges.apply(dirs);
    List<SandboxPurge.Entry> entries = purge.entries();
    if (entries.isEmpty()) {
      out.println(
          "No sandbox state found"
              + (dirs.isEmpty()
                  ? " (looked at the folders `hopscope sandbox up` used)"
                  : " in " + dirs)
              + "; nothing to purge.");
      out.flush();
      return;
    }
    long removable = 0;
    int kept = 0;
    for (SandboxPurge.Entry e : entries) {
      out.println(line(e));
      e.kept().forEach(k -> out.println("          keeps " + k + " (not the sandbox's)"));
      if (e.removable()) {
        removable += e.bytes();
      } else {
        kept++;
      }
    }
    if (!yes) {
      out.println(
          removable == 0
              ? "Nothing to remove."
              : "Would free "
                  + size(removable)
                  + "; run `hopscope sandbox purge"
                  + (dirs.isEmpty() ? "" : " --dir ...")
                  + " --yes` to remove what is marked 'remove'.");
      out.flush();
      return;
    }
    long freed = 0;
    for (SandboxPurge.Entry e : entries) {
      if (e.removable()) {
        String what = where(e);
        freed += purge.remove(e);
        out.println(
            "removed "
                + what
                + (e.kept().isEmpty()
                    ? ""
                    : " (the sandbox's files; kept " + e.kept().size() + " other entries)"));
      }
    }
    out.println(
        "Freed "
            + size(freed)
            + (kept == 0
                ? "."
                : "; kept " + kept + " sandbox" + (kept == 1 ? "" : "es") + " in use."));
    out.flush();
  }

  private static String line(SandboxPurge.Entry e) {
    return String.format(
        Locale.ROOT,
        "%-8s  %9s  %s%s",
        e.removable() ? "remove" : "keep",
        size(e.bytes()),
        where(e),
        e.removable() ? "" : "  (" + e.inUse() + ")");
  }

  private static String where(SandboxPurge.Entry e) {
    if (e.stateFolder() == null) {
      return e.elasticsearchFolder()
          + " ("
          + engineIn(e.elasticsearchFolder())
          + " of an unknown state folder)";
    }
    boolean gone = !java.nio.file.Files.exists(e.stateFolder());
    return e.stateFolder()
        + (gone ? " (gone)" : "")
        + (e.elasticsearchFolder() == null
            ? ""
            : " + " + engineIn(e.elasticsearchFolder()) + " in " + e.elasticsearchFolder());
  }

  /** The engine whose distribution a root base folder holds (Elasticsearch when none is named). */
  private static String engineIn(java.nio.file.Path base) {
    try (java.util.stream.Stream<java.nio.file.Path> children = java.nio.file.Files.list(base)) {
      return children.anyMatch(
              c -> c.getFileName().toString().startsWith(SearchEngine.OPENSEARCH.id() + "-"))
          ? SearchEngine.OPENSEARCH.displayName()
          : SearchEngine.ELASTICSEARCH.displayName();
    } catch (java.io.IOException ex) {
      return "search engine (unreadable: " + ex.getMessage() + ")";
    }
  }

  /** Bytes as MB with one decimal (GB above 10 GB). */
  static String size(long bytes) {
    double mb = bytes / (1024.0 * 1024);
    return mb >= 10 * 1024
        ? String.format(Locale.ROOT, "%.1f GB", mb / 1024)
        : String.format(Locale.ROOT, "%.1f MB", mb);
  }
}
