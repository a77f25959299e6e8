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
          rgb(0x161b22),
          rgb(0x161b22),
          rgb(0x21262d),
          rgb(0x30363d),
          rgb(0xc9d1d9),
          rgb(0x8b949e),
          new Color(0x58, 0xa6, 0xff, 170),
          rgb(0xf85149),
          new Color(0xf8, 0x51, 0x49, 34),
          rgb(0xff7b72),
          List.of(
              rgb(0x73bf69),
              rgb(0xfade2a),
              rgb(0x5794f2),
              rgb(0xff9830),
              rgb(0xb877d9),
              rgb(0x8ab8ff),
              rgb(0xf2495c),
              rgb(0x96d98d)),
          "DejaVu Sans");

  /** Primer light: card background {@code -color-bg-default}, text {@code -color-fg-*}. */
  public static final ChartTheme LIGHT =
      new ChartTheme(
          "light",
          rgb(0xffffff),
          rgb(0xffffff),
          rgb(0xeaeef2),
          rgb(0xd0d7de),
          rgb(0x24292f),
          rgb(0x57606a),
          new Color(0x09, 0x69, 0xda, 150),
          rgb(0xcf222e),
          new Color(0xcf, 0x22, 0x2e, 26),
          rgb(0xcf222e),
          List.of(
              rgb(0x37872d),
              rgb(0xc48a00),
              rgb(0x1f60c4),
              rgb(0xe0752d),
              rgb(0x8f3bb8),
              rgb(0x0a7bab),
              rgb(0xc4162a),
              rgb(0x56a64b)),
          "DejaVu Sans");

  /** The colour of series number {@code index} (0-based), cycling through {@link #series}. */
  public Color seriesColour(int index) {
    return series.get(Math.floorMod(index, series.size()));
  }

  /** The theme's {@link #background} as a CSS colour, e.g. {@code #161b22}. */
  public String backgroundCss() {
    return String.format("#%06x", background.getRGB() & 0xffffff);
  }

  private static Color rgb(int rgb) {
    return new Color(rgb);
  }
}
