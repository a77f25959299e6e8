package org.hopscope.sandbox;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code prometheus} and {@code promtool} programs from {@code PATH}. When missing and running
 * as root on Debian/Ubuntu, installs the distribution package {@code prometheus}.
 *
 * @param prometheus the server binary
 * @param promtool the companion tool (backfill), next to it or on {@code PATH}
 */
public record PrometheusBinary(Path prometheus, Path promtool) {

  private static final Path APT_GET = Path.of("/usr/bin/apt-get");

  /** The programs on {@code PATH}, installing them first when possible; else a clear error. */
  public static PrometheusBinary find() {
    return find(System.getenv("PATH"), ElasticsearchUser.isRoot(), APT_GET);
  }

  /** As {@link #find()} with the search path, root-ness and apt-get location given. */
  static PrometheusBinary find(String path, boolean root, Path aptGet) {
    return onPath(path).orElseGet(() -> install(path, root, aptGet));
  }

  /** The programs if both are on {@code PATH}. */
  public static Optional<PrometheusBinary> onPath() {
    return onPath(System.getenv("PATH"));
  }

  private static Optional<PrometheusBinary> onPath(String path) {
    Optional<Path> server = which("prometheus", path);
    Optional<Path> tool = which("promtool", path);
    return server.isPresent() && tool.isPresent()
        ? Optional.of(new PrometheusBinary(server.get(), tool.get()))
        : Optional.empty();
  }

  static Optional<Path> which(String program, String searchPath) {
    String path = searchPath == null ? "/usr/local/bin:/usr/bin:/bin" : searchPath;
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static PrometheusBinary install(String path, boolean root, Path aptGet) {
    if (!root || !Files.isExecutable(aptGet)) {
      throw new SandboxException(
          "Prometheus is not installed: `prometheus` and `promtool` were not found on PATH ("
              + path
              + "). Install them, e.g. on Debian/Ubuntu `sudo apt-get install prometheus`, or put"
              + " the binaries of a Prometheus 2.x release on PATH; then run up again.");
    }
    List<String> install =
        List.of(aptGet.toString(), "install", "-y", "--no-install-recommends", "prometheus");
    ToolRun.Result first = apt(install).result();
    if (!first.ok()) { // stale package lists: refresh once and retry
      apt(List.of(aptGet.toString(), "update")).output();
      apt(install).output();
    }
    return onPath(path)
        .or(() -> onPath("/usr/bin"))
        .orElseThrow(
            () ->
                new SandboxException(
                    "installed the package prometheus but `prometheus`/`promtool` are still not"
                        + " on PATH ("
                        + path
                        + "); add /usr/bin to PATH."));
  }

  private static ToolRun apt(List<String> cmd) {
    return ToolRun.of(cmd)
        .withEnvironment(java.util.Map.of("DEBIAN_FRONTEND", "noninteractive"))
        .within(Duration.ofMinutes(10));
  }

  /** The version, e.g. {@code 2.42.0+ds}, from {@code prometheus --version}. */
  public String version() {
    ToolRun.Result r = ToolRun.of(List.of(prometheus.toString(), "--version")).result();
    String first = r.output().lines().findFirst().orElse("");
    int at = first.indexOf("version ");
    return at < 0 ? "unknown" : first.substring(at + "version ".length()).split(" ")[0];
  }
}
