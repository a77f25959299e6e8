package org.hopscope.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The operating-system account Elasticsearch and its CLI tools run as. Elasticsearch refuses to run
 * as root, so when the sandbox is driven by root it runs everything of Elasticsearch as the system
 * user {@value #NAME} (created on demand) through {@code runuser}; otherwise as the current user.
 *
 * @param root whether this JVM runs as root (uid 0)
 */
public record ElasticsearchUser(boolean root) {

  /** The dedicated system account used when running as root. */
  public static final String NAME = "hopscope-es";

  /** The account for this JVM: {@value #NAME} when root, else the current user. */
  public static ElasticsearchUser forCurrentProcess() {
    return new ElasticsearchUser(isRoot());
  }

  /** True when this JVM runs as uid 0. */
  public static boolean isRoot() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** As root: creates the system user when missing. Otherwise nothing to do. */
  public void ensureExists() {
    if (!root) {
      return;
    }
    if (ToolRun.of(List.of("id", "-u", NAME)).result().ok()) {
      return;
    }
    ToolRun.of(
            List.of(
                "useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME))
        .output();
  }

  /** {@code command} as it must be started to run as this account. */
  public List<String> wrap(List<String> command) {
    if (!root) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** As root: hands {@code path} (recursively) to the account. Otherwise nothing to do. */
  public void own(Path path) {
    if (root) {
      ToolRun.of(List.of("chown", "-R", NAME + ":", path.toString())).output();
    }
  }
}
