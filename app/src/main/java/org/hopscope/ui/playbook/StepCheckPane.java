package org.hopscope.ui.playbook;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.NextRule;
import org.hopscope.model.playbook.Step;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The current step's check (id {@code playbook-check}): the query as it runs, what passes, when it
 * runs as of, Run/Cancel, the result coloured by outcome (PASS green, FAIL red, NO DATA grey, ERROR
 * amber), the meaning of a failure, and, for a check that was not decided, the two ways on.
 */
final class StepCheckPane extends VBox {

  StepCheckPane(PlaybookViewModel vm) {
    Label header = new Label("Check");
    header.getStyleClass().add("pb-header");
    Label query = new Label();
    query.setId("playbook-check-query");
    query.getStyleClass().add("pb-query");
    query.setWrapText(true);
    query.setMaxWidth(Double.MAX_VALUE);
    query.textProperty().bind(vm.checkQueryProperty());
    Label summary = new Label();
    summary.getStyleClass().add("pb-muted");
    summary.setWrapText(true);
    summary.textProperty().bind(vm.checkSummaryProperty());
    Label asOf = new Label();
    asOf.setId("playbook-as-of");
    asOf.getStyleClass().add("pb-muted");
    asOf.setWrapText(true);
    asOf.setGraphic(new FontIcon(Feather.CLOCK));
    asOf.textProperty().bind(vm.asOfTextProperty());

    Button run = new Button("Run check", new FontIcon(Feather.ACTIVITY));
    run.setId("playbook-run-check");
    run.disableProperty().bind(vm.checkRunningProperty());
    run.setOnAction(e -> vm.runCheck());
    run.setMinWidth(USE_PREF_SIZE);
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(18, 18);
    spinner.setMaxSize(18, 18);
    spinner.visibleProperty().bind(vm.checkRunningProperty());
    spinner.managedProperty().bind(spinner.visibleProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("playbook-cancel-check");
    cancel.getStyleClass().add("flat");
    cancel.visibleProperty().bind(vm.checkRunningProperty());
    cancel.managedProperty().bind(cancel.visibleProperty());
    cancel.setOnAction(e -> vm.cancelCheck());
    Label result = new Label();
    result.setId("playbook-result");
    result.getStyleClass().add("pb-result");
    result.setWrapText(true);
    result.textProperty().bind(vm.resultTextProperty());
    HBox runRow = new HBox(10, run, spinner, cancel, result);
    runRow.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(result, Priority.ALWAYS);

    Label meaning = new Label();
    meaning.setId("playbook-meaning");
    meaning.getStyleClass().add("pb-meaning");
    meaning.setWrapText(true);
    vm.resultProperty()
        .addListener(
            (o, a, r) -> {
              result.getStyleClass().removeAll(OUTCOME_CLASSES);
              Step s = vm.currentStepProperty().get();
              boolean failed = r != null && r.outcome() == CheckResult.Outcome.FAIL;
              if (r != null) {
                result.getStyleClass().add(styleClass(r.outcome()));
              }
              meaning.setText(failed && s != null && s.check() != null ? s.check().meaning() : "");
            });
    meaning.visibleProperty().bind(meaning.textProperty().isNotEmpty());
    meaning.managedProperty().bind(meaning.visibleProperty());

    setSpacing(8);
    getChildren().addAll(header, query, summary, asOf, runRow, meaning, undecided(vm));
    setId("playbook-check");
    getStyleClass().add("pb-check");
    visibleProperty().bind(vm.checkQueryProperty().isNotEmpty());
    managedProperty().bind(visibleProperty());
  }

  /** {@code pb-pass}, {@code pb-fail}, {@code pb-no-data}, {@code pb-error}. */
  static String styleClass(CheckResult.Outcome outcome) {
    return "pb-" + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static final java.util.List<String> OUTCOME_CLASSES =
      java.util.Arrays.stream(CheckResult.Outcome.values()).map(StepCheckPane::styleClass).toList();

  /** The ways on from an undecided check: "As if it passed: ...", "As if it failed: ...". */
  private static VBox undecided(PlaybookViewModel vm) {
    Label text = new Label();
    text.setId("playbook-undecided-text");
    text.setWrapText(true);
    text.getStyleClass().add("pb-undecided-text");
    text.setGraphic(new FontIcon(Feather.HELP_CIRCLE));
    text.textProperty().bind(vm.undecidedTextProperty());
    VBox buttons = new VBox(6); // one way per line: the targets' titles can be long
    Runnable rebuild =
        () -> {
          buttons.getChildren().clear();
          for (NextRule way : vm.undecided()) {
            Button b =
                new Button(
                    vm.wayText(way),
                    new FontIcon(
                        way.on() == NextRule.On.PASS ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE));
            b.setId("playbook-undecided-" + way.on().name().toLowerCase(Locale.ROOT));
            b.setOnAction(e -> vm.goOnAs(way.on()));
            buttons.getChildren().add(b);
          }
        };
    vm.undecided().addListener((ListChangeListener<NextRule>) c -> rebuild.run());
    rebuild.run();
    VBox box = new VBox(8, text, buttons);
    box.setId("playbook-undecided");
    box.getStyleClass().add("pb-undecided");
    box.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.undecided()));
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }
}
