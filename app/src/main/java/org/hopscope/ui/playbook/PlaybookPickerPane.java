package org.hopscope.ui.playbook;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hopscope.model.playbook.ValueOrigin;
import org.hopscope.ui.playbook.PlaybookViewModel.PickerItem;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The left pane of the playbook view: picker (suggested first), variables form, Start. */
final class PlaybookPickerPane extends VBox {

  private final PlaybookViewModel vm;
  private final GridPane form = new GridPane();

  // ---- left: picker, variables, start --------------------------------------------------------

  PlaybookPickerPane(PlaybookViewModel vm) {
    this.vm = vm;
    Label header = new Label("Playbooks");
    header.getStyleClass().add("pb-header");
    ListView<PickerItem> picker = new ListView<>(vm.pickerItems());
    picker.setId("playbook-picker");
    picker.setCellFactory(l -> new PickerCell());
    picker.setPrefHeight(300);
    picker
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && vm.selectedProperty().get() != b.playbook()) {
                vm.select(b.playbook().id());
              }
            });
    // the list shows the model's pick, also after the suggestions are re-ordered (items replaced)
    Runnable showPick =
        () ->
            vm.pickerItems().stream()
                .filter(i -> i.playbook() == vm.selectedProperty().get())
                .findFirst()
                .ifPresent(i -> picker.getSelectionModel().select(i));
    vm.selectedProperty().addListener((o, a, b) -> showPick.run());
    vm.pickerItems().addListener((ListChangeListener<PickerItem>) c -> showPick.run());
    showPick.run();

    Label varsHeader = new Label("Variables");
    varsHeader.getStyleClass().add("pb-header");
    form.setHgap(8);
    form.setVgap(6);
    form.setId("playbook-variables");
    vm.variables().addListener((ListChangeListener<VariableField>) c -> rebuildForm());
    rebuildForm();

    Button start = new Button("Start", new FontIcon(Feather.PLAY));
    start.setId("playbook-start");
    start.getStyleClass().add("accent");
    start.setMaxWidth(Double.MAX_VALUE);
    start.disableProperty().bind(vm.selectedProperty().isNull());
    start.setOnAction(e -> vm.start());

    Label problem = new Label();
    problem.setId("playbook-problem");
    problem.getStyleClass().add("pb-problem");
    problem.setWrapText(true);
    problem.textProperty().bind(vm.problemProperty());
    problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
    problem.managedProperty().bind(problem.visibleProperty());

    setSpacing(8);
    getChildren().addAll(header, picker, varsHeader, form, start, problem);
    if (!vm.catalogProblems().isEmpty()) {
      getChildren().add(catalogProblems());
    }
    getStyleClass().add("pb-left");
    setPadding(new Insets(12));
    setPrefWidth(320);
    setMinWidth(260);
  }

  /** The warning block: which playbook files could not be read, each problem located. */
  private VBox catalogProblems() {
    Label title = new Label(vm.catalogProblemsTitle(), new FontIcon(Feather.ALERT_TRIANGLE));
    title.setId("playbook-catalog-problems-title");
    title.getStyleClass().add("pb-catalog-title");
    title.setWrapText(true);
    VBox lines = new VBox(6);
    lines.setId("playbook-catalog-problem-list");
    for (CatalogProblems.Located problem : vm.located()) {
      Label where = new Label(problem.location());
      where.getStyleClass().add("pb-catalog-where");
      Label what = new Label(problem.message());
      what.getStyleClass().add("pb-catalog-problem");
      what.setWrapText(true);
      what.setMinHeight(Region.USE_PREF_SIZE);
      VBox row = new VBox(1, where, what);
      row.setAccessibleText(problem.toString());
      lines.getChildren().add(row);
    }
    ScrollPane scroll = new ScrollPane(lines);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setMaxHeight(Double.MAX_VALUE);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    scroll.getStyleClass().add("pb-catalog-scroll");
    Label hint = new Label("Fix these files and restart; the other playbooks work meanwhile.");
    hint.getStyleClass().add("pb-catalog-hint");
    hint.setWrapText(true);
    VBox block = new VBox(6, title, scroll, hint);
    block.setId("playbook-catalog-problems");
    block.getStyleClass().add("pb-catalog-problems");
    block.setMinHeight(140);
    VBox.setVgrow(block, Priority.ALWAYS);
    return block;
  }

  /**
   * One row per variable: its name (a lock for one the playbook pins), its field, and under it
   * where the value came from when that is not the playbook ("from the search bar", "from the alert
   * link", "pinned by the playbook: ... not used").
   */
  private void rebuildForm() {
    form.getChildren().clear();
    int row = 0;
    for (VariableField v : vm.variables()) {
      Label name = new Label(v.name());
      name.getStyleClass().add("pb-var-name");
      name.setMinWidth(Region.USE_PREF_SIZE);
      if (v.pinned()) {
        FontIcon lock = new FontIcon(Feather.LOCK);
        lock.getStyleClass().add("pb-var-pin");
        name.setGraphic(lock);
        name.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        Tooltip.install(
            name,
            new Tooltip(
                "Pinned by the playbook: the search bar and the open incident do not change it"));
      }
      TextField field = new TextField();
      field.setId("playbook-var-" + v.name());
      field.textProperty().bindBidirectional(v.value());
      if (!v.description().isBlank()) {
        field.setTooltip(new Tooltip(v.description()));
        field.setPromptText(v.description());
      }
      GridPane.setHgrow(field, Priority.ALWAYS);
      form.addRow(row++, name, field);
      Label note = new Label();
      note.setId("playbook-var-note-" + v.name());
      note.getStyleClass().add("pb-var-note");
      note.setWrapText(true);
      note.textProperty().bind(v.noteProperty());
      Runnable look =
          () -> {
            note.getStyleClass().remove("pb-var-context");
            if (v.originProperty().get() == ValueOrigin.SEARCH_BAR
                || v.originProperty().get() == ValueOrigin.INCIDENT) {
              note.getStyleClass().add("pb-var-context");
            }
          };
      v.originProperty().addListener((o, a, b) -> look.run());
      look.run();
      note.visibleProperty().bind(note.textProperty().isNotEmpty());
      note.managedProperty().bind(note.visibleProperty());
      form.add(note, 1, row++);
    }
  }

  private static final class PickerCell extends ListCell<PickerItem> {
    @Override
    protected void updateItem(PickerItem item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label title = new Label(item.playbook().title());
      title.getStyleClass().add("pb-pick-title");
      title.setWrapText(true);
      title.setMinHeight(Region.USE_PREF_SIZE);
      title.maxWidthProperty().bind(getListView().widthProperty().subtract(36));
      Label sub =
          new Label(
              item.playbook().id() + (item.suggested() ? "  ·  suggested: " + item.why() : ""));
      sub.setId("playbook-pick-" + item.playbook().id());
      sub.getStyleClass().add(item.suggested() ? "pb-pick-suggested" : "pb-pick-id");
      setText(null);
      setGraphic(new VBox(2, title, sub));
    }
  }
}
