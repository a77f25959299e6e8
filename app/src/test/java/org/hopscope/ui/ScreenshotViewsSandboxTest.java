package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ProfileStore;
import org.hopscope.model.alert.AlertState;
import org.hopscope.sandbox.junit.FiringAlerts;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.ui.compare.CompareViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gui --screenshot} of the views beyond the main window's over the sandbox: the compare
 * window of the stuck message (its own PNG, at the size asked for), the alerts panel once an alert
 * fires, the stuck view with what changed.
 */
@ExtendWith(SandboxExtension.class)
class ScreenshotViewsSandboxTest {

  @TempDir Path config;
  private final StringWriter errors = new StringWriter();

  @Test
  void compareWritesThePngOfTheCompareWindowOnceCompared(TestSandbox sandbox) throws Exception {
    GuiOptions options = options(sandbox, "compare", "1280x800");
    options.id = stuck(sandbox);
    HopscopeApp app = shoot(options, 1280, 800);
    assertThat(FxHarness.onFx(() -> app.parts().compare().model().stateProperty().get()))
        .isEqualTo(CompareViewModel.State.DONE);
    assertThat(FxHarness.onFx(() -> app.parts().compare().model().subjectProperty().get()))
        .isEqualTo(options.id);
    assertThat(FxHarness.onFx(() -> app.parts().compare().stage().getScene().getWidth()))
        .isEqualTo(1280.0);
  }

  @Test
  void alertsWritesThePngWithThePanelOpenOnceAnAlertFires(TestSandbox sandbox) throws Exception {
    FiringAlerts.await(sandbox, Duration.ofSeconds(120));
    GuiOptions options = options(sandbox, "alerts", "1920x1080");
    options.id = stuck(sandbox);
    options.theme = "light";
    HopscopeApp app = shoot(options, 1920, 1080);
    assertThat(FxHarness.onFx(() -> app.onCall().alertsModel().openProperty().get())).isTrue();
    assertThat(
            FxHarness.onFx(
                () -> app.onCall().alertsModel().reportProperty().get().count(AlertState.FIRING)))
        .isPositive();
  }

  @Test
  void stuckCompareWaitsForWhatChanged(TestSandbox sandbox) throws Exception {
    GuiOptions options = options(sandbox, "stuck", "1280x800");
    options.compare = "previous";
    HopscopeApp app = shoot(options, 1280, 800);
    assertThat(FxHarness.onFx(() -> app.parts().window().changes().comparisonProperty().get()))
        .isNotNull();
  }

  private static String stuck(TestSandbox sandbox) {
    return Manifest.read(sandbox.manifest()).classes().get("STUCK").messages().get(0).id();
  }

  private GuiOptions options(TestSandbox sandbox, String view, String size) {
    new ProfileStore(new ConfigDirs(config)).save(UiSandbox.profile(sandbox));
    GuiOptions options = new GuiOptions();
    options.profile = "test";
    options.outage = sandbox.manifest();
    options.view = view;
    options.size = size;
    return options;
  }

  /** Runs the app in screenshot mode; asserts exit 0 and a PNG of width x height. */
  private HopscopeApp shoot(GuiOptions options, int width, int height) throws Exception {
    assertThat(options.problem()).isNull();
    Path png = config.resolve("shots").resolve(options.view + ".png");
    options.screenshot = png;
    HopscopeApp app =
        UiSandbox.app(
            options, config, new PrintWriter(errors, true), null, UiSandbox.shippedPlaybooks());
    FxHarness.stage(); // the toolkit, once per JVM
    int code =
        FxHarness.onFx(() -> app.start(new Stage()))
            .get(FxHarness.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(code).as(errors.toString()).isZero();
    assertThat(Files.isRegularFile(png)).as(png.toString()).isTrue();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
    return app;
  }
}
