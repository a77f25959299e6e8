package org.hopscope.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a sandbox's folders are in use, so {@code purge} leaves them alone: {@code up} holds the
 * state folder's lock ({@link StateFolderLock}), or a live process (found by its pid file, else by
 * any process whose command line names one of the folders: Elasticsearch names its base folder,
 * Prometheus its config in the state folder, the exporter the state folder) uses them. Ports are no
 * evidence: another sandbox may listen on the same ones. This process and its parents (the {@code
 * purge --dir DIR} command line itself) do not count.
 */
final class FolderUse {

  private final Set<Long> self = new HashSet<>();

  FolderUse() {
    Optional<ProcessHandle> p = Optional.of(ProcessHandle.current());
    while (p.isPresent()) {
      self.add(p.get().pid());
      p = p.get().parent();
    }
  }

  /**
   * Why {@code stateFolder} (may be null) and {@code elasticsearchFolder} (may be null) are in use,
   * or empty when nothing uses them.
   */
  Optional<String> why(Path stateFolder, Path elasticsearchFolder) {
    if (stateFolder != null && StateFolderLock.isHeld(stateFolder)) {
      return Optional.of("`hopscope sandbox up` is working in it (it holds the folder's lock)");
    }
    List<String> names = new ArrayList<>();
    List<PidFile> pids = new ArrayList<>();
    if (elasticsearchFolder != null) {
      for (SearchEngine engine : SearchEngine.values()) {
        names.add(engine.displayName());
        pids.add(
            new PidFile(
                elasticsearchFolder.resolve(engine.id() + ".pid"), elasticsearchFolder + "/"));
      }
    }
    if (stateFolder != null) {
      names.add("Prometheus");
      pids.add(
          new PidFile(
              stateFolder.resolve("run").resolve("prometheus.pid"),
              stateFolder.resolve("prometheus").resolve("prometheus.yml").toString()));
      names.add("Alertmanager");
      pids.add(
          new PidFile(
              stateFolder.resolve("run").resolve("alertmanager.pid"),
              stateFolder.resolve("alertmanager").resolve("alertmanager.yml").toString()));
      names.add("the exporter");
      pids.add(
          new PidFile(
              stateFolder.resolve("run").resolve("exporter.pid"),
              "-Dhopscope.sandbox.exporter=" + stateFolder + " "));
    }
    for (int i = 0; i < pids.size(); i++) {
      Optional<Long> live = pids.get(i).runningPid().filter(pid -> !self.contains(pid));
      if (live.isPresent()) {
        return Optional.of("running: " + names.get(i) + " pid " + live.get());
      }
    }
    return ProcessHandle.allProcesses()
        .filter(p -> !self.contains(p.pid()))
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(
                        cl ->
                            names(cl, stateFolder)
                                || names(cl, elasticsearchFolder)
                                || (stateFolder != null
                                    && java.util.Arrays.stream(SearchEngine.values())
                                        .anyMatch(e -> names(cl, stateFolder.resolve(e.id())))))
                    .orElse(false))
        .findFirst()
        .map(p -> "in use by process " + p.pid() + " (" + p.info().command().orElse("?") + ")");
  }

  /** Whether {@code commandLine} names {@code folder} or something in it. */
  static boolean names(String commandLine, Path folder) {
    if (folder == null) {
      return false;
    }
    String f = folder.toString();
    for (int i = commandLine.indexOf(f); i >= 0; i = commandLine.indexOf(f, i + 1)) {
      int end = i + f.length();
      if (end == commandLine.length() || "/ \"'=:,".indexOf(commandLine.charAt(end)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
