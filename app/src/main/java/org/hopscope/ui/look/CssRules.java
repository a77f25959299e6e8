package org.hopscope.ui.look;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.css.CssParser;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Counts the CSS rules a window styles itself with (the start-up probe's figure; ADR 0038): the
 * user agent stylesheet (the theme) plus the scene's and every node's own stylesheets.
 */
public final class CssRules {

  private CssRules() {}

  /**
   * The stylesheet URLs in use by {@code scene}, the theme {@code userAgent} (may be null) first.
   */
  public static Set<String> inUse(Scene scene, String userAgent) {
    Set<String> urls = new LinkedHashSet<>();
    if (userAgent != null) {
      urls.add(userAgent);
    }
    if (scene != null) {
      urls.addAll(scene.getStylesheets());
      collect(scene.getRoot(), urls);
    }
    return urls;
  }

  private static void collect(Node node, Set<String> urls) {
    if (node instanceof Parent p) {
      urls.addAll(p.getStylesheets());
      p.getChildrenUnmodifiable().forEach(c -> collect(c, urls));
    }
  }

  /** The rules of these stylesheets, each parsed once. */
  public static int count(Collection<String> urls) {
    int rules = 0;
    for (String url : urls) {
      try {
        rules += new CssParser().parse(new URL(url)).getRules().size();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the stylesheet " + url, e);
      }
    }
    return rules;
  }
}
