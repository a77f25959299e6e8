package org.hopscope.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.layout.StackPane;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.oncall.ConnectionCheck;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.shell.ProfileMenu;
import org.hopscope.ui.task.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The profile in use is checked in the header's menu, and "Manage profiles" opens on it, in a real
 * window.
 */
class CurrentProfileWindowTest {

  @TempDir Path config;
  private final ExecutorService pool = Executors.newFixedThreadPool(1);
  private final FxRobot robot = new FxRobot();
  private ProfilesDialog dialog;

  @AfterEach
  void close() {
    if (dialog != null) {
      FxHarness.runFx(() -> dialog.stage().close());
    }
    pool.shutdownNow();
  }

  private ProfileStore store() {
    ProfileStore store = new ProfileStore(new ConfigDirs(config));
    for (String name : List.of("alpha", "beta", "gamma")) {
      store.save(
          new ConnectionProfile(
              name, Endpoint.of(URI.create("http://127.0.0.1:1/" + name)), null, null));
    }
    return store;
  }

  @Test
  void theMenuChecksTheProfileInUseAndFollowsASwitch() {
    ProfileStore store = store();
    SimpleStringProperty active = new SimpleStringProperty("beta");
    AtomicReference<String> used = new AtomicReference<>();
    ProfileMenu menu =
        FxHarness.show(
                () -> new StackPane(new ProfileMenu(store, active, used::set, () -> {})), 400, 300)
            .getChildren()
            .stream()
            .map(ProfileMenu.class::cast)
            .findFirst()
            .orElseThrow();
    robot.clickOn("#profile-menu");
    FxHarness.waitUntil("the menu is open", menu::isShowing);
    assertThat(checked(menu)).containsExactly("beta");
    robot.clickOn("gamma");
    assertThat(used.get()).isEqualTo("gamma");
    FxHarness.runFx(() -> active.set("gamma"));
    assertThat(checked(menu)).containsExactly("gamma");
  }

  private static List<String> checked(ProfileMenu menu) {
    return FxHarness.onFx(
        () ->
            menu.getItems().stream()
                .filter(i -> i instanceof RadioMenuItem r && r.isSelected())
                .map(MenuItem::getText)
                .toList());
  }

  @Test
  void manageProfilesOpensOnTheProfileInUse() {
    ProfilesViewModel vm =
        new ProfilesViewModel(store(), new ConnectionCheck()::check, new FxTaskRunner(pool));
    dialog =
        FxHarness.onFx(
            () -> {
              vm.select("gamma"); // what the app does with the connected profile
              ProfilesDialog d = new ProfilesDialog(vm, FxHarness.stage(), name -> {});
              d.show();
              return d;
            });
    FxHarness.waitUntil("the profiles window shows", () -> dialog.stage().isShowing());
    @SuppressWarnings("unchecked")
    ListView<String> list =
        (ListView<String>) dialog.stage().getScene().getRoot().lookup("#profiles-list");
    assertThat(FxHarness.onFx(() -> list.getSelectionModel().getSelectedItem())).isEqualTo("gamma");
    assertThat(FxHarness.onFx(() -> vm.editingProperty().get())).isEqualTo("gamma");
    assertThat(FxHarness.onFx(() -> vm.form().nameProperty().get())).isEqualTo("gamma");
  }
}
