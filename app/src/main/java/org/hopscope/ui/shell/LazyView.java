package org.hopscope.ui.shell;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A view built the first time it is needed (shown, or asked for by a shortcut or a test), so that
 * start-up pays only for the view on screen: the hop metrics' charts, the incidents and playbook
 * views load their classes when first opened. FX thread only.
 *
 * @param <T> the view's type
 */
public final class LazyView<T extends Node> {

  private final Supplier<T> build;
  private T view;

  /**
   * @param build makes the view; called at most once, on the FX thread
   */
  public LazyView(Supplier<T> build) {
    this.build = Objects.requireNonNull(build, "build");
  }

  /** The view, built now when it was not yet. */
  public T get() {
    if (view == null) {
      view = Objects.requireNonNull(build.get(), "the view builder returned null");
    }
    return view;
  }

  public boolean isBuilt() {
    return view != null;
  }
}
