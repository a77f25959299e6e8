package org.hopscope.ui.incident;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where an export's file chooser opens: the folder of the last export (remembered in the UI
 * preferences) while it still exists, else the user's Documents folder, else the home folder; never
 * the process's working directory.
 */
public final class ExportFolder {

  private final Supplier<Path> remembered;
  private final Consumer<Path> remember;
  private final Path home;

  /**
   * @param remembered the last export's folder, or null
   * @param remember keeps a new one
   * @param home the user's home folder
   */
  public ExportFolder(Supplier<Path> remembered, Consumer<Path> remember, Path home) {
    this.remembered = remembered;
    this.remember = remember;
    this.home = home;
  }

  /** Nothing remembered; opens in Documents or the home folder of the user running the app. */
  static ExportFolder notRemembered() {
    return new ExportFolder(() -> null, p -> {}, Path.of(System.getProperty("user.home")));
  }

  /** The folder to open the chooser in (an existing directory). */
  public Path initial() {
    Path last = remembered.get();
    if (last != null && Files.isDirectory(last)) {
      return last;
    }
    Path documents = home.resolve("Documents");
    return Files.isDirectory(documents) ? documents : home;
  }

  /** Remembers the folder of {@code file}, just exported. */
  public void exported(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    if (folder != null) {
      remember.accept(folder);
    }
  }
}
