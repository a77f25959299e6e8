package org.hopscope.ui.flow;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.ui.look.ElisionCheck;
import org.hopscope.ui.look.VerdictLook;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One message's flow (id {@code flow-view}): the timeline on top, the events table (beside it the
 * parts of a split message and its batches, {@link FlowDetails}) and the raw document below, or the
 * empty state (idle, searching, no evidence with longer windows offered, failed). The path diagram
 * is not part of it (the shell places it above all views). Keys while focus is inside: Ctrl+F the
 * filter, Left/Right the hop selection (outside text fields).
 */
public final class FlowView extends StackPane {

  /** The flow view's own stylesheet ({@code flow.css}: layout; verdict colours come from look). */
  static final String STYLESHEET = FlowView.class.getResource("flow.css").toExternalForm();

  private final FlowViewModel vm;
  private final FlowSelection selection;
  private final TimelineCanvas timeline;
  private final EventsTable events;
  private final FlowEmptyState empty;
  private final FlowDetails details;
  private final BorderPane content = new BorderPane();
  private final ReadOnlyBooleanWrapper drawn = new ReadOnlyBooleanWrapper(this, "drawn");
  private final HBox actions = new HBox(6);
  private final SplitPane main = new SplitPane();
  private final StackPane timelinePane = new StackPane();
  private int placedLanes = -1;
  private boolean dividerDragged;

  /**
   * @param vm the search whose flow, state, query, window and problem are shown
   * @param selection shared with the diagram and metrics view; cleared on every new flow
   */
  public FlowView(FlowViewModel vm, FlowSelection selection) {
    this.vm = vm;
    this.selection = selection;
    setId("flow-view");
    getStyleClass().addAll("flow-view", "hopscope-flow");
    getStylesheets().addAll(FlowView.STYLESHEET, VerdictLook.STYLESHEET);
    timeline = new TimelineCanvas(selection);
    events = new EventsTable(selection);
    details = new FlowDetails(events, vm::open);
    empty = new FlowEmptyState(vm::searchLast);
    RawDocumentPane raw = new RawDocumentPane(selection.eventProperty());

    // the bar (actions, Fit) sits in the axis row's right end: no row of its own above the lanes
    Region bar = timelineBar();
    timelinePane.getChildren().setAll(timeline, bar);
    StackPane.setAlignment(bar, javafx.geometry.Pos.TOP_RIGHT);
    timeline.axisInsetRightProperty().bind(bar.widthProperty());
    SplitPane bottom = new SplitPane(details, raw);
    bottom.setDividerPositions(0.64);
    SplitPane.setResizableWithParent(raw, false);
    main.getItems().setAll(timelinePane, bottom);
    main.setOrientation(Orientation.VERTICAL);
    // the timeline keeps the height its lanes need when the window changes: the table gets the rest
    main.heightProperty().addListener((o, a, h) -> Platform.runLater(() -> placeDivider(false)));
    main.addEventFilter(
        javafx.scene.input.MouseEvent.MOUSE_PRESSED,
        e -> {
          for (Node n = (Node) e.getTarget(); n != null && n != main; n = n.getParent()) {
            if (n.getParent() == main && n.getStyleClass().contains("split-pane-divider")) {
              dividerDragged = true; // the user's split stays from now on
            }
          }
        });
    content.setCenter(main);
    getChildren().addAll(content, empty);

    vm.shownProperty().addListener((o, a, f) -> showFlow(f));
    vm.stateProperty().addListener((o, a, s) -> updateState());
    timeline.drawnFlowProperty().addListener((o, a, b) -> updateDrawn());
    events.shownFlowProperty().addListener((o, a, b) -> updateDrawn());
    addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    showFlow(vm.shownProperty().get());
  }

  /**
   * True once the current flow is completely shown: the timeline drew it and the table holds its
   * events; false while there is no flow or a new one is being laid out.
   */
  public ReadOnlyBooleanProperty drawnProperty() {
    return drawn.getReadOnlyProperty();
  }

  /** The timeline (the bench zooms and pans it). */
  public TimelineCanvas timeline() {
    return timeline;
  }

  public EventsTable events() {
    return events;
  }

  /**
   * Adds {@code action} (e.g. "Save as evidence") to the timeline's bar, left of Fit; shown only
   * while a flow is shown.
   */
  public void addAction(Node action) {
    actions.getChildren().add(action);
  }

  /** Focuses the events filter (the shell may bind Ctrl+F to it too). */
  public void focusFilter() {
    events.focusFilter();
  }

  /** Moves the hop selection {@code delta} hops along the path. */
  public void selectNext(int delta) {
    Flow f = vm.shownProperty().get();
    if (f != null) {
      List<String> hops = f.hops().stream().map(HopFlow::hop).toList();
      String next = HopNavigation.next(hops, selection.hopProperty().get(), delta);
      selection.select(null);
      selection.hopProperty().set(next);
    }
  }

  /**
   * The timeline's bar: the actions others add and Fit, laid over the right end of the axis row
   * (the timeline draws no ticks under it); the timeline's title and the gestures are in the
   * canvas's corner and Fit's tooltip.
   */
  private Region timelineBar() {
    Button fit = new Button("Fit", new FontIcon(Feather.MAXIMIZE_2));
    fit.setId("flow-timeline-fit");
    fit.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    fit.setOnAction(e -> timeline.fit());
    fit.setTooltip(
        new javafx.scene.control.Tooltip(
            "Fit the whole flow (or double-click the timeline)\n"
                + "wheel: zoom · drag: pan · click: select"));
    actions.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
    actions.setMinWidth(0); // never widens the window: the actions give way first
    HBox bar = new HBox(actions, fit);
    bar.getStyleClass().addAll("flow-timeline-bar", ElisionCheck.ESSENTIAL);
    bar.setPickOnBounds(false);
    bar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    return bar;
  }

  /**
   * Gives the timeline the height its lanes need (20 px each, up to 32 px while the events table
   * keeps room for 16 rows; at most {@link #TIMELINE_SHARE} of the view) and the table the rest,
   * whenever the height or the number of hops changes, until the user drags the divider.
   */
  private void placeDivider(boolean newFlow) {
    double h = main.getHeight();
    int lanes = timeline.laneCount();
    if (h <= 0 || dividerDragged || (newFlow && lanes == placedLanes)) {
      return;
    }
    // lanes of 20 px at least; up to 32 px while the table keeps room for 16 rows
    double least = timeline.wantedHeight(TimelineCanvas.LANE_PX);
    double most = timeline.wantedHeight(TimelineCanvas.ROOMY_LANE_PX);
    double wanted = Math.max(least, Math.min(most, h - EventsTable.ROOM_FOR_16_ROWS));
    main.setDividerPositions(Math.min(TIMELINE_SHARE, wanted / h));
    placedLanes = lanes;
  }

  /** The most of the view's height the timeline is given. */
  static final double TIMELINE_SHARE = 0.45;

  private void showFlow(Flow f) {
    drawn.set(false);
    selection.clear();
    timeline.setFlow(f);
    events.setFlow(f);
    details.setFlow(f);
    Platform.runLater(() -> placeDivider(true));
    updateState();
  }

  private void updateState() {
    // a search's first answer is shown while the rest is read (no "Searching" over it)
    boolean firstAnswer =
        vm.stateProperty().get() == FlowViewModel.State.SEARCHING
            && vm.shownProperty().get() != null
            && vm.shownProperty().get() != vm.flowProperty().get();
    boolean showEmpty =
        !firstAnswer
            && empty.show(
                vm.stateProperty().get(),
                vm.queryProperty().get(),
                vm.windowProperty().get(),
                vm.problemProperty().get(),
                vm.shownProperty().get() != null);
    empty.setVisible(showEmpty);
    content.setVisible(!showEmpty);
  }

  private void updateDrawn() {
    Flow f = vm.shownProperty().get();
    drawn.set(
        f != null
            && timeline.drawnFlowProperty().get() == f
            && events.shownFlowProperty().get() == f);
  }

  private void onKey(KeyEvent e) {
    if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
      focusFilter();
      e.consume();
    } else if ((e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)
        && !(getScene().getFocusOwner() instanceof TextInputControl)) {
      selectNext(e.getCode() == KeyCode.LEFT ? -1 : 1);
      e.consume();
    }
  }
}
