package org.hopscope.model.playbook;

import java.time.Instant;
import java.util.Objects;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.promql.PromQl;

/**
 * The window a playbook's checks look at: an alert link's {@code from}/{@code to}, an incident's
 * window, a fixed search window, {@code --from/--to}. Checks are evaluated as of its end (PromQL's
 * evaluation time, the end of an Elasticsearch count's range) and the checks' {@code window}
 * variable is its length, so {@code [${window}]} covers exactly the window. Without one, checks run
 * as of now over the playbook's {@code window}.
 *
 * @param window the window
 * @param origin where it came from
 */
public record CheckWindow(TimeWindow window, ValueOrigin origin) {

  public CheckWindow {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(origin, "origin");
  }

  /** The window {@code w} from {@code origin}. */
  public static CheckWindow of(TimeWindow w, ValueOrigin origin) {
    return new CheckWindow(w, origin);
  }

  /** Its length as a PromQL duration, the value of the checks' {@code window} variable. */
  public String windowVariable() {
    return PromQl.duration(window.length());
  }

  /**
   * The instant checks are evaluated as of: the window's end, or {@code now} when it ends later
   * (nothing after now can be measured).
   */
  public Instant asOf(Instant now) {
    return window.to().isAfter(now) ? now : window.to();
  }
}
