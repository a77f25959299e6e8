package org.hopscope.ui;

import java.io.PrintWriter;
import java.util.function.IntConsumer;
import javafx.stage.Stage;
import org.hopscope.oncall.ConnectionCheck;
import org.hopscope.ui.profiles.ProfilesDialog;
import org.hopscope.ui.profiles.ProfilesViewModel;
import org.hopscope.ui.shell.ActiveConnection;
import org.hopscope.ui.shell.ShellModel;
import org.hopscope.ui.shell.UiPreferences;
import org.hopscope.ui.shell.View;
import org.hopscope.ui.task.TaskRunner;

/**
 * Connecting the window to a profile: the one to open at start, switching later (profile menu,
 * profiles dialog), and, once the first connection stands, what the command line asked for (a
 * message ID searched, an alert link opened, a window analysed). Part of the composition root.
 */
final class ProfileSwitch {

  private final GuiOptions options;
  private final ActiveConnection connection;
  private final UiPreferences preferences;
  private final TaskRunner runner;
  private final PrintWriter err;
  private final IntConsumer shutdown;
  private final HopscopeApp.Parts parts;
  private final OnCallViews onCall;

  ProfileSwitch(
      GuiOptions options,
      ActiveConnection connection,
      UiPreferences preferences,
      TaskRunner runner,
      PrintWriter err,
      IntConsumer shutdown,
      HopscopeApp.Parts parts,
      OnCallViews onCall) {
    this.options = options;
    this.connection = connection;
    this.preferences = preferences;
    this.runner = runner;
    this.err = err;
    this.shutdown = shutdown;
    this.parts = parts;
    this.onCall = onCall;
  }

  /**
   * Opens the profile asked for, the remembered one, the sandbox or the first; else asks. Called
   * after the first frame; queries made before wait for it ({@link ActiveConnection#settle}).
   */
  void connectAtStart(java.util.function.Supplier<ProfilesViewModel> profiles, Stage stage) {
    String name = options.profile != null ? options.profile : preferences.profile();
    if (name == null) {
      java.util.List<String> saved = connection.store().list(); // one small local listing
      name = saved.contains("sandbox") ? "sandbox" : saved.isEmpty() ? null : saved.get(0);
    }
    if (name == null) {
      connection.settle(null); // queries typed meanwhile: "no connection profile in use"
    }
    if (name == null && options.open != null) {
      return; // opened to read a bundle (offline): no connection is asked for
    }
    if (name == null) {
      // called after the main window's first frame (ADR 0045): it draws first, then asks
      javafx.application.Platform.runLater(
          () -> new ProfilesDialog(profiles.get(), stage, this::use).show());
      return;
    }
    use(name);
  }

  /**
   * Switches to profile {@code name}: opens it off the FX thread (an earlier switch still opening
   * is dropped), then starts what was asked. Nothing of the old profile stays on screen as if it
   * were the new one's: the health shows "checking…" until the new profile answers, and the message
   * shown is searched again on it (or its old failure cleared).
   */
  void use(String name) {
    ShellModel shell = parts.shell();
    parts.status().profileNameProperty().set(name + " (connecting…)");
    parts.status().switching();
    if (opening != null) {
      opening.cancel();
    }
    opening =
        runner.run(
            "open profile " + name,
            c -> connection.open(name),
            opened -> {
              opening = null;
              connection.use(opened);
              preferences.profile(name);
              parts.status().profileNameProperty().set(name);
              parts.status().connectionNotices().setAll(opened.notices());
              shell.paths().setAll(opened.catalog().paths().stream().map(p -> p.name()).toList());
              String path = options.path != null ? options.path : shell.paths().get(0);
              shell.pathProperty().set(path);
              parts
                  .status()
                  .probeProperty()
                  .set(c -> new ConnectionCheck().check(opened.connection().profile(), c));
              onCall.refreshAlerts();
              shell.connectionChanged();
              connection.settle(null); // a query typed while it opened runs now (ADR 0045)
              startWhatWasAsked(shell);
            },
            failure -> {
              opening = null;
              parts.status().profileNameProperty().set(name + " (not connected)");
              parts.status().notConnected("profile '" + name + "': " + failure.getMessage());
              parts.flow().fail("profile '" + name + "': " + failure.getMessage());
              connection.settle(
                  "profile '" + name + "' could not be opened: " + failure.getMessage());
              if (options.screenshot != null) {
                err.println(
                    "hopscope gui: cannot open profile '" + name + "': " + failure.getMessage());
                shutdown.accept(1);
              }
            });
  }

  private boolean started;
  private org.hopscope.source.Cancellation opening;

  private void startWhatWasAsked(ShellModel shell) {
    if (started) {
      return;
    }
    started = true;
    if (options.id != null && !options.id.isBlank()) {
      shell.flow().queryProperty().set(options.id.strip());
      View view = shell.viewProperty().get();
      shell.search();
      shell.viewProperty().set(view);
    }
    if (options.link != null) {
      onCall.openLink(shell, org.hopscope.model.playbook.PlaybookLink.parse(options.link));
    }
    if (options.analyse
        || View.parse(options.mainView()) == View.STUCK && options.screenshot != null) {
      shell.analyseWindow();
    }
  }
}
