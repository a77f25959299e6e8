package org.hopscope.ui.bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** Dropping {@code *.hopscope} files onto a window opens each (other files are not taken). */
public final class BundleDrop {

  private BundleDrop() {}

  /** Lets {@code scene} take dropped bundle files and hand each to {@code open}. */
  public static void install(Scene scene, Consumer<Path> open) {
    scene.addEventHandler(
        DragEvent.DRAG_OVER,
        e -> {
          if (e.getDragboard().hasFiles()
              && !BundleOpener.bundles(e.getDragboard().getFiles()).isEmpty()) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
          }
        });
    scene.addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          List<Path> files =
              e.getDragboard().hasFiles()
                  ? BundleOpener.bundles(e.getDragboard().getFiles())
                  : List.of();
          files.forEach(open);
          e.setDropCompleted(!files.isEmpty());
          e.consume();
        });
  }
}
