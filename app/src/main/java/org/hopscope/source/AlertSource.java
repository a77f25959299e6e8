package org.hopscope.source;

import java.util.List;
import org.hopscope.model.alert.ActiveAlert;
import org.hopscope.model.alert.AlertOrigin;

/**
 * A backend's active alerts: Prometheus' {@code /api/v1/alerts} or Alertmanager's {@code
 * /api/v2/alerts}. Failures are {@link SourceException}s naming the backend and its URL.
 */
public interface AlertSource {

  /** Which kind of backend this is. */
  AlertOrigin origin();

  /** Its base URL, for messages. */
  String url();

  /**
   * Every alert it reports as active now (firing, pending, or silenced in Alertmanager).
   *
   * @throws SourceException when it cannot be reached or its answer has the wrong shape
   * @throws Cancellation.CancelledException when cancelled
   */
  List<ActiveAlert> activeAlerts(Cancellation cancel);
}
