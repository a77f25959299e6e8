package org.hopscope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** Hopscope's window icons, every size the resources hold (main window, bundle windows). */
final class AppIcons {

  private AppIcons() {}

  static List<Image> all() {
    List<Image> icons = new ArrayList<>();
    for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
      var icon = AppIcons.class.getResource("/org/hopscope/ui/icon/hopscope-" + size + ".png");
      if (icon != null) {
        icons.add(new Image(icon.toExternalForm(), true));
      }
    }
    return icons;
  }
}
