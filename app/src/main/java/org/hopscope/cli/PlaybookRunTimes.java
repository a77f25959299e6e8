package org.hopscope.cli;

import java.time.Instant;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.playbook.CheckWindow;
import org.hopscope.model.playbook.ValueOrigin;

/**
 * When {@code playbook run} evaluates its checks: {@code --at T} (as of T, the playbook's window),
 * {@code --from F [--to T]} (as of T, {@code window} = T - F), else the {@code --incident}'s window
 * (as of its end, {@code window} = its length), else now.
 *
 * @param window the window the checks look at, or null (then {@code window} keeps its default)
 * @param at the instant given by {@code --at}, or null
 */
record PlaybookRunTimes(CheckWindow window, Instant at) {

  /**
   * @throws IllegalArgumentException for a bad time, {@code --at} with {@code --from/--to}, or
   *     {@code --to} alone
   */
  static PlaybookRunTimes parse(
      CliContext ctx, String at, String from, String to, Incident incident) {
    TimeArgument times = new TimeArgument(ctx.clock());
    if (at != null && (from != null || to != null)) {
      throw new IllegalArgumentException(
          "give either --at (as of that time) or --from/--to (as of the window's end), not both");
    }
    if (at != null) {
      return new PlaybookRunTimes(null, times.parse("--at", at));
    }
    if (to != null && from == null) {
      throw new IllegalArgumentException(
          "--to needs --from (the window's start); to evaluate as of a time alone use --at");
    }
    if (from != null) {
      WindowArguments w = WindowArguments.parse(ctx, from, to, true);
      return new PlaybookRunTimes(CheckWindow.of(w.window(), ValueOrigin.GIVEN), null);
    }
    if (incident != null && incident.window() != null) {
      return new PlaybookRunTimes(CheckWindow.of(incident.window(), ValueOrigin.INCIDENT), null);
    }
    return new PlaybookRunTimes(null, null);
  }

  /** The instant the checks are evaluated as of. */
  Instant asOf(Instant now) {
    return window != null ? window.asOf(now) : at != null ? at : now;
  }

  /** The fixed window, or null. */
  TimeWindow fixed() {
    return window == null ? null : window.window();
  }
}
