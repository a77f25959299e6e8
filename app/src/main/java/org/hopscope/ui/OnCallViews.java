package org.hopscope.ui;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.ui.flow.FlowSelection;
import org.hopscope.ui.incident.IncidentRecorder;
import org.hopscope.ui.incident.IncidentViewModel;
import org.hopscope.ui.incident.IncidentsView;
import org.hopscope.ui.incident.NoteEditor;
import org.hopscope.ui.playbook.PlaybookViewModel;
import org.hopscope.ui.shell.ActiveConnection;
import org.hopscope.ui.shell.ShellModel;
import org.hopscope.ui.stuck.StuckViewModel;
import org.hopscope.ui.task.FxTaskRunner;

/**
 * The on-call workflow part of the composition root: the incidents view (recording searches and
 * analyses on the open incident), the playbook walk-through (checks on the current connection,
 * recorded on the incident, step notes; {@link PlaybookWalkthrough}) and alert links. Built by
 * {@link HopscopeApp}.
 */
final class OnCallViews implements AutoCloseable {

  private org.hopscope.ui.incident.ExportFolder exportFolder;

  private final IncidentDesk incidents;
  private final FxTaskRunner runner;
  private final Clock clock;
  private final Supplier<ActiveConnection.Bound> bound;
  private final java.util.concurrent.ScheduledExecutorService noteWriter =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "hopscope-notes");
            t.setDaemon(true);
            return t;
          });

  private IncidentViewModel incidentModel;
  private EvidenceActions evidence;
  private final PlaybookWalkthrough walkthrough;
  private org.hopscope.ui.alerts.AlertsViewModel alerts;

  OnCallViews(
      IncidentDesk incidents,
      PlaybookCatalog playbookCatalog,
      FxTaskRunner runner,
      Clock clock,
      Supplier<ActiveConnection.Bound> bound,
      PrintWriter err,
      java.nio.file.Path configDir) {
    this.incidents = incidents;
    this.runner = runner;
    this.clock = clock;
    this.bound = bound;
    if (incidents != null) {
      incidentModel = new IncidentViewModel(incidents, runner, configDir);
      evidence = new EvidenceActions(new org.hopscope.ui.incident.EvidenceSaver(incidentModel));
    }
    walkthrough =
        new PlaybookWalkthrough(
            playbookCatalog, incidents, incidentModel, runner, clock, bound, err, noteWriter);
  }

  /**
   * The flow view's "Save as evidence" button; without a store a disabled one saying why (the
   * incidents view explains).
   */
  javafx.scene.Node flowEvidenceButton(org.hopscope.ui.flow.FlowViewModel flow) {
    if (evidence != null) {
      return evidence.flowButton(flow);
    }
    javafx.scene.control.Button none = new javafx.scene.control.Button("Save as evidence");
    none.setId("flow-save-evidence");
    return org.hopscope.ui.look.DisabledTip.wrap(
        none,
        javafx.beans.binding.Bindings.createBooleanBinding(() -> false),
        "",
        "Evidence is unavailable: the local store could not be opened");
  }

  /** The open incident (File > Export bundle), null for none; always null without a store. */
  javafx.beans.value.ObservableValue<Incident> openIncident() {
    return incidentModel == null
        ? new javafx.beans.property.SimpleObjectProperty<>()
        : incidentModel.currentProperty();
  }

  /** Where the metrics view's "Save as evidence" goes, or null without a store (no button). */
  org.hopscope.ui.metrics.ChartEvidenceTarget chartEvidence() {
    return evidence;
  }

  /**
   * Wires the on-call view models to the window: searches and analyses recorded on the open
   * incident, the playbook walk-through following the path and hop in view. Call once, before the
   * views are built; the views themselves are built when first shown.
   */
  void wire(ShellModel shell, StuckViewModel window, FlowSelection selection) {
    if (incidentModel != null) {
      new IncidentRecorder(incidentModel, shell.flow(), window);
    }
    walkthrough.wire(shell, selection);
  }

  /** The incidents view on the store; a notice without a store. */
  javafx.scene.Node incidentsView(ShellModel shell) {
    if (incidents == null) {
      javafx.scene.control.Label none =
          new javafx.scene.control.Label(
              "Incidents are unavailable: the local store could not be opened (see the message"
                  + " printed at start-up).");
      none.setId("incidents-unavailable");
      none.setWrapText(true);
      return new javafx.scene.layout.StackPane(none);
    }
    IncidentsView view =
        new IncidentsView(
            incidentModel,
            () -> shell.windowProperty().get().resolve(clock.instant()),
            () -> shell.pathProperty().get(),
            noteWriter);
    if (exportFolder != null) {
      view.exportFolder(exportFolder);
    }
    return view;
  }

  /** Where exports open their chooser (the app remembers the last folder in its preferences). */
  void exportFolder(org.hopscope.ui.incident.ExportFolder folder) {
    this.exportFolder = folder;
  }

  /** The playbook walk-through view, with step notes kept on the open incident. */
  javafx.scene.Node playbookView() {
    return walkthrough.playbookView();
  }

  /**
   * The alerts badge and panel of the current path (the tier's alerts operation on the current
   * connection); a row's playbook link opens like an alert link ({@link #openLink}).
   */
  org.hopscope.ui.alerts.AlertsView alertsView(ShellModel shell, java.time.ZoneId zone) {
    alerts =
        new org.hopscope.ui.alerts.AlertsViewModel(
            (path, asOf, c) -> {
              ActiveConnection.Bound b = bound.get();
              return b.engine().alerts(b.path(), asOf, c);
            },
            runner,
            clock,
            link -> openLink(shell, link));
    alerts.pathProperty().bind(shell.pathProperty());
    return new org.hopscope.ui.alerts.AlertsView(alerts, zone);
  }

  /** The alerts panel's model, once {@link #alertsView} built it (tests). */
  org.hopscope.ui.alerts.AlertsViewModel alertsModel() {
    return alerts;
  }

  /** Reads the alerts again (another profile: same path name, other backends). */
  void refreshAlerts() {
    if (alerts != null) {
      alerts.refresh();
    }
  }

  /**
   * An alert's playbook link: its window in the search bar, then the playbook with every one of the
   * link's variables in the form and its checks run as of the link's window.
   */
  void openLink(ShellModel shell, org.hopscope.model.playbook.PlaybookLink link) {
    walkthrough.openLink(shell, link);
  }

  /**
   * "Note…" in the navigation bar: a note on the selected hop or on the shown message, kept on the
   * open incident (or outside incidents), autosaved. Disabled without a store or a flow.
   */
  javafx.scene.Node noteButton(FlowSelection selection, org.hopscope.ui.flow.FlowViewModel flow) {
    javafx.scene.control.MenuButton note =
        new javafx.scene.control.MenuButton(
            "Note",
            new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.EDIT_3));
    note.setId("flow-note");
    note.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    note.setTooltip(
        new javafx.scene.control.Tooltip(
            "Write a note on the selected hop or on this message (kept with the open incident)"));
    note.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
    note.disableProperty()
        .bind(
            flow.flowProperty()
                .isNull()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> incidents == null)));
    note.setOnShowing(
        e -> {
          note.getItems().clear();
          String hop = selection.hopProperty().get();
          org.hopscope.model.Flow shown = flow.flowProperty().get();
          if (hop != null) {
            note.getItems().add(noteItem("On hop " + hop, Note.Scope.HOP, hop, note));
          }
          if (shown != null && !shown.ids().isEmpty()) {
            String id = shown.ids().get(0);
            note.getItems().add(noteItem("On message " + id, Note.Scope.MESSAGE, id, note));
          }
        });
    return note;
  }

  private javafx.scene.control.MenuItem noteItem(
      String label, Note.Scope scope, String key, javafx.scene.Node owner) {
    javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(label);
    item.setMnemonicParsing(false);
    item.setOnAction(
        e -> {
          Incident open = incidentModel.currentProperty().get();
          NoteEditor.open(
              incidents,
              open == null ? 0 : open.id(),
              scope,
              key,
              runner,
              noteWriter,
              owner.getScene().getWindow());
        });
    return item;
  }

  /** The incidents view model, or null without a store (for tests). */
  IncidentViewModel incidents() {
    return incidentModel;
  }

  PlaybookViewModel playbooks() {
    return walkthrough.playbooks();
  }

  /** Lets the last scheduled note write run; the store is closed by whoever opened it. */
  @Override
  public void close() {
    noteWriter.shutdown();
  }
}
