package org.hopscope.ui.playbook;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hopscope.model.playbook.Step;
import org.hopscope.ui.playbook.PlaybookViewModel.StepRow;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The playbook walk-through (id {@code playbook-view}): picker and variables on the left; the step
 * list with progress and the current step (Markdown, check, choices, Next, Done, notes) in the
 * center.
 */
public final class PlaybookView extends BorderPane {

  static final String STYLESHEET =
      PlaybookView.class.getResource("/org/hopscope/ui/playbook/playbook.css").toExternalForm();

  private final PlaybookViewModel vm;
  private final ObjectProperty<Function<StepKey, Node>> noteEditorFactory =
      new SimpleObjectProperty<>(PlaybookView::placeholderNotes);
  private final StackPane noteSlot = new StackPane();

  public PlaybookView(PlaybookViewModel vm) {
    this.vm = vm;
    setId("playbook-view");
    getStyleClass().add("playbook-view");
    getStylesheets().add(STYLESHEET);
    setLeft(new PlaybookPickerPane(vm));
    setCenter(center());
    noteEditorFactory.addListener((o, a, b) -> refreshNotes());
    vm.currentStepProperty().addListener((o, a, b) -> refreshNotes());
    refreshNotes();
  }

  /**
   * Makes the per-step note editor (the app binds it to a NoteEditor with autosave); default: a
   * disabled placeholder. Called again whenever the current step changes; the node it made before
   * is closed first when it is {@link AutoCloseable} (so an editor can flush its autosave).
   */
  public ObjectProperty<Function<StepKey, Node>> noteEditorFactoryProperty() {
    return noteEditorFactory;
  }

  // ---- center: steps and the current step ----------------------------------------------------

  private Node center() {
    Label progress = new Label();
    progress.setId("playbook-progress");
    progress.getStyleClass().add("pb-muted");
    progress.textProperty().bind(vm.progressTextProperty());
    ProgressBar bar = new ProgressBar(0);
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () ->
                    vm.totalProperty().get() == 0
                        ? 0
                        : vm.doneProperty().get() / (double) vm.totalProperty().get(),
                vm.doneProperty(),
                vm.totalProperty()));
    ListView<StepRow> steps = new ListView<>(vm.steps());
    steps.setId("playbook-steps");
    steps.setCellFactory(l -> new StepCell());
    steps.setFocusTraversable(false);
    VBox.setVgrow(steps, Priority.ALWAYS);
    Label stepsHeader = new Label("Steps");
    stepsHeader.getStyleClass().add("pb-header");
    VBox stepBox = new VBox(8, stepsHeader, progress, bar, steps);
    stepBox.setPadding(new Insets(12));
    stepBox.setPrefWidth(300);
    stepBox.setMinWidth(300);
    stepBox.setMaxWidth(300);

    ScrollPane scroll = new ScrollPane(stepPane());
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("pb-scroll");
    HBox.setHgrow(scroll, Priority.ALWAYS);

    Node empty = new PlaybookPreview(vm);
    StackPane stack = new StackPane(new HBox(stepBox, scroll), empty);
    stack.getChildren().get(0).visibleProperty().bind(vm.runProperty().isNotNull());
    empty.visibleProperty().bind(vm.runProperty().isNull());
    return stack;
  }

  private Node stepPane() {
    Label title = new Label();
    title.getStyleClass().add("pb-step-title");
    title.setWrapText(true);
    title.textProperty().bind(vm.currentTitleProperty());
    MarkdownView markdown = new MarkdownView();
    markdown.setId("playbook-markdown");
    markdown.setMarkdown(vm.currentMarkdownProperty().get());
    vm.currentMarkdownProperty().addListener((o, a, b) -> markdown.setMarkdown(b));

    VBox actions = new VBox(10, new StepCheckPane(vm), choiceBox(), doneBox());
    Label notesHeader = new Label("Notes on this step");
    notesHeader.getStyleClass().add("pb-header");
    noteSlot.setId("playbook-note");
    noteSlot.setAlignment(Pos.TOP_LEFT);
    VBox notes = new VBox(6, notesHeader, noteSlot);
    notes.visibleProperty().bind(vm.currentStepProperty().isNotNull());
    notes.managedProperty().bind(notes.visibleProperty());

    VBox pane = new VBox(14, title, markdown, actions, notes);
    pane.setId("playbook-step");
    pane.getStyleClass().add("pb-step");
    pane.setPadding(new Insets(16, 20, 20, 20));
    return pane;
  }

  private Node choiceBox() {
    Label header = new Label("Which is it?");
    header.getStyleClass().add("pb-header");
    FlowPane buttons = new FlowPane(8, 8);
    Runnable rebuild =
        () -> {
          buttons.getChildren().clear();
          List<String> labels = List.copyOf(vm.choices());
          for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            Button b = new Button(label, new FontIcon(Feather.CORNER_DOWN_RIGHT));
            b.setId("playbook-choice-" + i);
            b.setOnAction(e -> vm.choose(label));
            buttons.getChildren().add(b);
          }
        };
    vm.choices().addListener((ListChangeListener<String>) c -> rebuild.run());
    rebuild.run();
    VBox box = new VBox(6, header, buttons);
    box.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.choices()));
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private Node doneBox() {
    Button tick = new Button("Done", new FontIcon(Feather.CHECK_SQUARE));
    tick.setId("playbook-tick");
    tick.disableProperty().bind(vm.tickedProperty().or(vm.endedProperty()));
    tick.setOnAction(e -> vm.tick());
    Label tickText = new Label();
    tickText.setId("playbook-tick-text");
    tickText.getStyleClass().add("pb-tick");
    tickText.textProperty().bind(vm.tickTextProperty());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    Button next = new Button("Next", new FontIcon(Feather.ARROW_RIGHT));
    next.setId("playbook-next");
    next.getStyleClass().add("accent");
    next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
    next.disableProperty()
        .bind(vm.endedProperty().or(javafx.beans.binding.Bindings.isNotEmpty(vm.undecided())));
    next.setOnAction(e -> vm.next());
    HBox row = new HBox(10, tick, tickText, grow, next);
    row.setAlignment(Pos.CENTER_LEFT);
    row.visibleProperty().bind(vm.endedProperty().not());
    row.managedProperty().bind(row.visibleProperty());
    return row;
  }

  private void refreshNotes() {
    Step s = vm.currentStepProperty().get();
    var run = vm.runProperty().get();
    for (Node old : noteSlot.getChildren()) {
      if (old instanceof AutoCloseable closeable) {
        try {
          closeable.close(); // e.g. a note editor flushing its autosave
        } catch (Exception e) {
          // the editor reports its own save problems; the walk-through goes on
        }
      }
    }
    noteSlot.getChildren().clear();
    if (s == null || run == null) {
      return;
    }
    Function<StepKey, Node> f = noteEditorFactory.get();
    Node editor =
        f == null ? placeholderNotes(null) : f.apply(new StepKey(run.playbook().id(), s.id()));
    noteSlot.getChildren().add(editor);
  }

  private static Node placeholderNotes(StepKey key) {
    TextArea area = new TextArea();
    area.setPromptText("Notes are kept with an open incident.");
    area.setDisable(true);
    area.setPrefRowCount(3);
    return area;
  }

  private static final class StepCell extends ListCell<StepRow> {
    @Override
    protected void updateItem(StepRow row, boolean empty) {
      super.updateItem(row, empty);
      getStyleClass().removeIf(c -> c.startsWith("pb-state-"));
      if (empty || row == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      Feather icon =
          switch (row.state()) {
            case PENDING -> Feather.CIRCLE;
            case CURRENT -> Feather.ARROW_RIGHT_CIRCLE;
            case DONE -> Feather.CHECK;
            case PASSED -> Feather.CHECK_CIRCLE;
            case FAILED -> Feather.X_CIRCLE;
            case NO_DATA -> Feather.HELP_CIRCLE;
            case ERROR -> Feather.ALERT_TRIANGLE;
          };
      FontIcon i = new FontIcon(icon);
      i.getStyleClass().add("pb-step-icon");
      Label title = new Label(row.step().title());
      title.setWrapText(true);
      title.setMinHeight(Region.USE_PREF_SIZE);
      title.maxWidthProperty().bind(getListView().widthProperty().subtract(60));
      title.getStyleClass().add("pb-step-name");
      HBox box = new HBox(8, i, title);
      box.setAlignment(Pos.TOP_LEFT);
      setText(null);
      setGraphic(box);
      getStyleClass()
          .add("pb-state-" + row.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
  }
}
