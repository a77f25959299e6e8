package org.hopscope.ui.chart;

import java.awt.Color;
import java.util.List;

/**
 * The colours and fonts a {@link HopChart} is drawn with. Charts are painted by JFreeChart
 * (Java2D), which cannot read the scene's CSS, so the theme is passed in: {@link #DARK} and {@link
 * #LIGHT} match AtlantaFX Primer dark and light.
 *
 * @param name "dark" or "light" (for logs and file names)
 * @param background behind the plot (the card's background)
 * @param plotBackground inside the axes
 * @param gridline grid lines
 * @param axisLine axis lines and tick marks
 * @param text tick labels and legend text
 * @param mutedText axis labels (units)
 * @param event a marker at an event of the message
 * @param failure a marker at a failed event of the message
 * @param outage fill of the outage window (translucent)
 * @param outageText the outage window's label
 * @param series line colours, in series order (cycled)
 * @param fontFamily an AWT font family for every text of the chart
 */
public record ChartTheme(
    String name,
    Color background,
    Color plotBackground,
    Color gridline,
    Color axisLine,
    Color text,
    Color mutedText,
    Color event,
    Color failure,
    Color outage,
    Color outageText,
    List<Color> series,
    String fontFamily) {

  public ChartTheme {
    series = List.copyOf(series);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("a chart theme needs at least one series colour");
    }
  }

  /** Primer dark: card background {@code -color-bg-subtle}, text {@code -color-fg-*}. */
  public static final ChartTheme DARK =
      new ChartTheme(
          "dark",
          new Color(0x161b22),
          new Color(0x161b22),
          new Color(0x21262d),
          new Color(0x30363d),
          new Color(0xc9d1d9),
          new Color(0x8b949e),
          new Color(0x58, 0xa6, 0xff, 170),
          new Color(0xf85149),
          new Color(0xf8, 0x51, 0x49, 34),
          new Color(0xff7b72),
          List.of(
              new Color(0x73bf69),
              new Color(0xfade2a),
              new Color(0x5794f2),
              new Color(0xff9830),
              new Color(0xb877d9),
              new Color(0x8ab8ff),
              new Color(0xf2495c),
              new Color(0x96d98d)),
          "DejaVu Sans");

  /** Primer light: card background {@code -color-bg-default}, text {@code -color-fg-*}. */
  public static final ChartTheme LIGHT =
      new ChartTheme(
          "light",
          new Color(0xffffff),
          new Color(0xffffff),
          new Color(0xeaeef2),
          new Color(0xd0d7de),
          new Color(0x24292f),
          new Color(0x57606a),
          new Color(0x09, 0x69, 0xda, 150),
          new Color(0xcf222e),
          new Color(0xcf, 0x22, 0x2e, 26),
          new Color(0xcf222e),
          List.of(
              new Color(0x37872d),
              new Color(0xc48a00),
              new Color(0x1f60c4),
              new Color(0xe0752d),
              new Color(0x8f3bb8),
              new Color(0x0a7bab),
              new Color(0xc4162a),
              new Color(0x56a64b)),
          "DejaVu Sans");

  /** The colour of series number {@code index} (0-based), cycling through {@link #series}. */
  public Color seriesColour(int index) {
    return series.get(Math.floorMod(index, series.size()));
  }

  /** The theme's {@link #background} as a CSS colour, e.g. {@code #161b22}. */
  public String backgroundCss() {
    return String.format("#%06x", background.getRGB() & 0xffffff);
  }
}
