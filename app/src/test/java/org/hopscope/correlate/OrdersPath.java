package org.hopscope.correlate;

import java.nio.file.Path;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.PathDef;

/** The sandbox's {@code orders} path, read from the repository's {@code queries/orders.yaml}. */
final class OrdersPath {

  private OrdersPath() {}

  static PathDef path() {
    return new PathDefinitions().read(file());
  }

  /** {@code queries/orders.yaml} of this checkout (tests run in {@code app/}). */
  static Path file() {
    String home = System.getProperty("hopscope.home");
    Path root = home != null ? Path.of(home) : Path.of("").toAbsolutePath().getParent();
    return root.resolve("queries").resolve("orders.yaml");
  }
}
