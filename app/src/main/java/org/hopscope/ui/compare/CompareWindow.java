package org.hopscope.ui.compare;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.hopscope.model.Flow;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.task.TaskRunner;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The flow's "Compare with a healthy one" button and the window it opens: a {@link CompareView} of
 * the shown message beside the nearest OK one, in its own window over the main one (one at a time;
 * opening it again compares the message now shown). "Back to the flow" and closing the window
 * cancel a comparison still running.
 */
public final class CompareWindow {

  private final FlowViewModel flow;
  private final CompareViewModel vm;
  private Stage stage;

  public CompareWindow(
      FlowViewModel flow, CompareViewModel.CompareSearch search, TaskRunner runner) {
    this.flow = flow;
    this.vm = new CompareViewModel(search, runner);
  }

  /** The button for the flow's toolbar; disabled while no flow is shown. */
  public Node button() {
    Button b = new Button("Compare with a healthy one", new FontIcon(Feather.COLUMNS));
    b.setId("flow-compare");
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.disableProperty().bind(flow.flowProperty().isNull());
    b.setOnAction(e -> open(b.getScene() == null ? null : b.getScene().getWindow()));
    return b;
  }

  /** Opens (or raises) the window and compares the flow shown now with the nearest OK message. */
  public void open(Window owner) {
    open(owner, null, 0, 0);
  }

  /**
   * Opens (or raises) the window and compares the flow shown now with {@code with} (null: the
   * nearest OK message); a window opened the first time is {@code width} x {@code height} (0: fit
   * the screen).
   */
  public void open(Window owner, String with, double width, double height) {
    Flow shown = flow.flowProperty().get();
    if (shown == null) {
      return;
    }
    String id = shown.ids().isEmpty() ? shown.query() : shown.ids().get(0);
    if (stage == null) {
      stage = new Stage();
      stage.setTitle("Hopscope – compare");
      if (owner != null) {
        stage.initOwner(owner);
      }
      CompareView view = new CompareView(vm, stage::close);
      Rectangle2D screen = Screen.getPrimary().getVisualBounds();
      Scene scene =
          new Scene(
              view,
              width > 0 ? width : Math.min(1240, screen.getWidth() - 20),
              height > 0 ? height : Math.min(760, screen.getHeight() - 20));
      stage.setScene(scene);
      stage.setOnHidden(e -> vm.cancel());
    }
    Flow.Basis basis = shown.basis();
    TimeWindow window = basis == null ? null : basis.window();
    java.time.Instant asOf = basis == null ? java.time.Instant.now() : basis.asOf();
    if (with == null) {
      vm.compareWithHealthy(id, window, asOf);
    } else {
      vm.compareWith(id, with, window, asOf);
    }
    stage.show();
    stage.toFront();
  }

  /** The window's model (tests). */
  public CompareViewModel model() {
    return vm;
  }

  /** The window, or null before it was first opened (tests, screenshots). */
  public Stage stage() {
    return stage;
  }
}
