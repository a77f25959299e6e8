package org.hopscope.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.hopscope.ui.incident.IncidentViewModel;
import org.hopscope.ui.look.ElisionCheck;
import org.hopscope.ui.playbook.PlaybookViewModel;
import org.hopscope.ui.shell.View;
import org.hopscope.ui.stuck.StuckViewModel;

/**
 * {@code gui --screenshot FILE}: waits until the requested view has its data and is drawn, writes a
 * PNG of the whole window and exits 0; exits 1 naming the reason when the data does not arrive
 * (search failed, no evidence, analysis failed, or the timeout passed) or when essential text (the
 * path diagram, the bars: {@link ElisionCheck}) is elided; then the PNG is still written, to look
 * at, and every elided control is named with its text.
 */
final class ScreenshotMode {

  private final HopscopeApp.Parts parts;
  private final OnCallViews onCall;
  private final GuiOptions options;
  private final PrintWriter err;
  private final IntConsumer exit;
  private boolean done;
  // held here: bindings only weakly referenced by their sources would be garbage-collected
  private BooleanBinding ready;
  private StringBinding failure;
  private ScreenshotExtras extras;

  ScreenshotMode(
      HopscopeApp.Parts parts,
      OnCallViews onCall,
      GuiOptions options,
      PrintWriter err,
      IntConsumer exit) {
    this.parts = parts;
    this.onCall = onCall;
    this.options = options;
    this.err = err;
    this.exit = exit;
  }

  void arm() {
    View view = View.parse(options.mainView());
    extras = new ScreenshotExtras(parts, onCall, options);
    FlowViewModel flow = parts.flow();
    StuckViewModel window = parts.window();
    if (view == View.INCIDENTS) {
      IncidentViewModel incidents = onCall.incidents();
      ready =
          incidents == null
              ? Bindings.createBooleanBinding(() -> true) // the "unavailable" notice is the view
              : Bindings.createBooleanBinding(
                  () -> incidents.loadedProperty().get() && shownIfAny(incidents),
                  incidents.loadedProperty(),
                  incidents.currentProperty(),
                  incidents.incidents());
      failure = Bindings.createStringBinding(() -> null);
    } else if (view == View.PLAYBOOK) {
      armPlaybook();
    } else if (view == View.STUCK) {
      ready = window.stateProperty().isEqualTo(StuckViewModel.State.DONE);
      failure =
          Bindings.createStringBinding(
              () ->
                  window.stateProperty().get() == StuckViewModel.State.FAILED
                      ? "the stuck analysis failed: " + window.problemProperty().get()
                      : null,
              window.stateProperty());
    } else {
      BooleanBinding found = flow.stateProperty().isEqualTo(FlowViewModel.State.DONE);
      ready =
          view == View.FLOW
              ? found.and(parts.flowView().get().drawnProperty())
              : found.and(parts.metricsView().get().readyProperty());
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
    // the status bar's first health answer too, so no shot says "no profile" beside real data
    // and no search still running in the header (incidents and playbook views)
    var status = parts.status();
    BooleanBinding answered =
        Bindings.createBooleanBinding(
            () ->
                status.elasticsearchProperty().get() != null
                    && status.elasticsearchProperty().get().level()
                        != org.hopscope.ui.status.SourceHealth.Level.UNKNOWN,
            status.elasticsearchProperty());
    ready =
        ready
            .and(status.probeProperty().isNotNull())
            .and(status.refreshingProperty().not())
            .and(answered)
            .and(flow.stateProperty().isNotEqualTo(FlowViewModel.State.SEARCHING));
    ready = extras.ready(ready);
    failure = extras.failure(failure);
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
                    + extras.state()
                    + ")"));
    patience.play();
    settleThenWrite(ready.get());
    fail(failure.get());
  }

  /** True when there is no incident or one is shown; else shows the newest one. */
  private static boolean shownIfAny(IncidentViewModel incidents) {
    if (incidents.incidents().isEmpty() || incidents.currentProperty().get() != null) {
      return true;
    }
    javafx.application.Platform.runLater(
        () -> {
          if (incidents.currentProperty().get() == null && !incidents.incidents().isEmpty()) {
            incidents.select(incidents.incidents().get(0).id());
          }
        });
    return false;
  }

  /**
   * The playbook view is ready once the connection's path is known (suggestions made) and a
   * playbook is picked: the link's one with its first step shown, else the first one offered.
   */
  private void armPlaybook() {
    PlaybookViewModel playbooks = onCall.playbooks();
    javafx.beans.property.StringProperty path = parts.shell().pathProperty();
    if (options.link == null) {
      Runnable pickFirst =
          () -> {
            if (path.get() != null && !playbooks.pickerItems().isEmpty()) {
              playbooks.select(playbooks.pickerItems().get(0).playbook().id());
            }
          };
      path.addListener((o, was, now) -> pickFirst.run());
      pickFirst.run();
      ready =
          Bindings.createBooleanBinding(
              () -> path.get() != null && playbooks.selectedProperty().get() != null,
              path,
              playbooks.selectedProperty());
      failure =
          Bindings.createStringBinding(
              () ->
                  path.get() != null && playbooks.pickerItems().isEmpty()
                      ? "there are no playbooks to show (see the playbook problems above)"
                      : null,
              path,
              playbooks.pickerItems());
    } else {
      ready =
          Bindings.createBooleanBinding(
              () -> playbooks.currentStepProperty().get() != null, playbooks.currentStepProperty());
      failure =
          Bindings.createStringBinding(
              () ->
                  path.get() != null
                          && playbooks.runProperty().get() == null
                          && !playbooks.problemProperty().get().isEmpty()
                      ? "the link's playbook could not be opened: "
                          + playbooks.problemProperty().get()
                      : null,
              path,
              playbooks.runProperty(),
              playbooks.problemProperty());
    }
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
          write(extras.scene());
        }
      }
    }.start();
  }

  private void write(Scene scene) {
    if (done) {
      return;
    }
    done = true;
    extras.stop();
    List<ElisionCheck.Elided> elided = ElisionCheck.essentials(scene);
    Path file = options.screenshot.toAbsolutePath();
    BufferedImage image = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      ImageIO.write(image, "png", file.toFile());
      err.println(
          "hopscope: wrote " + file + " (" + image.getWidth() + "x" + image.getHeight() + ")");
      if (!elided.isEmpty()) {
        err.println(
            "hopscope gui: essential text is elided at "
                + image.getWidth()
                + "x"
                + image.getHeight()
                + " (widen the control or let it wrap):");
        elided.forEach(e -> err.println("  " + e));
        exit.accept(1);
        return;
      }
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
    extras.stop();
    err.println("hopscope gui: no screenshot: " + reason);
    exit.accept(1);
  }
}
