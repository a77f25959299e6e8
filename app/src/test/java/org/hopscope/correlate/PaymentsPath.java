package org.hopscope.correlate;

import java.nio.file.Path;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.PathDef;

/**
 * The sandbox's {@code payments} path, read from the repository's {@code queries/payments.yaml}.
 */
final class PaymentsPath {

  private PaymentsPath() {}

  static PathDef path() {
    return new PathDefinitions().read(file());
  }

  /** {@code queries/payments.yaml} of this checkout. */
  static Path file() {
    return OrdersPath.file().resolveSibling("payments.yaml");
  }
}
