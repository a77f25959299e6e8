package org.hopscope.ui.playbook;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What the playbook view shows before a walk-through: the picked playbook's steps (marking those
 * with a live check) and what Start will do, or how to pick one.
 */
final class PlaybookPreview extends StackPane {

  PlaybookPreview(PlaybookViewModel vm) {
    Label title = new Label();
    title.getStyleClass().add("pb-step-title");
    title.setWrapText(true);
    VBox steps = new VBox(4);
    steps.setId("playbook-preview-steps");
    Label hint = new Label();
    hint.getStyleClass().add("pb-muted");
    hint.setWrapText(true);
    Runnable show =
        () -> {
          org.hopscope.model.playbook.Playbook p = vm.selectedProperty().get();
          title.setText(p == null ? "" : p.title());
          title.setVisible(p != null);
          steps.getChildren().clear();
          if (p == null) {
            hint.setText("Pick a playbook on the left and press Start.");
            return;
          }
          for (int i = 0; i < p.steps().size(); i++) {
            org.hopscope.model.playbook.Step step = p.steps().get(i);
            Label line =
                new Label(
                    (i + 1)
                        + ". "
                        + step.title()
                        + (step.check() == null ? "" : "  ·  live check"));
            line.setWrapText(true);
            steps.getChildren().add(line);
          }
          hint.setText(
              p.steps().size()
                  + " steps. Check the variables on the left, then press Start: checks run"
                  + " against the connected sources and are kept on the open incident.");
        };
    vm.selectedProperty().addListener((o, a, b) -> show.run());
    show.run();
    VBox box = new VBox(12, title, steps, hint);
    box.setId("playbook-preview");
    box.setMaxWidth(640);
    box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    getChildren().add(box);
    setPadding(new javafx.geometry.Insets(24));
  }
}
