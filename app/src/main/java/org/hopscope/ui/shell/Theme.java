package org.hopscope.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The two looks of the app: AtlantaFX Primer dark (the default, for 03:00) and light. */
public enum Theme {
  DARK(new PrimerDark().getUserAgentStylesheet()),
  LIGHT(new PrimerLight().getUserAgentStylesheet());

  private final String userAgentStylesheet;

  Theme(String userAgentStylesheet) {
    this.userAgentStylesheet = userAgentStylesheet;
  }

  /** The stylesheet to hand to {@code Application.setUserAgentStylesheet}. */
  public String userAgentStylesheet() {
    return userAgentStylesheet;
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
