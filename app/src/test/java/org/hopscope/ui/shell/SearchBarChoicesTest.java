package org.hopscope.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search bar's path and time-window choices are menu buttons (ADR 0045: no combo box's list
 * before the first frame): they show the shell's choice and set it.
 */
class SearchBarChoicesTest {

  private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  @TempDir Path dir;

  @Test
  void thePathAndWindowMenusShowAndSetTheShellsChoice() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    FlowViewModel flow =
        new FlowViewModel(
            (id, w, asOf, c) -> {
              throw new AssertionError("no search here");
            },
            new SynchronousTaskRunner(),
            clock);
    ShellModel shell =
        new ShellModel(
            flow,
            new ShellModel.StuckAnalysis() {
              @Override
              public void analyse(TimeWindow window) {}

              @Override
              public void cancel() {}
            },
            UiPreferences.load(dir.resolve("ui.properties")),
            clock);
    SearchBar bar = FxHarness.show(() -> new SearchBar(shell, ZoneOffset.UTC), 1200, 60);
    MenuButton path = (MenuButton) bar.lookup("#search-path");
    MenuButton window = (MenuButton) bar.lookup("#search-window");

    List<Object> before =
        FxHarness.onFx(
            () ->
                List.of(path.getText(), path.getItems().size(), window.getText(), labels(window)));
    assertThat(before)
        .containsExactly(
            "Path",
            0,
            WindowPreset.standard().label(),
            List.of("Last 15 min", "Last 1 h", "Last 6 h", "Last 24 h", "Last 7 days", "Custom…"));

    FxHarness.runFx(() -> shell.paths().setAll("orders", "refunds"));
    assertThat(FxHarness.onFx(() -> labels(path))).containsExactly("orders", "refunds");
    FxHarness.runFx(() -> path.getItems().get(1).fire());
    assertThat(FxHarness.onFx(() -> List.of(shell.pathProperty().get(), path.getText())))
        .containsExactly("refunds", "refunds");

    FxHarness.runFx(() -> window.getItems().get(0).fire());
    assertThat(FxHarness.onFx(() -> shell.windowProperty().get().preset()))
        .isEqualTo(WindowPreset.LAST_15_MINUTES);
    assertThat(FxHarness.onFx(window::getText)).isEqualTo("Last 15 min");

    // an outage offered: its preset appears in the menu and shows its bounds when chosen
    TimeWindow outage =
        new TimeWindow(
            Instant.parse("2026-11-26T01:00:00Z"), Instant.parse("2026-11-26T02:30:00Z"));
    FxHarness.runFx(() -> shell.outage(outage));
    assertThat(FxHarness.onFx(() -> labels(window))).contains("Outage");
    assertThat(FxHarness.onFx(window::getText)).isEqualTo("Outage Nov 26 01:00 – 02:30");
    FxHarness.runFx(() -> bar.getScene().getWindow().hide());
  }

  private static List<String> labels(MenuButton menu) {
    return menu.getItems().stream().map(MenuItem::getText).toList();
  }
}
