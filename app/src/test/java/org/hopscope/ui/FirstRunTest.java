package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.hopscope.store.IncidentDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first start with no connection profile at all: the main window draws, then the profiles dialog
 * opens over it (after the first frame, so the start is not held up by it).
 */
class FirstRunTest {

  @TempDir Path config;

  @Test
  void withoutProfilesTheProfilesDialogOpensOverTheDrawnWindow() {
    StringWriter errors = new StringWriter();
    try (IncidentDatabase db =
        IncidentDatabase.open(config.resolve("hopscope.db"), Clock.systemUTC())) {
      GuiOptions options = new GuiOptions();
      options.view = "flow";
      HopscopeApp app =
          UiSandbox.app(
              options,
              config.resolve("config"),
              new PrintWriter(errors, true),
              db,
              UiSandbox.shippedPlaybooks());
      Stage stage = FxHarness.stage();
      FxHarness.onFx(() -> app.start(stage));
      FxHarness.waitUntil(
          "the profiles dialog is showing", () -> FxHarness.onFx(() -> dialog() != null));
      Window dialog = FxHarness.onFx(FirstRunTest::dialog);
      assertThat(FxHarness.onFx(() -> ((Stage) dialog).getOwner())).isSameAs(stage);
      assertThat(FxHarness.onFx(stage::isShowing)).isTrue();
      FxHarness.runFx(
          () -> {
            ((Stage) dialog).close();
            stage.hide();
          });
    }
    assertThat(errors.toString()).isEmpty();
  }

  private static Window dialog() {
    return Window.getWindows().stream()
        .filter(Window::isShowing)
        .filter(w -> w.getScene() != null && w.getScene().getRoot() != null)
        .filter(w -> "profiles-dialog".equals(w.getScene().getRoot().getId()))
        .findFirst()
        .orElse(null);
  }
}
