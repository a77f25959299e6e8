package org.hopscope.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.shell.View;
import org.hopscope.ui.window.WindowViewModel;

/**
 * {@code gui --screenshot FILE}: waits until the requested view has its data and is drawn, writes a
 * PNG of the whole window and exits 0; exits 1 naming the reason when the data does not arrive
 * (search failed, no evidence, analysis failed, or the timeout passed).
 */
final class ScreenshotMode {

  private final HopscopeApp.Parts parts;
  private final GuiOptions options;
  private final PrintWriter err;
  private final IntConsumer exit;
  private boolean done;
  // held here: bindings only weakly referenced by their sources would be garbage-collected
  private BooleanBinding ready;
  private StringBinding failure;

  ScreenshotMode(HopscopeApp.Parts parts, GuiOptions options, PrintWriter err, IntConsumer exit) {
    this.parts = parts;
    this.options = options;
    this.err = err;
    this.exit = exit;
  }

  void arm() {
    View view = View.parse(options.view);
    FlowViewModel flow = parts.flow();
    WindowViewModel window = parts.window();
    if (view == View.INCIDENTS || view == View.PLAYBOOK) {
      ready = Bindings.createBooleanBinding(() -> true);
      failure = Bindings.createStringBinding(() -> null);
    } else if (view == View.WINDOW) {
      ready = window.stateProperty().isEqualTo(WindowViewModel.State.DONE);
      failure =
          Bindings.createStringBinding(
              () ->
                  window.stateProperty().get() == WindowViewModel.State.FAILED
                      ? "the window analysis failed: " + window.problemProperty().get()
                      : null,
              window.stateProperty());
    } else {
      BooleanBinding found = flow.stateProperty().isEqualTo(FlowViewModel.State.DONE);
      ready =
          view == View.FLOW
              ? found.and(parts.flowView().drawnProperty())
              : found.and(parts.metricsView().readyProperty());
      failure =
          Bindings.createStringBinding(
              () -> {
                switch (flow.stateProperty().get()) {
                  case FAILED:
                    return "the search failed: " + flow.problemProperty().get();
                  case NO_EVIDENCE:
                    return "no evidence for '" + options.id + "' in the window searched";
                  default:
                    return null;
                }
              },
              flow.stateProperty(),
              flow.problemProperty());
    }
    ready.addListener((o, was, now) -> settleThenWrite(now));
    failure.addListener((o, was, now) -> fail(now));
    PauseTransition patience = new PauseTransition(Duration.seconds(options.timeoutSeconds));
    patience.setOnFinished(
        e ->
            fail(
                "the "
                    + view.key()
                    + " view's data did not arrive within "
                    + options.timeoutSeconds
                    + " s (flow: "
                    + flow.stateProperty().get()
                    + ", window: "
                    + window.stateProperty().get()
                    + ")"));
    patience.play();
    settleThenWrite(ready.get());
    fail(failure.get());
  }

  /** Lets two more frames pass (layout and chart canvases settle), then writes the PNG. */
  private void settleThenWrite(boolean ready) {
    if (!ready || done) {
      return;
    }
    new AnimationTimer() {
      private int frames;

      @Override
      public void handle(long now) {
        if (++frames >= 3) {
          stop();
          write(parts.stage().getScene());
        }
      }
    }.start();
  }

  private void write(Scene scene) {
    if (done) {
      return;
    }
    done = true;
    Path file = options.screenshot.toAbsolutePath();
    BufferedImage image = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      ImageIO.write(image, "png", file.toFile());
      err.println(
          "hopscope: wrote " + file + " (" + image.getWidth() + "x" + image.getHeight() + ")");
      exit.accept(0);
    } catch (IOException e) {
      err.println("hopscope gui: cannot write " + file + ": " + e.getMessage());
      exit.accept(1);
    }
  }

  private void fail(String reason) {
    if (reason == null || done) {
      return;
    }
    done = true;
    err.println("hopscope gui: no screenshot: " + reason);
    exit.accept(1);
  }
}
