package org.hopscope.ui.incident;

import atlantafx.base.theme.Styles;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.hopscope.model.incident.Note;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.ui.task.TaskRunner;

/**
 * A note editor: a text area bound to a {@link NoteModel} (autosaved while typing) with a small
 * "saved hh:mm:ss UTC" indicator. The text area is disabled until the note is loaded.
 */
public final class NoteEditor extends VBox {

  private final NoteModel model;
  private final TextArea area = new TextArea();

  /**
   * @param model the note (owned by the caller, who closes it)
   * @param areaId the text area's id (e.g. {@code incident-note})
   * @param prompt shown while the note is empty
   */
  public NoteEditor(NoteModel model, String areaId, String prompt) {
    this.model = model;
    getStyleClass().add("note-editor");
    getStylesheets().add(IncidentsView.CSS);
    setSpacing(4);
    area.setId(areaId);
    area.setWrapText(true);
    area.setPromptText(prompt);
    area.getStyleClass().add("note-area");
    area.textProperty().bindBidirectional(model.textProperty());
    area.disableProperty().bind(model.loadedProperty().not());
    VBox.setVgrow(area, Priority.ALWAYS);

    Label saved = new Label();
    saved.setId(areaId + "-saved");
    saved.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    saved
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.savedAtProperty().get() == null
                        ? "not saved yet"
                        : "saved " + IncidentLook.time(model.savedAtProperty().get()) + " UTC",
                model.savedAtProperty()));
    Label problem = new Label();
    problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
    problem.textProperty().bind(model.problemProperty());
    problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
    problem.managedProperty().bind(problem.visibleProperty());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox footer = new HBox(8, problem, gap, saved);
    footer.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(area, footer);
  }

  public NoteModel model() {
    return model;
  }

  /**
   * Opens a small window for a note on a hop or a message (or any scope): loads it, autosaves while
   * typing, flushes when the window closes.
   *
   * @param desk the incident operations
   * @param incidentId the incident, or 0 outside incidents
   * @param scope e.g. HOP (key = hop name) or MESSAGE (key = message ID)
   * @param key the scope's key
   * @param runner the app's task runner
   * @param scheduler the background scheduler for autosave writes
   * @param owner the window it belongs to, or null
   * @return the shown stage (id of its editor's area: {@code note-editor})
   */
  public static Stage open(
      IncidentDesk desk,
      long incidentId,
      Note.Scope scope,
      String key,
      TaskRunner runner,
      ScheduledExecutorService scheduler,
      Window owner) {
    NoteModel model = new NoteModel(desk, incidentId, scope, key, "", runner, scheduler);
    NoteEditor editor =
        new NoteEditor(model, "note-editor", "Write what you see on this " + noun(scope) + "…");
    Label title = new Label("Note on " + noun(scope) + " " + key);
    title.getStyleClass().add(Styles.TITLE_4);
    Label where = new Label(incidentId == 0 ? "outside any incident" : "incident #" + incidentId);
    where.getStyleClass().add(Styles.TEXT_MUTED);
    VBox root = new VBox(8, title, where, editor);
    root.getStyleClass().add("note-window");
    root.getStylesheets().add(IncidentsView.CSS);
    VBox.setVgrow(editor, Priority.ALWAYS);
    Stage stage = new Stage();
    if (owner != null) {
      stage.initOwner(owner);
    }
    stage.setTitle("Note — " + noun(scope) + " " + key);
    stage.setScene(new Scene(root, 460, 320));
    stage.setOnHidden(e -> model.close());
    stage.show();
    return stage;
  }

  private static String noun(Note.Scope scope) {
    return switch (scope) {
      case INCIDENT -> "incident";
      case STEP -> "step";
      case HOP -> "hop";
      case MESSAGE -> "message";
    };
  }
}
