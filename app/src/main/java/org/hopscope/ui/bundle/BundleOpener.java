package org.hopscope.ui.bundle;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.hopscope.model.bundle.Bundle;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.task.TaskRunner;

/**
 * Opens bundle files (File > Open bundle, drag and drop, {@code --open}, a bare {@code
 * FILE.hopscope} argument): reads and checks each off the FX thread, then shows it in a {@link
 * BundleWindow} of its own; a bad bundle gives a dialog naming the file and the problem (id {@code
 * bundle-problem}), and nothing changes.
 */
public final class BundleOpener {

  /** Reads and checks a bundle file ({@code BundleDesk::openBundle}). */
  @FunctionalInterface
  public interface Reader {
    Bundle open(Path file);
  }

  /** The extension of a bundle file, with its dot. */
  public static final String EXTENSION = ".hopscope";

  private final Reader reader;
  private final BundleViewModel.Importer importer;
  private final TaskRunner runner;
  private final Clock clock;
  private final ObservableValue<ChartTheme> theme;
  private final ObservableList<BundleWindow> windows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private Window owner;
  private Consumer<String> problemShown = this::dialog;

  /**
   * @param importer imports into the local store, or null without one
   */
  public BundleOpener(
      Reader reader,
      BundleViewModel.Importer importer,
      TaskRunner runner,
      Clock clock,
      ObservableValue<ChartTheme> theme) {
    this.reader = reader;
    this.importer = importer;
    this.runner = runner;
    this.clock = clock;
    this.theme = theme;
  }

  /** The window the problem dialogs belong to. */
  public void owner(Window owner) {
    this.owner = owner;
  }

  /** Whether {@code file} is named as a bundle ({@code *.hopscope}, any case). */
  public static boolean isBundle(Path file) {
    return file != null
        && file.getFileName() != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION);
  }

  /** Opens {@code file} in a window of its own (or says why it cannot). */
  public void open(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    runner.run(
        "open bundle " + absolute.getFileName(),
        c -> reader.open(absolute),
        this::show,
        t -> fail(absolute, t));
  }

  private void show(Bundle bundle) {
    BundleWindow w =
        new BundleWindow(new BundleViewModel(bundle, importer, runner), runner, clock, theme);
    windows.add(w);
    w.stage().setOnHidden(e -> windows.remove(w));
    w.stage().show();
  }

  private void fail(Path file, Throwable t) {
    String why = t.getMessage() == null ? t.toString() : t.getMessage();
    String text =
        "Cannot open bundle "
            + file
            + ": "
            + why
            + (why.endsWith(".") ? "" : ".")
            + " Nothing was opened or changed.";
    problem.set(text);
    problemShown.accept(text);
  }

  private void dialog(String text) {
    Alert alert = new Alert(Alert.AlertType.ERROR);
    alert.initOwner(owner);
    alert.setTitle("Cannot open bundle");
    alert.setHeaderText("This bundle cannot be opened");
    alert.setContentText(text);
    alert.getDialogPane().setId("bundle-problem");
    alert.getDialogPane().setMinWidth(560);
    alert.setResizable(true);
    alert.show();
  }

  /** The bundles open now, oldest first. */
  public ObservableList<BundleWindow> windows() {
    return FXCollections.unmodifiableObservableList(windows);
  }

  /** The last problem shown, or empty. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** For tests without a dialog: where problems go instead. */
  void problemShown(Consumer<String> shown) {
    this.problemShown = shown;
  }

  /** The bundle files among {@code dropped} (drag and drop), in order. */
  public static List<Path> bundles(List<java.io.File> dropped) {
    List<Path> out = new ArrayList<>();
    for (java.io.File f : dropped) {
      if (isBundle(f.toPath())) {
        out.add(f.toPath());
      }
    }
    return out;
  }
}
