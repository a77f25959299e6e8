package org.hopscope.ui.shell;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.hopscope.model.TimeWindow;

/** Asks for a custom window, local time; says what is wrong with a bound before accepting it. */
final class CustomWindowDialog extends Dialog<TimeWindow> {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  CustomWindowDialog(Window owner, ZoneId zone, WindowChoice current) {
    initOwner(owner);
    setTitle("Custom time window");
    setHeaderText("Search between (" + zone.getId() + ")");
    TimeWindow start = current.resolve(java.time.Instant.now());
    TextField from = field("custom-from", SHOWN.withZone(zone).format(start.from()));
    TextField to = field("custom-to", SHOWN.withZone(zone).format(start.to()));
    Label problem = new Label();
    problem.setId("custom-problem");
    problem.getStyleClass().add(Styles.DANGER);
    problem.setWrapText(true);

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(10);
    grid.addRow(0, new Label("From"), from);
    grid.addRow(1, new Label("To"), to);
    grid.add(problem, 0, 2, 2, 1);
    getDialogPane().setContent(grid);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    getDialogPane().setPrefWidth(440);

    Node ok = getDialogPane().lookupButton(ButtonType.OK);
    Runnable validate =
        () -> {
          String why = CustomWindowParser.problem(from.getText(), to.getText(), zone);
          problem.setText(why);
          ok.setDisable(!why.isEmpty());
        };
    from.textProperty().addListener((o, a, b) -> validate.run());
    to.textProperty().addListener((o, a, b) -> validate.run());
    validate.run();
    setResultConverter(
        b ->
            b == ButtonType.OK
                ? CustomWindowParser.parse(from.getText(), to.getText(), zone)
                : null);
  }

  private static TextField field(String id, String text) {
    TextField f = new TextField(text);
    f.setId(id);
    f.setPromptText("2026-11-26 17:10");
    f.setPrefColumnCount(18);
    return f;
  }
}
