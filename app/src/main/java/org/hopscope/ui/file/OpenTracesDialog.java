package org.hopscope.ui.file;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.hopscope.model.Flow;
import org.hopscope.model.Hop;
import org.hopscope.model.PathDef;

/**
 * File > Open traces...: choose trace or log files (OTLP JSON or JSON lines, Jaeger JSON, Zipkin
 * v2, NDJSON), the path and the message ID; Open reads them off the FX thread and hands the flow to
 * {@code onFlow} (the offline flow view), then closes. Cancel stops a read still running. An error
 * stays in the dialog with its file:line.
 */
public final class OpenTracesDialog {

  /** The hop choice that places a file's events by their service name. */
  static final String BY_SERVICE = "by service name";

  private final OpenTracesModel vm;
  private final Consumer<Flow> onFlow;
  private Stage stage;

  /**
   * @param vm the dialog's state
   * @param onFlow receives the flow opened, on the FX thread
   */
  public OpenTracesDialog(OpenTracesModel vm, Consumer<Flow> onFlow) {
    this.vm = vm;
    this.onFlow = onFlow;
  }

  /** Shows the dialog over {@code owner} (may be null). */
  public Stage show(Window owner) {
    if (stage == null) {
      stage = new Stage();
      stage.setTitle("Open traces");
      if (owner != null) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
      }
      stage.setScene(new Scene(content(), 640, 460));
      if (owner != null && owner.getScene() != null) {
        stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
      }
      stage.setOnHidden(e -> vm.cancel());
    }
    stage.show();
    stage.toFront();
    return stage;
  }

  VBox content() {
    ListView<OpenTracesModel.TraceFileEntry> list = new ListView<>(vm.files());
    list.setId("traces-files");
    list.setPlaceholder(new Label("No files yet: Add files..."));
    list.setCellFactory(
        v ->
            new javafx.scene.control.ListCell<>() {
              @Override
              protected void updateItem(OpenTracesModel.TraceFileEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.words());
              }
            });
    VBox.setVgrow(list, Priority.ALWAYS);

    Button add = new Button("Add files...");
    add.setId("traces-add");
    add.setOnAction(e -> choose());
    Button remove = new Button("Remove");
    remove.setId("traces-remove");
    remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    remove.setOnAction(e -> vm.remove(list.getSelectionModel().getSelectedItem()));
    ChoiceBox<String> hop = new ChoiceBox<>();
    hop.setId("traces-hop");
    hop.getItems().setAll(BY_SERVICE);
    hop.setValue(BY_SERVICE);
    hop.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              hop.getItems().setAll(hopChoices(vm.pathProperty().get()));
              hop.setValue(now == null || now.hop() == null ? BY_SERVICE : now.hop());
            });
    hop.setOnAction(
        e -> {
          OpenTracesModel.TraceFileEntry selected = list.getSelectionModel().getSelectedItem();
          if (selected != null && hop.getValue() != null) {
            String chosen = hop.getValue().equals(BY_SERVICE) ? null : hop.getValue();
            if (!java.util.Objects.equals(chosen, selected.hop())) {
              int at = list.getSelectionModel().getSelectedIndex();
              vm.place(selected, chosen);
              list.getSelectionModel().select(at);
            }
          }
        });
    HBox fileButtons = new HBox(8, add, remove, new Label("Events of the selected file:"), hop);
    fileButtons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

    ChoiceBox<PathDef> path = new ChoiceBox<>();
    path.setId("traces-path");
    path.getItems().setAll(vm.paths());
    path.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(PathDef p) {
            return p == null ? "" : p.name();
          }

          @Override
          public PathDef fromString(String s) {
            return null;
          }
        });
    path.valueProperty().bindBidirectional(vm.pathProperty());
    TextField id = new TextField();
    id.setId("traces-id");
    id.setPromptText("message ID, linked ID or trace ID");
    id.textProperty().bindBidirectional(vm.idProperty());
    HBox.setHgrow(id, Priority.ALWAYS);
    HBox query = new HBox(8, new Label("Path"), path, new Label("Message ID"), id);
    query.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

    Label error = new Label();
    error.setId("traces-error");
    error.setWrapText(true);
    error.setMinHeight(Region.USE_PREF_SIZE);
    error.getStyleClass().add("danger");
    error.textProperty().bind(vm.errorProperty());
    error.managedProperty().bind(vm.errorProperty().isNotNull());
    error.visibleProperty().bind(vm.errorProperty().isNotNull());
    Label note =
        new Label(
            "A flow from files is judged as of the newest event in them, not now, and has no"
                + " metrics. Events go to the hop of their service name unless a hop is chosen.");
    note.setWrapText(true);
    note.setMinHeight(Region.USE_PREF_SIZE);
    note.getStyleClass().add("text-muted");

    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.runningProperty());
    Button open = new Button("Open");
    open.setId("traces-open");
    open.setDefaultButton(true);
    open.disableProperty().bind(vm.canOpen().not());
    open.setOnAction(
        e ->
            vm.open(
                f -> {
                  onFlow.accept(f);
                  if (stage != null) {
                    stage.hide();
                  }
                }));
    Button cancel = new Button("Cancel");
    cancel.setId("traces-cancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(
        e -> {
          boolean wasRunning = vm.runningProperty().get();
          vm.cancel();
          if (!wasRunning && stage != null) {
            stage.hide();
          }
        });
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox buttons = new HBox(8, busy, gap, cancel, open);
    buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);

    VBox root =
        new VBox(
            10, new Label("Trace and log files"), list, fileButtons, query, note, error, buttons);
    root.setPadding(new Insets(14));
    root.setId("open-traces");
    return root;
  }

  private void choose() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Trace or log files");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                "Traces and logs (*.json, *.jsonl, *.ndjson)", "*.json", "*.jsonl", "*.ndjson"),
            new FileChooser.ExtensionFilter("All files", "*"));
    List<File> chosen = chooser.showOpenMultipleDialog(stage);
    if (chosen != null) {
      vm.add(chosen.stream().map(File::toPath).toList());
    }
  }

  static List<String> hopChoices(PathDef path) {
    List<String> out = new ArrayList<>();
    out.add(BY_SERVICE);
    if (path != null) {
      path.hops().stream().map(Hop::name).forEach(out::add);
    }
    return out;
  }
}
