package org.hopscope.ui.shell;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.hopscope.config.ConfigException;
import org.hopscope.config.ProfileStore;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The header's profile button: the active profile, a quick switch, and "Manage profiles…". */
public final class ProfileMenu extends MenuButton {

  public ProfileMenu(
      ProfileStore store, ObservableStringValue active, Consumer<String> use, Runnable manage) {
    setId("profile-menu");
    setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    setGraphic(new FontIcon(Feather.DATABASE));
    getStyleClass().add(Styles.FLAT);
    setTooltip(new Tooltip("Connection profile"));
    textProperty().bind(active);
    setOnShowing(e -> fill(store, use, manage));
    fill(store, use, manage);
  }

  private void fill(ProfileStore store, Consumer<String> use, Runnable manage) {
    getItems().clear();
    try {
      for (String name : store.list()) {
        MenuItem item = new MenuItem(name);
        item.setMnemonicParsing(false);
        item.setOnAction(e -> use.accept(name));
        getItems().add(item);
      }
    } catch (ConfigException e) {
      MenuItem problem = new MenuItem(e.getMessage());
      problem.setDisable(true);
      getItems().add(problem);
    }
    if (!getItems().isEmpty()) {
      getItems().add(new SeparatorMenuItem());
    }
    MenuItem manageItem = new MenuItem("Manage profiles…", new FontIcon(Feather.SETTINGS));
    manageItem.setId("profile-manage");
    manageItem.setOnAction(e -> manage.run());
    getItems().add(manageItem);
  }
}
