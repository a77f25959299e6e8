package org.hopscope.ui.flow;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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

    BorderPane timelinePane = new BorderPane(timeline);
    timelinePane.setTop(timelineBar());
    SplitPane bottom = new SplitPane(details, raw);
    bottom.setDividerPositions(0.64);
    SplitPane.setResizableWithParent(raw, false);
    SplitPane main = new SplitPane(timelinePane, bottom);
    main.setOrientation(Orientation.VERTICAL);
    main.setDividerPositions(0.42);
    content.setCenter(main);
    getChildren().addAll(content, empty);

    vm.flowProperty().addListener((o, a, f) -> showFlow(f));
    vm.stateProperty().addListener((o, a, s) -> updateState());
    timeline.drawnFlowProperty().addListener((o, a, b) -> updateDrawn());
    events.shownFlowProperty().addListener((o, a, b) -> updateDrawn());
    addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    showFlow(vm.flowProperty().get());
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
    Flow f = vm.flowProperty().get();
    if (f != null) {
      List<String> hops = f.hops().stream().map(HopFlow::hop).toList();
      String next = HopNavigation.next(hops, selection.hopProperty().get(), delta);
      selection.select(null);
      selection.hopProperty().set(next);
    }
  }

  private Node timelineBar() {
    Label title = new Label("TIMELINE");
    title.getStyleClass().add("section-title");
    Label hint = new Label("wheel: zoom · drag: pan · double-click: fit · click: select");
    hint.getStyleClass().add("timeline-hint");
    Button fit = new Button("Fit", new FontIcon(Feather.MAXIMIZE_2));
    fit.setId("flow-timeline-fit");
    fit.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    fit.setOnAction(e -> timeline.fit());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    actions.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
    actions.setMinWidth(0); // never widens the window: the timeline bar gives way first
    HBox bar = new HBox(title, hint, gap, actions, fit);
    bar.getStyleClass().addAll("flow-timeline-bar", ElisionCheck.ESSENTIAL);
    return bar;
  }

  private void showFlow(Flow f) {
    drawn.set(false);
    selection.clear();
    timeline.setFlow(f);
    events.setFlow(f);
    details.setFlow(f);
    updateState();
  }

  private void updateState() {
    boolean showEmpty =
        empty.show(
            vm.stateProperty().get(),
            vm.queryProperty().get(),
            vm.windowProperty().get(),
            vm.problemProperty().get(),
            vm.flowProperty().get() != null);
    empty.setVisible(showEmpty);
    content.setVisible(!showEmpty);
  }

  private void updateDrawn() {
    Flow f = vm.flowProperty().get();
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
