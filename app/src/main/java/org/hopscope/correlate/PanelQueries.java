package org.hopscope.correlate;

import java.time.Duration;
import org.hopscope.model.Hop;
import org.hopscope.model.PanelDef;

/**
 * Turns a panel's PromQL template into the query to send: {@code $hop}, {@code $service}, {@code
 * $window} and {@code $rate} substituted, label values escaped. Injected so the engine does not
 * depend on a metrics adapter (the Prometheus adapter's template renderer implements it).
 */
@FunctionalInterface
public interface PanelQueries {

  /**
   * @param panel the panel
   * @param hop the hop it belongs to ({@code $hop}, {@code $service})
   * @param window the evaluated time range's length ({@code $window})
   * @param step the range query's resolution (to choose {@code $rate})
   * @return PromQL ready to send
   */
  String render(PanelDef panel, Hop hop, Duration window, Duration step);
}
