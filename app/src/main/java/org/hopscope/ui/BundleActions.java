package org.hopscope.ui;

import java.nio.file.Path;
import java.time.Clock;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.hopscope.model.incident.Incident;
import org.hopscope.oncall.BundleDesk;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.ui.bundle.BundleDrop;
import org.hopscope.ui.bundle.BundleExport;
import org.hopscope.ui.bundle.BundleOpener;
import org.hopscope.ui.bundle.ExportBundleDialog;
import org.hopscope.ui.bundle.FileMenu;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.shell.MainScreen;
import org.hopscope.ui.task.TaskRunner;

/**
 * The incident-bundle part of the composition root: the File menu (Open bundle, Export bundle, Open
 * traces), dropping bundle files on the window, {@code --open FILE} and a bare {@code
 * FILE.hopscope} argument. Opening needs no store and no backend; Export and Import use the local
 * store's {@link BundleDesk}.
 */
final class BundleActions {

  private final BundleDesk desk;
  private final TaskRunner runner;
  private final BundleOpener opener;
  private FileMenu menu;
  private final Path queries;
  private final Clock clock;

  /**
   * @param incidents the local store, or null when it could not be opened (no export, no import)
   */
  BundleActions(
      IncidentDesk incidents,
      Path queries,
      Path playbooks,
      Path configDir,
      TaskRunner runner,
      Clock clock,
      ObservableValue<ChartTheme> theme) {
    this.desk = incidents == null ? null : new BundleDesk(incidents, queries, playbooks, configDir);
    this.runner = runner;
    this.queries = queries;
    this.clock = clock;
    this.opener =
        new BundleOpener(
            BundleDesk::openBundle, desk == null ? null : desk::importBundle, runner, clock, theme);
  }

  /** Puts the File menu in {@code main}'s navigation bar and takes bundles dropped on it. */
  void install(MainScreen main, Scene scene, Stage stage, ObservableValue<Incident> incident) {
    opener.owner(stage);
    menu =
        new FileMenu(
            opener::open,
            desk == null
                ? null
                : open ->
                    new ExportBundleDialog(
                            new BundleExport(
                                (id, file, unmasked, overwrite) ->
                                    desk.exportBundle(id, file, unmasked, overwrite, null),
                                runner),
                            open,
                            menu.folder(),
                            stage)
                        .show(),
            incident);
    main.navAction(menu);
    menu.openTraces(() -> openTraces(stage));
    BundleDrop.install(scene, opener::open);
  }

  /**
   * File > Open traces...: the dialog over the path definitions (read off the FX thread); the flow
   * in its own window.
   */
  private void openTraces(Stage stage) {
    runner.run(
        "path definitions for Open traces",
        c -> new org.hopscope.config.PathDefinitions().readDirectory(queries).paths(),
        paths ->
            new org.hopscope.ui.file.OpenTracesDialog(
                    new org.hopscope.ui.file.OpenTracesModel(
                        paths, new org.hopscope.oncall.FileFlows(), runner),
                    flow ->
                        new org.hopscope.ui.file.TraceFlowWindow(flow, runner, clock)
                            .stage()
                            .show())
                .show(stage),
        failure -> {
          javafx.scene.control.Alert alert =
              new javafx.scene.control.Alert(
                  javafx.scene.control.Alert.AlertType.ERROR,
                  "The path definitions in "
                      + queries
                      + " could not be read: "
                      + failure.getMessage());
          alert.initOwner(stage);
          alert.setHeaderText("Open traces");
          alert.show();
        });
  }

  /** Opens {@code file} when given ({@code --open}, a bare bundle argument). */
  void openAtStart(String file) {
    if (file != null) {
      opener.open(Path.of(file));
    }
  }

  BundleOpener opener() {
    return opener;
  }

  /** The File menu, once installed (its Open traces hook). */
  FileMenu menu() {
    return menu;
  }
}
