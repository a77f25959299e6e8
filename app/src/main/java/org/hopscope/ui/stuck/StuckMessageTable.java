package org.hopscope.ui.stuck;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.StuckMessage;
import org.hopscope.ui.look.TextCell;
import org.hopscope.ui.look.VerdictLook;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The stuck, failed and dead-lettered messages: a filter box (ID, hop or verdict), a count, and a
 * virtualized, sortable table (rows kept by {@link MessageRows}); double-click or Enter on a row
 * opens that message's flow.
 */
final class StuckMessageTable extends VBox {

  private static final List<HopVerdict> SEVERITY =
      List.of(HopVerdict.STUCK, HopVerdict.ERROR, HopVerdict.DEAD_LETTERED, HopVerdict.SLOW);

  private final TableView<StuckMessage> table = new TableView<>();
  private final CustomTextField filter = new CustomTextField();
  private final Label count = new Label();

  StuckMessageTable(
      ObservableList<StuckMessage> messages,
      Clock clock,
      ObservableStringValue placeholder,
      Consumer<String> openFlow) {
    getStyleClass().add("stuck-messages");
    MessageRows rows = new MessageRows(messages);
    filter.textProperty().addListener((o, was, text) -> rows.filter(matching(text)));
    table.setItems(rows.rows());
    table.setSortPolicy(
        t -> {
          rows.order(t.getComparator());
          return true;
        });
    table.setId("stuck-stuck-table");
    table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "stuck-stuck-table");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(verdictColumn());
    table.getColumns().add(textColumn("Message ID", 300, StuckMessage::id, "message-id"));
    table.getColumns().add(textColumn("Hop", 180, StuckMessage::hop, "message-hop"));
    table.getColumns().add(lastSeenColumn(clock));
    Label empty = new Label();
    empty.textProperty().bind(placeholder);
    empty.getStyleClass().addAll(Styles.TEXT_MUTED, "stuck-table-placeholder");
    empty.setWrapText(true);
    table.setPlaceholder(empty);
    table.setRowFactory(t -> openingRow(openFlow));
    table.setOnKeyPressed(
        e -> {
          StuckMessage m = table.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.ENTER && m != null) {
            openFlow.accept(m.id());
            e.consume();
          }
        });
    VBox.setVgrow(table, Priority.ALWAYS);
    count.setId("stuck-count");
    count.getStyleClass().addAll(Styles.TEXT_MUTED, "stuck-count");
    count
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> countText(rows.rows().size(), messages.size()), rows.rows(), messages));
    getChildren().addAll(header(), table);
  }

  private HBox header() {
    Label title = new Label("Stuck, failed and dead-lettered messages");
    title.getStyleClass().addAll(Styles.TITLE_4, "stuck-section-title");
    filter.setId("stuck-filter");
    filter.setPromptText("Filter by ID, hop or verdict");
    filter.setLeft(new FontIcon(Feather.FILTER));
    filter.setPrefWidth(280);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox h = new HBox(12, title, count, spacer, filter);
    h.setAlignment(Pos.CENTER_LEFT);
    h.getStyleClass().add("stuck-table-header");
    return h;
  }

  private static String countText(int shown, int all) {
    String noun = all == 1 ? " message" : " messages";
    return shown == all
        ? StuckWords.count(all) + noun
        : StuckWords.count(shown) + " of " + StuckWords.count(all) + noun;
  }

  private static Predicate<StuckMessage> matching(String text) {
    String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (needle.isEmpty()) {
      return null;
    }
    return m ->
        m.id().toLowerCase(Locale.ROOT).contains(needle)
            || m.hop().toLowerCase(Locale.ROOT).contains(needle)
            || VerdictLook.words(m.verdict()).toLowerCase(Locale.ROOT).contains(needle);
  }

  private static TableRow<StuckMessage> openingRow(Consumer<String> openFlow) {
    TableRow<StuckMessage> row = new TableRow<>();
    row.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
            openFlow.accept(row.getItem().id());
          }
        });
    return row;
  }

  private static TableColumn<StuckMessage, HopVerdict> verdictColumn() {
    TableColumn<StuckMessage, HopVerdict> c = new TableColumn<>("Verdict");
    c.setId("stuck-col-verdict");
    c.setPrefWidth(160);
    c.setMinWidth(140);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().verdict()));
    c.setComparator(Comparator.comparingInt(StuckMessageTable::severity));
    c.setCellFactory(
        col ->
            new TableCell<>() {
              private final Label badge = new Label();

              @Override
              protected void updateItem(HopVerdict v, boolean empty) {
                super.updateItem(v, empty);
                if (empty || v == null) {
                  setGraphic(null);
                  return;
                }
                VerdictLook.showIn(badge, v);
                setGraphic(badge);
              }
            });
    return c;
  }

  /** Sort order of the verdict column: stuck first, then failed, dead-lettered, slow, the rest. */
  private static int severity(HopVerdict v) {
    int i = SEVERITY.indexOf(v);
    return i < 0 ? SEVERITY.size() : i;
  }

  private static TableColumn<StuckMessage, String> textColumn(
      String title, double width, Function<StuckMessage, String> value, String styleClass) {
    TableColumn<StuckMessage, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.getStyleClass().add(styleClass);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
    return c;
  }

  private static TableColumn<StuckMessage, Instant> lastSeenColumn(Clock clock) {
    TableColumn<StuckMessage, Instant> c = new TableColumn<>("Last seen");
    c.setPrefWidth(220);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().lastSeen()));
    c.setCellFactory(
        TextCell.of(
            t ->
                StuckWords.clockTime(t, clock.getZone())
                    + "  \u00b7  "
                    + StuckWords.relative(t, clock.instant())));
    return c;
  }

  /** Focuses the filter box (the view's Ctrl+F). */
  void focusFilter() {
    filter.requestFocus();
  }
}
