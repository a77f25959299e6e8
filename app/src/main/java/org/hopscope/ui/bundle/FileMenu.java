package org.hopscope.ui.bundle;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.hopscope.model.incident.Incident;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The navigation bar's File menu (id {@code nav-file}): Open bundle…, Export bundle… (the open
 * incident; off without one), Open traces… (on once {@link #openTraces} is given).
 */
public final class FileMenu extends MenuButton {

  private final MenuItem traces = new MenuItem("Open traces\u2026");
  private Path folder = Path.of(System.getProperty("user.home"));

  /**
   * @param open opens a bundle file
   * @param export exports the open incident (null: no store, the item is off)
   * @param incident the open incident, null for none
   */
  public FileMenu(
      Consumer<Path> open, Consumer<Incident> export, ObservableValue<Incident> incident) {
    super("File", new FontIcon(Feather.FOLDER));
    setId("nav-file");
    setMnemonicParsing(false);
    MenuItem openBundle = new MenuItem("Open bundle\u2026");
    openBundle.setId("file-open-bundle");
    openBundle.setOnAction(e -> choose(getScene().getWindow()).ifPresent(open));
    MenuItem exportBundle = new MenuItem("Export bundle\u2026");
    exportBundle.setId("file-export-bundle");
    exportBundle.setOnAction(e -> export.accept(incident.getValue()));
    Runnable exportState =
        () -> {
          boolean on = export != null && incident.getValue() != null;
          exportBundle.setDisable(!on);
          exportBundle.setText(
              export == null
                  ? "Export bundle\u2026 (no local store)"
                  : on
                      ? "Export bundle\u2026 (incident #" + incident.getValue().id() + ")"
                      : "Export bundle\u2026 (open an incident first)");
        };
    incident.addListener((o, a, b) -> exportState.run());
    exportState.run();
    traces.setId("file-open-traces");
    traces.setDisable(true);
    traces.setText("Open traces\u2026 (not in this build)");
    getItems().addAll(openBundle, exportBundle, new SeparatorMenuItem(), traces);
  }

  /**
   * Turns "Open traces…" on (the trace-file dialog of the file sources, issue 15): the hook for
   * that dialog.
   */
  public void openTraces(Runnable action) {
    traces.setText("Open traces\u2026");
    traces.setDisable(false);
    traces.setOnAction(e -> action.run());
  }

  /** The folder the file choosers start in (the last one used). */
  public Path folder() {
    return folder;
  }

  private java.util.Optional<Path> choose(Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open bundle");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Hopscope bundles (*.hopscope)", "*.hopscope"),
            new FileChooser.ExtensionFilter("All files", "*"));
    if (folder.toFile().isDirectory()) {
      chooser.setInitialDirectory(folder.toFile());
    }
    File chosen = chooser.showOpenDialog(owner);
    if (chosen == null) {
      return java.util.Optional.empty();
    }
    folder = chosen.toPath().getParent() == null ? folder : chosen.toPath().getParent();
    return java.util.Optional.of(chosen.toPath());
  }
}
