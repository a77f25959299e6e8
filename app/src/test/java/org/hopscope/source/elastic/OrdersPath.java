package org.hopscope.source.elastic;

import java.nio.file.Path;
import java.util.List;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.Condition;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.PathDef;

/**
 * Test fixture: the sandbox's {@code orders} path, read from the repository's {@code
 * queries/orders.yaml}, with its event sources by name, and helpers that build conditions.
 */
final class OrdersPath {

  static final PathDef PATH = new PathDefinitions().read(file());

  static final EventSourceDef GATEWAY = source("api-gateway");
  static final EventSourceDef FULFILMENT = source("fulfilment-service");
  static final EventSourceDef ERP_ADAPTER = source("erp-adapter");
  static final EventSourceDef CONFIRMATION = source("erp-confirmation");

  private OrdersPath() {}

  static FieldPath f(String path) {
    return FieldPath.parse(path);
  }

  static Condition in(String field, String... values) {
    return new Condition(f(field), Condition.Op.IN, List.of(values));
  }

  static Condition atLeast(String field, String bound) {
    return new Condition(f(field), Condition.Op.AT_LEAST, List.of(bound));
  }

  static Condition exists(String field) {
    return new Condition(f(field), Condition.Op.EXISTS, List.of());
  }

  /** The first (for these hops: only) event source of {@code hop}. */
  private static EventSourceDef source(String hop) {
    return PATH.hop(hop).orElseThrow().sources().get(0);
  }

  /** {@code queries/orders.yaml} of this checkout (tests run in {@code app/}). */
  private static Path file() {
    String home = System.getProperty("hopscope.home");
    Path root = home != null ? Path.of(home) : Path.of("").toAbsolutePath().getParent();
    return root.resolve("queries").resolve("orders.yaml");
  }
}
