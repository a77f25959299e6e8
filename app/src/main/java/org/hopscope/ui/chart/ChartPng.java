package org.hopscope.ui.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;

/** Writes a chart as a PNG file: the pure part of "export chart", no file chooser, no JavaFX. */
public final class ChartPng {

  /** Export size used by the metrics view, in pixels. */
  public static final int WIDTH = 1600;

  /** Export size used by the metrics view, in pixels. */
  public static final int HEIGHT = 900;

  private ChartPng() {}

  /**
   * Writes {@code model} drawn in {@code theme}, titled with its panel title, to {@code file} as a
   * {@code width} x {@code height} PNG. Drawn at half size and scaled 2x, so text stays readable at
   * export sizes. Replaces an existing file.
   *
   * @param width pixels, even, at least 200
   * @param height pixels, even, at least 100
   * @throws IOException when the file cannot be written (the message names it)
   */
  public static void write(ChartModel model, ChartTheme theme, Path file, int width, int height)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(model, theme, out, width, height);
    } catch (IOException e) {
      throw new IOException("cannot write the chart PNG " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The PNG bytes of {@code model} drawn like {@link #write(ChartModel, ChartTheme, Path, int,
   * int)} (Java2D, no JavaFX: runs on any thread), e.g. for chart evidence.
   */
  public static byte[] bytes(ChartModel model, ChartTheme theme, int width, int height) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      write(model, theme, out, width, height);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot draw the chart PNG in memory", e);
    }
    return out.toByteArray();
  }

  private static void write(
      ChartModel model, ChartTheme theme, OutputStream out, int width, int height)
      throws IOException {
    if (width < 200 || height < 100 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException(
          "PNG size must be even and at least 200x100, was " + width + "x" + height);
    }
    TimeChart chart = new TimeChart(theme);
    chart.show(model);
    chart.title(model.title());
    ChartUtils.writeScaledChartAsPNG(out, chart.chart(), width / 2, height / 2, 2, 2);
  }
}
