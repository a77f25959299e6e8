package org.hopscope.ui.shell;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.hopscope.ui.flow.FlowViewModel;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The search bar: message ID / ERP number / trace ID, path, time window, recent searches, Search
 * and Cancel. Enter searches; the shell binds Ctrl+L to {@link #focusQuery()} and Esc to cancel.
 */
public final class SearchBar extends HBox {

  private final CustomTextField query = new CustomTextField();

  public SearchBar(ShellModel shell, ZoneId zone) {
    FlowViewModel flow = shell.flow();
    setId("search-bar");
    setSpacing(8);
    setAlignment(Pos.CENTER_LEFT);

    query.setId("search-field");
    query.setPromptText("Message ID, ERP document number or trace ID   (Ctrl+L)");
    query.setLeft(new FontIcon(Feather.SEARCH));
    query.textProperty().bindBidirectional(flow.queryProperty());
    query.setOnAction(e -> shell.search());
    query.setPrefWidth(420);
    query.setMinWidth(180); // the search field gives way first when the bar is narrow
    HBox.setHgrow(query, Priority.ALWAYS);

    MenuButton history = new MenuButton(null, new FontIcon(Feather.CLOCK));
    history.setId("search-history");
    history.setTooltip(new Tooltip("Recent searches"));
    history.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    shell.historyProperty().addListener((o, was, now) -> fillHistory(history, shell, now));
    fillHistory(history, shell, shell.historyProperty().get());

    // menu buttons, not combo boxes: a combo box's skin builds its list (ListView, VirtualFlow,
    // scroll bars: ~350 classes) before the first frame; a menu's items are built when opened
    MenuButton path = new MenuButton();
    path.setId("search-path");
    path.setTooltip(new Tooltip("Integration path"));
    path.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> shell.pathProperty().get() == null ? "Path" : shell.pathProperty().get(),
                shell.pathProperty()));
    javafx.collections.ListChangeListener<String> paths = c -> fillPaths(path, shell);
    shell.paths().addListener(paths);
    fillPaths(path, shell);

    MenuButton window = new MenuButton(null, new FontIcon(Feather.CALENDAR));
    window.setId("search-window");
    window.setTooltip(new Tooltip("Time window searched"));
    window
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> shell.windowProperty().get().describe(zone), shell.windowProperty()));
    shell
        .presets()
        .addListener(
            (javafx.collections.ListChangeListener<WindowPreset>)
                c -> fillPresets(window, shell, zone));
    fillPresets(window, shell, zone);

    ProgressIndicator busy = new ProgressIndicator();
    busy.setId("search-progress");
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(flow.stateProperty().isEqualTo(FlowViewModel.State.SEARCHING));
    busy.managedProperty().bind(busy.visibleProperty());

    Button search = new Button("Search", new FontIcon(Feather.ARROW_RIGHT));
    search.setId("search-button");
    search.getStyleClass().add(Styles.ACCENT);
    search.setOnAction(e -> shell.search());

    Button cancel = new Button("Cancel");
    cancel.setId("search-cancel");
    cancel.setTooltip(new Tooltip("Cancel the running query (Esc)"));
    cancel.visibleProperty().bind(busy.visibleProperty());
    cancel.managedProperty().bind(cancel.visibleProperty());
    cancel.setOnAction(e -> shell.cancel());

    for (javafx.scene.control.Control fixed : List.of(history, path, window, search, cancel)) {
      fixed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    getChildren().addAll(query, history, path, window, busy, search, cancel);
  }

  /** Puts the caret in the query field, text selected (Ctrl+L). */
  public void focusQuery() {
    query.requestFocus();
    query.selectAll();
  }

  private static void fillHistory(MenuButton menu, ShellModel shell, SearchHistory history) {
    menu.getItems().clear();
    if (history.entries().isEmpty()) {
      MenuItem none = new MenuItem("No recent searches");
      none.setDisable(true);
      menu.getItems().add(none);
      return;
    }
    for (String entry : history.entries()) {
      MenuItem item = new MenuItem(entry);
      item.setMnemonicParsing(false);
      item.setOnAction(
          e -> {
            shell.flow().queryProperty().set(entry);
            shell.search();
          });
      menu.getItems().add(item);
    }
  }

  private static void fillPaths(MenuButton menu, ShellModel shell) {
    menu.getItems().clear();
    for (String name : shell.paths()) {
      MenuItem item = new MenuItem(name);
      item.setMnemonicParsing(false);
      item.setOnAction(e -> shell.pathProperty().set(name));
      menu.getItems().add(item);
    }
  }

  private static void fillPresets(MenuButton menu, ShellModel shell, ZoneId zone) {
    menu.getItems().clear();
    for (WindowPreset preset : shell.presets()) {
      MenuItem item = new MenuItem(preset.label());
      item.setMnemonicParsing(false);
      item.setId("search-window-" + preset.name().toLowerCase(java.util.Locale.ROOT));
      item.setOnAction(e -> choose(shell, preset, menu, zone));
      menu.getItems().add(item);
    }
  }

  private static void choose(ShellModel shell, WindowPreset chosen, MenuButton menu, ZoneId zone) {
    if (chosen == WindowPreset.CUSTOM) {
      Window owner = menu.getScene() == null ? null : menu.getScene().getWindow();
      new CustomWindowDialog(owner, zone, shell.windowProperty().get())
          .showAndWait()
          .ifPresent(w -> shell.windowProperty().set(new WindowChoice(WindowPreset.CUSTOM, w)));
    } else if (chosen == shell.windowProperty().get().preset()) {
      return; // the same relative window again: nothing changes (as before)
    } else if (chosen == WindowPreset.OUTAGE) {
      shell.windowProperty().set(new WindowChoice(WindowPreset.OUTAGE, shell.outage()));
    } else {
      shell.windowProperty().set(WindowChoice.of(chosen));
    }
  }
}
