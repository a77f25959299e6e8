package org.hopscope.ui.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.hopscope.model.TimeWindow;

/**
 * The window the user chose: a preset, or fixed bounds (custom or the incident). Relative presets
 * are resolved when a query starts, so "last hour" always means the hour before the search.
 *
 * @param preset the chosen preset
 * @param fixed the bounds of {@link WindowPreset#CUSTOM} or {@link WindowPreset#OUTAGE}; null for
 *     relative presets
 */
public record WindowChoice(WindowPreset preset, TimeWindow fixed) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm");

  public WindowChoice {
    if (preset.length() == null && fixed == null) {
      throw new IllegalArgumentException(preset + " needs fixed bounds");
    }
    if (preset.length() != null) {
      fixed = null;
    }
  }

  public static WindowChoice of(WindowPreset preset) {
    return new WindowChoice(preset, null);
  }

  /** The window a query started at {@code now} looks at. */
  public TimeWindow resolve(Instant now) {
    return fixed != null ? fixed : TimeWindow.ending(now, preset.length());
  }

  /** In words, e.g. "Last 1 h" or "Nov 26 17:10 – 18:00". */
  public String describe(ZoneId zone) {
    if (fixed == null) {
      return preset.label();
    }
    String from = TIME.withZone(zone).format(fixed.from());
    String to = DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(fixed.to());
    String prefix = preset == WindowPreset.OUTAGE ? "Outage " : "";
    return prefix + from + " – " + to;
  }
}
