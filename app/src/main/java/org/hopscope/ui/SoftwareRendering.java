package org.hopscope.ui;

import com.sun.jna.platform.unix.LibC;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * On a Linux machine without a graphics device (a VM, a remote desktop, Xvfb), JavaFX can only get
 * a software OpenGL (Mesa's llvmpipe), which its es2 pipeline rejects after having loaded and
 * initialised it, falling back to its software renderer; and GTK has already loaded the same
 * libraries to probe GLX for its visuals. Both cost start-up time and about 60 MB of resident
 * memory (Mesa's LLVM) for nothing: there the client starts with JavaFX's software renderer ({@code
 * prism.order=sw}) and GTK's OpenGL off ({@code GDK_GL=disable}) straight away (ADR 0043).
 *
 * <p>A machine with a graphics device ({@code /dev/dri/*}, {@code /dev/nvidia*}) keeps JavaFX's own
 * choice, as does a user who set {@code -Dprism.order} or {@code GDK_GL}. Must run before the
 * JavaFX toolkit starts.
 */
final class SoftwareRendering {

  private static final Logger LOG = System.getLogger(SoftwareRendering.class.getName());

  /** Why the choice was made, for the diagnostics log; null when JavaFX chooses. */
  private final String reason;

  private SoftwareRendering(String reason) {
    this.reason = reason;
  }

  /**
   * Decides for this machine.
   *
   * @param osName the {@code os.name} property
   * @param env the process environment
   * @param system the system properties
   * @param dev the devices folder ({@code /dev})
   */
  static SoftwareRendering decide(
      String osName, Map<String, String> env, Properties system, Path dev) {
    if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
      return new SoftwareRendering(null);
    }
    if (system.getProperty("prism.order") != null || env.containsKey("GDK_GL")) {
      return new SoftwareRendering(null); // the user's own choice
    }
    if (hasGraphicsDevice(dev)) {
      return new SoftwareRendering(null);
    }
    return new SoftwareRendering(
        "no graphics device in "
            + dev
            + " (dri, nvidia): JavaFX's software renderer, GTK without"
            + " OpenGL");
  }

  /** True when the client should start with the software renderer. */
  boolean software() {
    return reason != null;
  }

  /** Why; empty when JavaFX chooses its pipeline itself. */
  String reason() {
    return reason == null ? "" : reason;
  }

  /** Sets {@code prism.order=sw} and {@code GDK_GL=disable} when {@link #software()}. */
  void apply(Properties system) {
    if (!software()) {
      return;
    }
    system.setProperty("prism.order", "sw");
    // GTK reads GDK_GL from the process environment when JavaFX initialises it, after this
    try {
      LibC.INSTANCE.setenv("GDK_GL", "disable", 0);
    } catch (LinkageError e) { // JNA's native part cannot load (e.g. a noexec temp folder)
      LOG.log(Level.WARNING, "cannot set GDK_GL=disable (GTK probes OpenGL as before)", e);
    }
  }

  /** True when there is one, or when it cannot be told (then JavaFX chooses, as always). */
  private static boolean hasGraphicsDevice(Path dev) {
    try {
      if (Files.isDirectory(dev.resolve("dri"))) {
        try (Stream<Path> nodes = Files.list(dev.resolve("dri"))) {
          if (nodes.anyMatch(SoftwareRendering::isGraphicsNode)) {
            return true;
          }
        }
      }
      try (Stream<Path> nodes = Files.list(dev)) {
        return nodes.anyMatch(p -> p.getFileName().toString().startsWith("nvidia"));
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.WARNING, "cannot list the graphics devices in " + dev, e);
      return true;
    }
  }

  private static boolean isGraphicsNode(Path node) {
    String name = node.getFileName().toString();
    return name.startsWith("card") || name.startsWith("renderD");
  }
}
