package org.hopscope.ui.flow;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * All events of the flow in a virtualized, sortable table (id {@code flow-events-table}) with a
 * filter box (id {@code flow-events-filter}); rows of the selected hop are highlighted, and "Only
 * this hop" (id {@code flow-events-hop-only}) narrows the rows to it. Row selection and {@link
 * FlowSelection#eventProperty()} follow each other.
 */
public final class EventsTable extends VBox {

  private static final PseudoClass IN_HOP = PseudoClass.getPseudoClass("in-hop");

  /** A row's height in px. */
  static final double ROW_PX = 22;

  /** The height 16 rows need with the toolbar and the column headers. */
  static final double ROOM_FOR_16_ROWS = 16 * ROW_PX + 70;

  private final FlowSelection selection;
  private final TableView<FlowEvent> table = new TableView<>();
  private final TextField filter = new TextField();
  private final ToggleButton hopOnly = new ToggleButton();
  private final Label count = new Label();
  private ObservableList<FlowEvent> rows = FXCollections.observableArrayList();
  private FilteredList<FlowEvent> filtered = new FilteredList<>(rows);

  /** Whether the flow shown is a first answer (its events are still being read). */
  private boolean stillReading;

  private final ReadOnlyObjectWrapper<Flow> shownFlow = new ReadOnlyObjectWrapper<>(this, "shown");
  private EventTimes times = EventTimes.of(null);
  private boolean syncing;

  public EventsTable(FlowSelection selection) {
    this.selection = selection;
    setId("flow-events");
    getStyleClass().addAll("flow-events", "hopscope-flow");
    getStylesheets().add(FlowView.STYLESHEET);
    filter.setId("flow-events-filter");
    filter.setPromptText("Filter message, level, hop, IDs (Ctrl+F)");
    filter.setPrefColumnCount(28);
    filter.getStyleClass().add(Styles.SMALL); // a compact toolbar: more room for rows
    filter.textProperty().addListener((o, a, b) -> refilter());
    hopOnly.setId("flow-events-hop-only");
    hopOnly.setGraphic(new FontIcon(Feather.FILTER));
    hopOnly.getStyleClass().add(Styles.SMALL);
    hopOnly.selectedProperty().addListener((o, a, b) -> refilter());
    count.setId("flow-events-count");
    count.getStyleClass().add("events-count");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox toolbar = new HBox(new FontIcon(Feather.SEARCH), filter, hopOnly, gap, count);
    toolbar.getStyleClass().add("events-toolbar");

    table.setItems(sorted(filtered));
    table.setId("flow-events-table");
    table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("No events match"));
    table.getColumns().addAll(EventColumns.all(() -> times));
    table.setRowFactory(t -> new EventRow());
    table.setFixedCellSize(ROW_PX); // dense rows: at 1440x900 the table shows 16 and more
    table.setTableMenuButtonVisible(true);
    VBox.setVgrow(table, Priority.ALWAYS);
    getChildren().addAll(toolbar, table);

    table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> onRowSelected(e));
    selection.eventProperty().addListener((o, a, e) -> showSelected(e));
    selection.hopProperty().addListener((o, a, h) -> onHop(h));
    onHop(null);
  }

  /**
   * Shows the events of {@code f} (null clears), oldest first by the time shown, keeping the filter
   * text; the stored time shows beside it while a hop's times are corrected for clock skew.
   */
  public void setFlow(Flow f) {
    shownFlow.set(null);
    stillReading = f != null && !f.stillReading().isEmpty();
    times = EventTimes.of(f);
    TableColumn<FlowEvent, ?> time = column("flow-col-time");
    time.setText(times.corrected() ? EventColumns.TIME_CORRECTED : EventColumns.TIME);
    column("flow-col-stored").setVisible(times.corrected());
    syncing = true;
    try {
      table.getSelectionModel().clearSelection();
      // fresh lists instead of setAll: no 100,000-item change to propagate through the chain
      if (table.getItems() instanceof SortedList<FlowEvent> old) {
        old.comparatorProperty().unbind();
      }
      rows = FXCollections.observableList(EventFilter.rows(f));
      filtered = new FilteredList<>(rows, EventFilter.matching(filter.getText(), hopFilter()));
      table.setItems(sorted(filtered));
    } finally {
      syncing = false;
    }
    updateCount();
    shownFlow.set(f);
  }

  private TableColumn<FlowEvent, ?> column(String id) {
    return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
  }

  private SortedList<FlowEvent> sorted(FilteredList<FlowEvent> source) {
    SortedList<FlowEvent> sorted = new SortedList<>(source);
    sorted.comparatorProperty().bind(table.comparatorProperty());
    return sorted;
  }

  private String hopFilter() {
    return hopOnly.isSelected() ? selection.hopProperty().get() : null;
  }

  /** The flow whose events the table holds, once they are in (null while none). */
  public ReadOnlyObjectProperty<Flow> shownFlowProperty() {
    return shownFlow.getReadOnlyProperty();
  }

  /** The table (for tests and the shell). */
  public TableView<FlowEvent> table() {
    return table;
  }

  /** Focuses the filter box and selects its text (Ctrl+F). */
  public void focusFilter() {
    filter.requestFocus();
    filter.selectAll();
  }

  private void onHop(String hop) {
    hopOnly.setText(hop == null ? "Only selected hop" : "Only " + hop);
    hopOnly.setDisable(hop == null);
    if (hop == null && hopOnly.isSelected()) {
      hopOnly.setSelected(false);
    } else if (hopOnly.isSelected()) {
      refilter();
    }
    // mark the rows in place: re-filtering or refresh() here would disturb a selection in progress
    for (javafx.scene.Node n : table.lookupAll(".table-row-cell")) {
      if (n instanceof EventRow row) {
        row.markHop();
      }
    }
  }

  private void refilter() {
    syncing = true;
    try {
      filtered.setPredicate(EventFilter.matching(filter.getText(), hopFilter()));
    } finally {
      syncing = false;
    }
    updateCount();
    showSelected(selection.eventProperty().get());
  }

  private void updateCount() {
    // a first answer's table is not the message's every event yet
    String soFar = stillReading ? " so far" : "";
    count.setText(
        (filtered.size() == rows.size()
                ? FlowFormat.events(rows.size())
                : String.format(
                    Locale.ROOT, "%,d of %s", filtered.size(), FlowFormat.events(rows.size())))
            + soFar);
  }

  private void onRowSelected(FlowEvent e) {
    if (!syncing && e != null) {
      selection.select(e);
    }
  }

  private void showSelected(FlowEvent e) {
    if (e == table.getSelectionModel().getSelectedItem()) {
      return;
    }
    syncing = true;
    try {
      int i = indexOf(table.getItems(), e);
      if (i < 0) {
        table.getSelectionModel().clearSelection();
      } else {
        table.getSelectionModel().clearAndSelect(i);
        table.scrollTo(Math.max(0, i - 3));
      }
    } finally {
      syncing = false;
    }
  }

  private static int indexOf(List<FlowEvent> items, FlowEvent e) {
    if (e == null) {
      return -1;
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == e) {
        return i;
      }
    }
    return -1;
  }

  /** Colours a row by level and failure; marks rows of the selected hop. */
  private final class EventRow extends TableRow<FlowEvent> {
    @Override
    protected void updateItem(FlowEvent e, boolean empty) {
      super.updateItem(e, empty);
      getStyleClass().removeAll("level-error", "level-warn", "danger-event");
      boolean show = !empty && e != null;
      if (show) {
        String level = EventColumns.levelClass(e.level());
        if (level.equals("level-error") || level.equals("level-warn")) {
          getStyleClass().add(level);
        }
        if (LaneIndex.isDanger(e)) {
          getStyleClass().add("danger-event");
        }
      }
      markHop();
    }

    void markHop() {
      FlowEvent e = getItem();
      pseudoClassStateChanged(
          IN_HOP, !isEmpty() && e != null && e.hop().equals(selection.hopProperty().get()));
    }
  }
}
