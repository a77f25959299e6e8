package org.hopscope.ui.bundle;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.hopscope.model.incident.Incident;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Export bundle dialog (id {@code export-bundle}): file (typed or chosen), "Export unmasked"
 * (off by default; ticked, a warning shows), Export; progress while it writes, then the file
 * written or why not.
 */
public final class ExportBundleDialog {

  private final Stage stage = new Stage();
  private final BundleExport model;

  public ExportBundleDialog(BundleExport model, Incident incident, Path folder, Window owner) {
    this.model = model;
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Export bundle \u2014 incident #" + incident.id());
    if (model.fileProperty().get() == null) {
      model.fileProperty().set(folder.resolve(BundleExport.suggestedName(incident)));
    }
    Label what = new Label("Incident #" + incident.id() + ": " + incident.title());
    what.getStyleClass().add(Styles.TITLE_4);
    what.setWrapText(true);
    TextField file = new TextField(model.fileProperty().get().toString());
    file.setId("export-bundle-file");
    file.textProperty()
        .addListener(
            (o, a, t) -> {
              model.fileProperty().set(t.isBlank() ? null : Path.of(t.strip()));
              model.overwriteProperty().set(false); // typed: never replace silently
            });
    HBox.setHgrow(file, Priority.ALWAYS);
    Button choose = new Button("Choose\u2026");
    choose.setId("export-bundle-choose");
    choose.setOnAction(e -> choose(file));
    CheckBox unmasked = new CheckBox("Export unmasked");
    unmasked.setId("export-bundle-unmasked");
    unmasked.selectedProperty().bindBidirectional(model.unmaskedProperty());
    Label note = new Label();
    note.setId("export-bundle-note");
    note.setWrapText(true);
    note.setGraphic(new FontIcon(Feather.SHIELD));
    Runnable masking =
        () -> {
          boolean open = model.unmaskedProperty().get();
          note.setText(open ? BundleExport.UNMASKED_WARNING : BundleExport.MASKED_NOTE);
          note.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
          note.getStyleClass().add(open ? Styles.DANGER : Styles.TEXT_MUTED);
          note.setGraphic(new FontIcon(open ? Feather.ALERT_TRIANGLE : Feather.SHIELD));
        };
    model.unmaskedProperty().addListener((o, a, b) -> masking.run());
    masking.run();
    ProgressIndicator progress = new ProgressIndicator();
    progress.setMaxSize(18, 18);
    progress.visibleProperty().bind(model.runningProperty());
    progress.managedProperty().bind(progress.visibleProperty());
    Label result = new Label();
    result.setId("export-bundle-result");
    result.setWrapText(true);
    result.textProperty().bind(model.resultProperty());
    model
        .failedProperty()
        .addListener(
            (o, a, f) -> {
              result.getStyleClass().remove(Styles.DANGER);
              if (f) {
                result.getStyleClass().add(Styles.DANGER);
              }
            });
    Button export = new Button("Export", new FontIcon(Feather.PACKAGE));
    export.setId("export-bundle-run");
    export.setDefaultButton(true);
    export.disableProperty().bind(model.runningProperty());
    export.setOnAction(e -> model.export(incident));
    Button close = new Button("Close");
    close.setCancelButton(true);
    close.setOnAction(e -> stage.hide());
    HBox buttons = new HBox(8, progress, export, close);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox root =
        new VBox(
            10,
            what,
            new Label("Write to"),
            new HBox(6, file, choose),
            unmasked,
            note,
            result,
            buttons);
    // the note and the result wrap; the window grows with them, never cutting them short
    for (Label l : new Label[] {what, note, result}) {
      l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
      l.textProperty()
          .addListener((o, a, b) -> javafx.application.Platform.runLater(stage::sizeToScene));
    }
    root.setId("export-bundle");
    root.setPadding(new Insets(16));
    root.setPrefWidth(620);
    stage.setScene(new Scene(root));
  }

  private void choose(TextField file) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export bundle");
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("Hopscope bundles (*.hopscope)", "*.hopscope"));
    Path current = model.fileProperty().get();
    if (current != null) {
      if (current.getParent() != null && Files.isDirectory(current.getParent())) {
        chooser.setInitialDirectory(current.getParent().toFile());
      }
      chooser.setInitialFileName(current.getFileName().toString());
    }
    File chosen = chooser.showSaveDialog(stage);
    if (chosen != null) {
      file.setText(chosen.getPath());
      // the save dialog asked before choosing an existing file
      model.overwriteProperty().set(chosen.exists());
    }
  }

  public Stage stage() {
    return stage;
  }

  public void show() {
    stage.show();
  }
}
