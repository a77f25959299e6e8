package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the client skips OpenGL: only on Linux without a graphics device, never over the user. */
class SoftwareRenderingTest {

  @TempDir Path dev;

  private SoftwareRendering decide(String os, Map<String, String> env, Properties system) {
    return SoftwareRendering.decide(os, env, system, dev);
  }

  @Test
  void linuxWithoutAGraphicsDeviceStartsWithTheSoftwareRenderer() throws IOException {
    Files.createDirectories(dev.resolve("dri")); // an empty dri folder holds no device
    Files.createFile(dev.resolve("null"));
    SoftwareRendering rendering = decide("Linux", Map.of(), new Properties());
    assertThat(rendering.software()).isTrue();
    assertThat(rendering.reason())
        .isEqualTo(
            "no graphics device in "
                + dev
                + " (dri, nvidia): JavaFX's software renderer, GTK without OpenGL");
    Properties system = new Properties();
    SoftwareRendering.decide("Linux", Map.of("GDK_GL", "x"), new Properties(), dev).apply(system);
    assertThat(system.getProperty("prism.order")).isNull();
  }

  @Test
  void aDriCardOrRenderNodeOrAnNvidiaDeviceKeepsJavaFxsChoice() throws IOException {
    Files.createDirectories(dev.resolve("dri"));
    Files.createFile(dev.resolve("dri/renderD128"));
    assertThat(decide("Linux", Map.of(), new Properties()).software()).isFalse();
    Files.delete(dev.resolve("dri/renderD128"));
    Files.createFile(dev.resolve("dri/card0"));
    assertThat(decide("Linux", Map.of(), new Properties()).software()).isFalse();
    Files.delete(dev.resolve("dri/card0"));
    Files.createFile(dev.resolve("nvidia0"));
    assertThat(decide("Linux", Map.of(), new Properties()).software()).isFalse();
    Files.delete(dev.resolve("nvidia0"));
    assertThat(decide("Linux", Map.of(), new Properties()).software()).isTrue();
  }

  @Test
  void theUsersOwnSettingsAndOtherSystemsAreLeftAlone() {
    Properties order = new Properties();
    order.setProperty("prism.order", "es2");
    assertThat(decide("Linux", Map.of(), order).software()).isFalse();
    assertThat(decide("Linux", Map.of("GDK_GL", "always"), new Properties()).software()).isFalse();
    assertThat(decide("Mac OS X", Map.of(), new Properties()).software()).isFalse();
    assertThat(decide("Windows 11", Map.of(), new Properties()).software()).isFalse();
    assertThat(decide("Linux", Map.of(), new Properties()).reason())
        .startsWith("no graphics device");
    assertThat(decide("Windows 11", Map.of(), new Properties()).reason()).isEmpty();
  }

  @Test
  void anUnreadableDevicesFolderKeepsJavaFxsChoice() {
    Path missing = dev.resolve("absent");
    assertThat(SoftwareRendering.decide("Linux", Map.of(), new Properties(), missing).software())
        .isFalse();
  }
}
