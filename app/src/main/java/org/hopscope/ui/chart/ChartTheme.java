package org.hopscope.ui.chart;

import java.awt.Color;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.SeriesColour;
import org.hopscope.model.SeriesColours;

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
 * @param shades line colours per {@link SeriesColour} family, distinct shades in the order a
 *     panel's series of that family get them (cycled); every family has at least one
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
    Map<SeriesColour, List<Color>> shades,
    String fontFamily) {

  public ChartTheme {
    Map<SeriesColour, List<Color>> copy = new EnumMap<>(SeriesColour.class);
    for (SeriesColour c : SeriesColour.values()) {
      List<Color> s = shades.get(c);
      if (s == null || s.isEmpty()) {
        throw new IllegalArgumentException("chart theme " + name + " has no shade of " + c.text());
      }
      copy.put(c, List.copyOf(s));
    }
    shades = java.util.Collections.unmodifiableMap(copy);
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
          palette(
              new int[] {0xf85149, 0xffa198, 0xb62324, 0xff7b72},
              new int[] {0xd29922, 0xf0883e, 0xe3b341, 0xdb6d28},
              new int[] {0x3fb950, 0x56d364, 0x2ea043, 0x7ee787},
              new int[] {0x58a6ff, 0x79c0ff, 0x388bfd, 0xa5d6ff},
              new int[] {0xbc8cff, 0xd2a8ff, 0xa371f7, 0xe2c5ff},
              new int[] {0x39c5cf, 0x76e3ea, 0x1b9aaa, 0xb3f0ff},
              new int[] {0x8b949e, 0xb1bac4, 0x6e7681, 0xc9d1d9}),
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
          palette(
              new int[] {0xcf222e, 0x82071e, 0xfa4549, 0xa40e26},
              new int[] {0x9a6700, 0xbc4c00, 0xd4a72c, 0x953800},
              new int[] {0x1a7f37, 0x2da44e, 0x044f1e, 0x4ac26b},
              new int[] {0x0969da, 0x54aeff, 0x033d8b, 0x218bff},
              new int[] {0x8250df, 0xc297ff, 0x512a97, 0xa475f9},
              new int[] {0x1b7c83, 0x3eb6bf, 0x0b4d52, 0x2a9aa2},
              new int[] {0x57606a, 0x8c959f, 0x32383f, 0xafb8c1}),
          "DejaVu Sans");

  /** The line colour of a series drawn in {@code tone} (shades cycle when a panel runs out). */
  public Color colour(SeriesColours.Tone tone) {
    List<Color> s = shades.get(tone.colour());
    return s.get(Math.floorMod(tone.shade(), s.size()));
  }

  /** Shades in {@link SeriesColour} order: red, amber, green, blue, purple, teal, grey. */
  private static Map<SeriesColour, List<Color>> palette(int[]... rgbs) {
    Map<SeriesColour, List<Color>> out = new EnumMap<>(SeriesColour.class);
    for (SeriesColour c : SeriesColour.values()) {
      out.put(c, java.util.Arrays.stream(rgbs[c.ordinal()]).mapToObj(Color::new).toList());
    }
    return out;
  }

  /** The theme's {@link #background} as a CSS colour, e.g. {@code #161b22}. */
  public String backgroundCss() {
    return String.format("#%06x", background.getRGB() & 0xffffff);
  }
}
