package org.hopscope.ui.incident;

import atlantafx.base.theme.Styles;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.hopscope.model.incident.EvidenceSummary;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The incident's evidence ({@code incident-evidence}: time UTC, kind, size, title) beside a viewer:
 * a chart as an image ({@code evidence-image}), JSON pretty-printed in a read-only text area
 * ({@code evidence-text}), and "Save copy…" ({@code evidence-save-copy}). Reads the store only.
 */
final class EvidencePane extends SplitPane {

  private final EvidenceViewModel vm;
  private final TableView<EvidenceSummary> table;
  private final Label title = new Label("Select a snapshot to view it");
  private final Label query = new Label();
  private final Label note = new Label();
  private final TextArea text = new TextArea();
  private final ImageView image = new ImageView();
  private final ScrollPane imageBox = new ScrollPane(new StackPane(image));
  private final Button copy = new Button("Save copy\u2026", new FontIcon(Feather.DOWNLOAD));

  EvidencePane(EvidenceViewModel vm) {
    this.vm = vm;
    getStyleClass().add("evidence-pane");
    table = table();
    title.setId("evidence-title");
    title.getStyleClass().add(Styles.TEXT_BOLD);
    title.setWrapText(true);
    query.setId("evidence-query");
    query.getStyleClass().addAll("evidence-query", Styles.TEXT_SMALL);
    query.setWrapText(true);
    note.setId("evidence-note");
    note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    note.setWrapText(true);
    copy.setId("evidence-save-copy");
    copy.getStyleClass().add(Styles.SMALL);
    copy.setOnAction(e -> chooseCopyFile());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox head = new HBox(8, title, gap, copy);
    head.setAlignment(Pos.CENTER_LEFT);

    text.setId("evidence-text");
    text.setEditable(false);
    text.getStyleClass().add("evidence-text");
    image.setId("evidence-image");
    image.setPreserveRatio(true);
    imageBox.setFitToWidth(true);
    imageBox.getStyleClass().add("evidence-image-box");
    imageBox.setFitToHeight(true);
    image.fitWidthProperty().bind(imageBox.widthProperty().subtract(16));
    image.fitHeightProperty().bind(imageBox.heightProperty().subtract(16));
    StackPane body = new StackPane(text, imageBox);
    VBox.setVgrow(body, Priority.ALWAYS);
    VBox viewer = new VBox(6, head, query, note, body);
    viewer.setId("evidence-viewer");
    viewer.getStyleClass().add("evidence-viewer");
    getItems().setAll(table, viewer);
    setDividerPositions(0.55);

    vm.shownProperty().addListener((o, was, now) -> show(now));
    vm.messageProperty().addListener((o, was, now) -> showNote());
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> vm.show(now == null ? 0 : now.id()));
    show(vm.shownProperty().get());
  }

  /** Selects the snapshot with this id in the list (it is then shown). */
  void select(long evidenceId) {
    for (EvidenceSummary s : table.getItems()) {
      if (s.id() == evidenceId) {
        table.getSelectionModel().select(s);
        table.scrollTo(s);
        return;
      }
    }
  }

  private void show(EvidenceViewModel.Shown s) {
    copy.setDisable(s == null);
    text.setVisible(s != null && !s.image());
    imageBox.setVisible(s != null && s.image());
    if (s == null) {
      title.setText("Select a snapshot to view it");
      query.setText("");
      text.clear();
      image.setImage(null);
      showNote();
      return;
    }
    title.setText(s.evidence().title());
    query.setText(s.evidence().query().isEmpty() ? "" : "Query: " + s.evidence().query());
    if (s.image()) {
      image.setImage(new Image(new ByteArrayInputStream(s.evidence().content())));
      text.clear();
    } else {
      image.setImage(null);
      text.setText(s.text());
      text.positionCaret(0);
    }
    showNote();
  }

  private void showNote() {
    EvidenceViewModel.Shown s = vm.shownProperty().get();
    String m = vm.messageProperty().get();
    String n = s == null ? "" : s.note();
    note.setText(m.isEmpty() ? n : n.isEmpty() ? m : n + " \u00b7 " + m);
    note.setVisible(!note.getText().isEmpty());
    note.setManaged(note.isVisible());
  }

  private void chooseCopyFile() {
    EvidenceSummary s = table.getSelectionModel().getSelectedItem();
    if (s == null) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save a copy of " + s.title());
    chooser.setInitialFileName(EvidenceViewModel.fileName(s));
    File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    if (file != null) {
      vm.saveCopy(file.toPath());
    }
  }

  private TableView<EvidenceSummary> table() {
    TableView<EvidenceSummary> t = new TableView<>(vm.items());
    t.setId("incident-evidence");
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    t.getColumns()
        .setAll(
            column("UTC", 82, e -> IncidentLook.time(e.createdAt())),
            column("Kind", 112, e -> kind(e)),
            column("Size", 70, e -> size(e.size())),
            column("Title", 320, EvidenceSummary::title));
    t.setPlaceholder(
        new Label("No evidence yet: use Save as evidence in the flow or hop metrics view"));
    t.setRowFactory(
        v ->
            new TableRow<>() {
              @Override
              protected void updateItem(EvidenceSummary e, boolean empty) {
                super.updateItem(e, empty);
                setTooltip(empty || e == null ? null : new Tooltip(e.title() + "\n" + e.query()));
              }
            });
    t.getStyleClass().add(Styles.DENSE);
    return t;
  }

  /** E.g. "flow JSON", "chart PNG". */
  static String kind(EvidenceSummary e) {
    return switch (e.kind()) {
      case FLOW_JSON -> "flow JSON";
      case METRIC_SERIES -> "metric series";
      case CHART_PNG -> "chart PNG";
      case WINDOW_REPORT -> "window report";
    };
  }

  /** E.g. "812 B", "14.2 KB", "3.1 MB". */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  private static TableColumn<EvidenceSummary, String> column(
      String name, double width, Function<EvidenceSummary, String> value) {
    TableColumn<EvidenceSummary, String> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setMinWidth(name.equals("Title") ? 80 : width);
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
    c.setSortable(false);
    return c;
  }
}
