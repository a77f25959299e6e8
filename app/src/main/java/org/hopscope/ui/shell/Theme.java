package org.hopscope.ui.shell;

import java.net.URL;
import java.util.Objects;

/**
 * The two looks of the app: AtlantaFX Primer dark (the default, for 03:00) and light, trimmed to
 * the controls the client uses (org/hopscope/ui/look/primer-*.css, made by ThemeTrim; ADR 0038).
 */
public enum Theme {
  DARK("primer-dark.css"),
  LIGHT("primer-light.css");

  private final String file;

  Theme(String file) {
    this.file = file;
  }

  /** The stylesheet to hand to {@code Application.setUserAgentStylesheet}. */
  public String userAgentStylesheet() {
    URL url = Theme.class.getResource("/org/hopscope/ui/look/" + file);
    return Objects.requireNonNull(url, "the theme " + file + " is missing from the jar")
        .toExternalForm();
  }

  /** The other one. */
  public Theme toggled() {
    return this == DARK ? LIGHT : DARK;
  }

  /** Reads a stored name; unknown or missing gives {@link #DARK}. */
  public static Theme parse(String name) {
    for (Theme t : values()) {
      if (t.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return t;
      }
    }
    return DARK;
  }
}
