package org.hopscope.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.hopscope.ui.FxHarness;
import org.junit.jupiter.api.Test;

class HarnessSmokeTest {
  @Test
  void showsAWindowAndSnapshotsIt() {
    StackPane root = FxHarness.show(() -> new StackPane(new Label("hopscope")), 320, 200);
    FxHarness.waitUntil("the window is showing", () -> root.getScene().getWindow().isShowing());
    Path png = FxHarness.snapshot(root, Path.of("target/screenshots/smoke.png"));
    assertThat(png).exists();
    assertThat(png.toFile().length()).isGreaterThan(100);
    assertThat(Files.isRegularFile(png)).isTrue();
  }
}
