package org.hopscope.ui.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * What the window builds once its first frame is on screen (ADR 0038): the lean first screen
 * (search bar, path, status) is shown, then these steps run one per FX event, in order, so the
 * window stays responsive between them (a key press or a query's answer can come in between). FX
 * thread only.
 */
public final class FirstFrame {

  private final Deque<Runnable> steps = new ArrayDeque<>();
  private boolean drawn;
  private boolean armed;
  private int holds;

  /** Adds a step; after the first frame it runs at once (after the earlier steps). */
  public FirstFrame then(Runnable step) {
    steps.add(step);
    if (drawn && steps.size() == 1) {
      Platform.runLater(this::next);
    }
    return this;
  }

  /**
   * Starts the steps after the second animation pulse from now (the pulse that laid out and
   * rendered the first frame has finished by then). Call once, right after the stage is shown.
   */
  public void arm() {
    if (armed) {
      throw new IllegalStateException("FirstFrame is armed already");
    }
    armed = true;
    new AnimationTimer() {
      private int pulses;

      @Override
      public void handle(long now) {
        if (++pulses == 2) {
          stop();
          drawn = true;
          Platform.runLater(FirstFrame.this::next);
        }
      }
    }.start();
  }

  /** True once the first frame was drawn (the steps have started). */
  public boolean drawn() {
    return drawn;
  }

  /**
   * Says more steps are still to come (added once something off the FX thread is there); {@link
   * #done} stays false until the returned release is run (once; FX thread).
   */
  public Runnable hold() {
    holds++;
    boolean[] released = {false};
    return () -> {
      if (!released[0]) {
        released[0] = true;
        holds--;
      }
    };
  }

  /** True once every step added so far has run and no {@link #hold} is left. */
  public boolean done() {
    return drawn && steps.isEmpty() && holds == 0;
  }

  private void next() {
    Runnable step = steps.poll();
    if (step == null) {
      return;
    }
    try {
      step.run();
    } finally {
      if (!steps.isEmpty()) {
        Platform.runLater(this::next);
      }
    }
  }
}
