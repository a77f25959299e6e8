package org.hopscope.ui.incident;

import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.scene.control.SplitPane;
import org.hopscope.model.TimeWindow;

/**
 * The incidents view ({@code incidents-view}): on the left the searchable incidents list with "New
 * incident" ({@code incident-new}); on the right the current incident: header with Mitigate /
 * Resolve / Export post-mortem ({@code incident-mitigate}, {@code incident-resolve}, {@code
 * incident-export}), the timeline ({@code incident-timeline}) and the incident note ({@code
 * incident-note}).
 */
public final class IncidentsView extends SplitPane {

  private final IncidentDetail detail;

  /** Where exports open their file chooser (remembered in the UI preferences by the app). */
  public void exportFolder(ExportFolder folder) {
    detail.exportFolder(folder);
  }

  /** This feature's style sheet. */
  static final String CSS =
      Objects.requireNonNull(IncidentsView.class.getResource("incident.css")).toExternalForm();

  /**
   * @param vm the incidents view model (its list is loaded here)
   * @param window the shell's chosen window, prefilled in "New incident" (may return null)
   * @param path the shell's current path name, prefilled in "New incident" (may return null)
   * @param scheduler background scheduler for note autosave writes (not the FX thread)
   */
  public IncidentsView(
      IncidentViewModel vm,
      Supplier<TimeWindow> window,
      Supplier<String> path,
      ScheduledExecutorService scheduler) {
    setId("incidents-view");
    getStyleClass().add("incidents-view");
    getStylesheets().add(CSS);
    IncidentList list = new IncidentList(vm);
    detail = new IncidentDetail(vm, new EvidenceViewModel(vm), scheduler);
    list.newButton()
        .setOnAction(
            e -> {
              NewIncidentDialog dialog = new NewIncidentDialog(window, path);
              if (getScene() != null) {
                dialog.initOwner(getScene().getWindow());
              }
              dialog.setOnHidden(
                  h -> {
                    NewIncidentDialog.Request r = dialog.getResult();
                    if (r != null) {
                      vm.open(r.title(), r.severity(), r.path(), r.window());
                    }
                  });
              dialog.show();
            });
    getItems().setAll(list, detail);
    setDividerPositions(0.3);
    SplitPane.setResizableWithParent(list, false);
    vm.refresh();
  }
}
