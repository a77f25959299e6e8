package org.hopscope.ui.compare;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hopscope.model.Comparison;
import org.hopscope.model.Flow;
import org.hopscope.ui.look.VerdictLook;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A message beside another one, hop by hop (id {@code compare-view}): the title (A and B with their
 * verdicts), how B was chosen and what was searched, a field to name B yourself, "Nearest healthy"
 * to go back to the automatic choice, progress and Cancel while comparing, and "Back to the flow".
 * The hops are a {@link CompareGrid}.
 */
public final class CompareView extends BorderPane {

  static final String STYLESHEET = CompareView.class.getResource("compare.css").toExternalForm();

  private final CompareViewModel vm;
  private final Label title = wrapped("compare-title");
  private final Label basis = wrapped("compare-basis");
  private final Label searched = wrapped("compare-searched");
  private final Label problem = wrapped("compare-problem");
  private final CompareGrid grid = new CompareGrid();

  /**
   * @param vm the comparison shown
   * @param back what "Back to the flow" does (closes the window it is in)
   */
  public CompareView(CompareViewModel vm, Runnable back) {
    this.vm = vm;
    setId("compare-view");
    getStyleClass().add("compare-view");
    getStylesheets().addAll(STYLESHEET, VerdictLook.STYLESHEET);

    Button backButton = new Button("Back to the flow", new FontIcon(Feather.ARROW_LEFT));
    backButton.setId("compare-back");
    backButton.setMinWidth(Region.USE_PREF_SIZE);
    backButton.setOnAction(e -> back.run());
    HBox.setHgrow(title, Priority.ALWAYS);
    HBox head = new HBox(12, backButton, title);
    head.setAlignment(Pos.CENTER_LEFT);

    TextField with = new TextField();
    with.setId("compare-with");
    with.setPromptText("message ID to compare with");
    with.setPrefColumnCount(24);
    with.textProperty().bindBidirectional(vm.otherProperty());
    with.setOnAction(e -> vm.compareWithNamed());
    Button named = new Button("Compare with this one");
    named.setId("compare-named");
    named.setMinWidth(Region.USE_PREF_SIZE);
    named.setOnAction(e -> vm.compareWithNamed());
    Button healthy = new Button("Nearest healthy one", new FontIcon(Feather.REFRESH_CW));
    healthy.setId("compare-healthy");
    healthy.setMinWidth(Region.USE_PREF_SIZE);
    healthy.setOnAction(e -> vm.compareWithHealthyAgain());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(18, 18);
    Label progress = new Label();
    progress.setId("compare-progress");
    progress.getStyleClass().add("compare-progress");
    progress.setMinWidth(Region.USE_PREF_SIZE);
    progress.textProperty().bind(vm.progressProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("compare-cancel");
    cancel.getStyleClass().add(Styles.SMALL);
    cancel.setOnAction(e -> vm.cancel());
    HBox working = new HBox(8, spinner, progress, cancel);
    working.setAlignment(Pos.CENTER_LEFT);
    working.visibleProperty().bind(vm.stateProperty().isEqualTo(CompareViewModel.State.COMPARING));
    working.managedProperty().bind(working.visibleProperty());
    Label withLabel = new Label("Compare with:");
    withLabel.setMinWidth(Region.USE_PREF_SIZE);
    FlowPane controls = new FlowPane(8, 6, withLabel, with, named, healthy, working);
    controls.setAlignment(Pos.CENTER_LEFT);
    named.disableProperty().bind(vm.stateProperty().isEqualTo(CompareViewModel.State.COMPARING));
    healthy.disableProperty().bind(named.disableProperty());

    VBox top = new VBox(head, controls, basis, searched, problem);
    top.getStyleClass().addAll("compare-top", org.hopscope.ui.look.ElisionCheck.ESSENTIAL);
    setTop(top);
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.setId("compare-scroll");
    setCenter(scroll);

    vm.comparisonProperty().addListener((o, a, c) -> show());
    vm.stateProperty().addListener((o, a, s) -> show());
    vm.problemProperty().addListener((o, a, p) -> show());
    vm.subjectProperty().addListener((o, a, s) -> show());
    show();
  }

  private void show() {
    Comparison c = vm.comparisonProperty().get();
    boolean current = c != null && vm.stateProperty().get() != CompareViewModel.State.IDLE;
    title.setText(current ? title(c) : "A  " + vm.subjectProperty().get());
    basis.setText(current ? "Compared with " + c.basis().text() : "");
    if (current && c.basis().choice() == Comparison.Choice.NONE) {
      basis.setText(c.basis().text());
    }
    searched.setText(
        current && !c.basis().searched().isEmpty()
            ? "Searched: " + String.join("\nSearched: ", c.basis().searched())
            : "");
    problem.setText(vm.problemProperty().get());
    show(basis);
    show(searched);
    show(problem);
    grid.show(current ? c : null);
  }

  private static String title(Comparison c) {
    return "A  "
        + who(c.subject())
        + "     vs     B  "
        + (c.other() == null ? "none" : who(c.other()));
  }

  private static String who(Flow f) {
    String id = f.ids().isEmpty() ? f.query() : f.ids().get(0);
    return id
        + " ("
        + VerdictLook.label(f.verdict())
        + (f.stuckAt() == null ? "" : " at " + f.stuckAt())
        + ")";
  }

  private static void show(Label l) {
    boolean some = l.getText() != null && !l.getText().isEmpty();
    l.setVisible(some);
    l.setManaged(some);
  }

  private static Label wrapped(String id) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(id);
    l.setWrapText(true);
    l.setMaxWidth(Double.MAX_VALUE);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }
}
