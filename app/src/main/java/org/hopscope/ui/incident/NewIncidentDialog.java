package org.hopscope.ui.incident;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Incident;

/**
 * "New incident": title, severity, path, window (UTC to the second, e.g. "2026-11-26 02:00:00", or
 * an ISO instant; prefilled from the shell's chosen window, whose exact instants are kept while a
 * time is left as shown). Its result is the incident to open, or null when cancelled. Field ids:
 * {@code incident-new-title}, {@code -severity}, {@code -path}, {@code -from}, {@code -to}; the
 * open button {@code incident-new-open}.
 */
final class NewIncidentDialog extends Dialog<NewIncidentDialog.Request> {

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TYPED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

  record Request(String title, Incident.Severity severity, String path, TimeWindow window) {}

  NewIncidentDialog(Supplier<TimeWindow> window, Supplier<String> path) {
    setTitle("New incident");
    setHeaderText("Open an incident: what you do from now on is recorded on its timeline.");
    TextField title = field("incident-new-title", "e.g. orders stuck at fulfilment-service");
    ComboBox<Incident.Severity> severity = new ComboBox<>();
    severity.setId("incident-new-severity");
    severity.getItems().setAll(Incident.Severity.values());
    severity.setValue(Incident.Severity.SEV2);
    TextField pathField = field("incident-new-path", "integration path, e.g. orders");
    pathField.setText(path.get() == null ? "" : path.get());
    TimeWindow w = window.get();
    TextField from = field("incident-new-from", "2026-11-26 02:00:00");
    TextField to = field("incident-new-to", "2026-11-26 05:00:00");
    if (w != null) {
      from.setText(shown(w.from()));
      to.setText(shown(w.to()));
    }
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.setPadding(new Insets(8, 0, 0, 0));
    grid.addRow(0, new Label("Title"), title);
    grid.addRow(1, new Label("Severity"), severity);
    grid.addRow(2, new Label("Path"), pathField);
    grid.addRow(3, new Label("From (UTC)"), from);
    grid.addRow(4, new Label("To (UTC)"), to);
    Label hint = new Label();
    hint.getStyleClass().add("incident-form-hint");
    grid.add(hint, 1, 5);
    getDialogPane().setContent(grid);
    getDialogPane().getStylesheets().add(IncidentsView.CSS);
    title.setPrefColumnCount(32);

    ButtonType open = new ButtonType("Open incident", ButtonBar.ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().setAll(open, ButtonType.CANCEL);
    Node openButton = getDialogPane().lookupButton(open);
    openButton.setId("incident-new-open");
    hint.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> problem(title.getText(), from.getText(), to.getText()),
                title.textProperty(),
                from.textProperty(),
                to.textProperty()));
    BooleanBinding invalid = hint.textProperty().isNotEmpty();
    openButton.disableProperty().bind(invalid);
    setResultConverter(
        b ->
            b == open
                ? new Request(
                    title.getText().strip(),
                    severity.getValue(),
                    pathField.getText().strip(),
                    windowOf(from.getText(), to.getText(), w))
                : null);
    setOnShown(e -> title.requestFocus());
  }

  private static TextField field(String id, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    return f;
  }

  /** {@code t} as the form shows it: UTC to the second, e.g. "2026-11-26 02:00:00". */
  static String shown(Instant t) {
    return SHOWN.format(t);
  }

  /**
   * A time as typed: "2026-11-26 02:00[:00]" (UTC, also with a T) or an ISO instant ("...Z").
   *
   * @throws DateTimeParseException when it is neither
   */
  static Instant parse(String text) {
    String s = text.strip();
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(s.replace('T', ' '), TYPED).toInstant(ZoneOffset.UTC);
    }
  }

  /** What is wrong with the form, "" when it can be opened. */
  static String problem(String title, String from, String to) {
    if (title == null || title.isBlank()) {
      return "Give the incident a title.";
    }
    if (from.isBlank() && to.isBlank()) {
      return "";
    }
    try {
      Instant f = parse(from);
      Instant t = parse(to);
      return f.isBefore(t) ? "" : "The window must end after it starts.";
    } catch (DateTimeParseException e) {
      return "Write times in UTC, e.g. 2026-11-26 02:00:00.";
    }
  }

  /** The window typed; a time left as shown keeps the chosen window's exact instant. */
  private static TimeWindow windowOf(String from, String to, TimeWindow chosen) {
    if (from.isBlank() && to.isBlank()) {
      return null;
    }
    Instant f =
        chosen != null && from.strip().equals(shown(chosen.from())) ? chosen.from() : parse(from);
    Instant t = chosen != null && to.strip().equals(shown(chosen.to())) ? chosen.to() : parse(to);
    return new TimeWindow(f, t);
  }
}
