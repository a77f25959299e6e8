package org.hopscope.ui;

import atlantafx.base.theme.PrimerDark;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real JavaFX window for view tests (run under {@code xvfb-run}; Monocle needs Java 21): the
 * primary stage, a way to show a root in it, to run code on the FX thread, and to wait for a
 * condition without sleeping.
 */
public final class FxHarness {

  /** How long UI conditions may take before a test fails (backends included). */
  public static final Duration PATIENCE = Duration.ofSeconds(60);

  private FxHarness() {}

  /** Starts the toolkit once per JVM and returns the primary stage, dark theme on. */
  public static Stage stage() {
    try {
      Stage stage = FxToolkit.registerPrimaryStage();
      onFx(
          () -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            return null;
          });
      return stage;
    } catch (TimeoutException e) {
      throw new AssertionError("the JavaFX toolkit did not start (is there a display?)", e);
    }
  }

  /** Shows the root made by {@code root} (on the FX thread) in the primary stage at w x h. */
  public static <T extends Parent> T show(Supplier<T> root, double width, double height) {
    Stage stage = stage();
    return onFx(
        () -> {
          T r = root.get();
          stage.setScene(new Scene(r, width, height));
          // the stage is shared: an earlier test may have resized it, so fit it to this scene
          stage.sizeToScene();
          stage.show();
          stage.toFront();
          return r;
        });
  }

  /** Runs {@code work} on the FX thread and returns its result; rethrows its failure. */
  public static <T> T onFx(Callable<T> work) {
    try {
      return WaitForAsyncUtils.asyncFx(work).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new AssertionError(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the FX thread did not run the work within " + PATIENCE, e);
    }
  }

  /** Runs {@code work} on the FX thread and waits for it. */
  public static void runFx(Runnable work) {
    onFx(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Waits until {@code condition} (evaluated on the FX thread) holds; fails naming {@code what}
   * after {@code timeout}.
   */
  public static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(
          timeout.toMillis(), TimeUnit.MILLISECONDS, () -> onFx(condition::getAsBoolean));
    } catch (TimeoutException e) {
      throw new AssertionError("timed out after " + timeout + " waiting for: " + what, e);
    }
  }

  /** {@link #waitUntil(String, Duration, BooleanSupplier)} with {@link #PATIENCE}. */
  public static void waitUntil(String what, BooleanSupplier condition) {
    waitUntil(what, PATIENCE, condition);
  }

  /** Writes a PNG of {@code node} as drawn now (for looking at what was built). */
  public static Path snapshot(Node node, Path file) {
    BufferedImage image = onFx(() -> SwingFXUtils.fromFXImage(node.snapshot(null, null), null));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      ImageIO.write(image, "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new AssertionError("cannot write " + file, e);
    }
  }
}
