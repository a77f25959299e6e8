package org.hopscope.ui.shell;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import org.hopscope.config.ConfigException;
import org.hopscope.config.ProfileStore;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The header's profile button: the active profile, a quick switch (the active one checked, id
 * {@code profile-item-<name>}), and "Manage profiles…" (opens on the active one).
 */
public final class ProfileMenu extends MenuButton {

  public ProfileMenu(
      ProfileStore store, ObservableStringValue active, Consumer<String> use, Runnable manage) {
    setId("profile-menu");
    setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    setGraphic(new FontIcon(Feather.DATABASE));
    getStyleClass().add(Styles.FLAT);
    setTooltip(new Tooltip("Connection profile"));
    textProperty().bind(active);
    setOnShowing(e -> fill(store, active.get(), use, manage));
    active.addListener((o, was, now) -> fill(store, now, use, manage));
    fill(store, active.get(), use, manage);
  }

  private void fill(ProfileStore store, String current, Consumer<String> use, Runnable manage) {
    getItems().clear();
    ToggleGroup group = new ToggleGroup();
    try {
      for (String name : store.list()) {
        RadioMenuItem item = new RadioMenuItem(name);
        item.setId("profile-item-" + name);
        item.setMnemonicParsing(false);
        item.setToggleGroup(group);
        item.setSelected(name.equals(current));
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
