package org.hopscope.ui;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.ui.flow.FlowSelection;
import org.hopscope.ui.incident.IncidentStepRecorder;
import org.hopscope.ui.incident.IncidentViewModel;
import org.hopscope.ui.incident.NoteEditor;
import org.hopscope.ui.incident.NoteModel;
import org.hopscope.ui.playbook.PlaybookView;
import org.hopscope.ui.playbook.PlaybookViewModel;
import org.hopscope.ui.playbook.StepRecorder;
import org.hopscope.ui.shell.ActiveConnection;
import org.hopscope.ui.shell.ShellModel;
import org.hopscope.ui.shell.View;
import org.hopscope.ui.task.FxTaskRunner;

/**
 * The playbook walk-through part of {@link OnCallViews}: its view model following the path and hop
 * in view, checks on the current connection recorded on the open incident, step notes, and alert
 * playbook links opening in it.
 */
final class PlaybookWalkthrough {

  private final PlaybookCatalog playbookCatalog;
  private final IncidentDesk incidents;
  private final IncidentViewModel incidentModel;
  private final FxTaskRunner runner;
  private final Clock clock;
  private final Supplier<ActiveConnection.Bound> bound;
  private final PrintWriter err;
  private final ScheduledExecutorService noteWriter;

  private PlaybookViewModel playbooks;

  /**
   * @param incidents the incident store, null without one
   * @param incidentModel the incidents view model, null without a store
   * @param noteWriter where step notes are written (owned by {@link OnCallViews})
   */
  PlaybookWalkthrough(
      PlaybookCatalog playbookCatalog,
      IncidentDesk incidents,
      IncidentViewModel incidentModel,
      FxTaskRunner runner,
      Clock clock,
      Supplier<ActiveConnection.Bound> bound,
      PrintWriter err,
      ScheduledExecutorService noteWriter) {
    this.playbookCatalog = playbookCatalog;
    this.incidents = incidents;
    this.incidentModel = incidentModel;
    this.runner = runner;
    this.clock = clock;
    this.bound = bound;
    this.err = err;
    this.noteWriter = noteWriter;
  }

  /**
   * Builds the walk-through's view model, its steps recorded on the open incident, and has it
   * follow the path and hop in view. Call once, before the view is built.
   */
  void wire(ShellModel shell, FlowSelection selection) {
    StepRecorder steps =
        incidentModel == null ? StepRecorder.none() : new IncidentStepRecorder(incidentModel);
    playbooks =
        new PlaybookViewModel(
            playbookCatalog,
            (step, vars, asOf, c) -> {
              ActiveConnection.Bound b = bound.get();
              return b.engine().check(b.path(), step, vars, asOf, c).result();
            },
            steps,
            runner,
            clock,
            IncidentDesk.user(System.getProperties()));
    Runnable context =
        () ->
            playbooks.context(
                shell.pathProperty().get(),
                selection.hopProperty().get() != null
                    ? selection.hopProperty().get()
                    : shell.flow().flowProperty().get() == null
                        ? null
                        : shell.flow().flowProperty().get().stuckAt(),
                checkWindow(shell));
    shell.pathProperty().addListener((o, a, b) -> context.run());
    selection.hopProperty().addListener((o, a, b) -> context.run());
    shell.flow().flowProperty().addListener((o, a, b) -> context.run());
    shell.windowProperty().addListener((o, a, b) -> context.run());
    if (incidentModel != null) {
      incidentModel.currentProperty().addListener((o, a, b) -> context.run());
    }
    context.run();
  }

  /**
   * The window playbook checks look at when no alert link gives one: the open incident's, else a
   * fixed search window (custom, outage); null for a relative one (checks then run as of now).
   */
  private org.hopscope.model.playbook.CheckWindow checkWindow(ShellModel shell) {
    Incident open = incidentModel == null ? null : incidentModel.currentProperty().get();
    if (open != null && open.window() != null) {
      return org.hopscope.model.playbook.CheckWindow.of(
          open.window(), org.hopscope.model.playbook.ValueOrigin.INCIDENT);
    }
    org.hopscope.ui.shell.WindowChoice choice = shell.windowProperty().get();
    return choice == null || choice.fixed() == null
        ? null
        : org.hopscope.model.playbook.CheckWindow.of(
            choice.fixed(), org.hopscope.model.playbook.ValueOrigin.SEARCH_BAR);
  }

  /** The playbook walk-through view, with step notes kept on the open incident. */
  javafx.scene.Node playbookView() {
    PlaybookView view = new PlaybookView(playbooks);
    if (incidents != null) {
      view.noteEditorFactoryProperty()
          .set(
              key -> {
                Incident open = incidentModel.currentProperty().get();
                return new NoteEditor(
                    new NoteModel(
                        incidents,
                        open == null ? 0 : open.id(),
                        Note.Scope.STEP,
                        key.playbookId() + "/" + key.stepId(),
                        "",
                        runner,
                        noteWriter),
                    "playbook-note-area",
                    "Notes on this step (saved as you type)");
              });
    }
    return view;
  }

  /**
   * An alert's playbook link: its window in the search bar, then the playbook with every one of the
   * link's variables in the form and its checks run as of the link's window.
   */
  void openLink(ShellModel shell, org.hopscope.model.playbook.PlaybookLink link) {
    link.window()
        .ifPresent(
            w ->
                shell
                    .windowProperty()
                    .set(
                        new org.hopscope.ui.shell.WindowChoice(
                            org.hopscope.ui.shell.WindowPreset.CUSTOM, w)));
    java.util.Map<String, String> vars = link.playbookVariables();
    if (vars.containsKey("path")) {
      shell.pathProperty().set(vars.get("path"));
    }
    if (!playbooks.open(link)) {
      err.println(
          "hopscope: the link's playbook '"
              + link.playbookId()
              + "' could not be opened: "
              + playbooks.problemProperty().get());
    }
    shell.viewProperty().set(View.PLAYBOOK);
  }

  /** The walk-through's view model, once {@link #wire} built it. */
  PlaybookViewModel playbooks() {
    return playbooks;
  }
}
