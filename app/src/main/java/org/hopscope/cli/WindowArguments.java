package org.hopscope.cli;

import java.time.Instant;
import org.hopscope.model.TimeWindow;

/**
 * The time bounds of a command: an optional window and the analysis time ({@code asOf}: the
 * window's end, or now). Events after {@code asOf} do not count; STUCK vs IN_FLIGHT is judged at
 * it.
 *
 * @param window the window, or null when neither --from nor --to was given
 * @param asOf the analysis time
 */
record WindowArguments(TimeWindow window, Instant asOf) {

  static WindowArguments parse(CliContext ctx, String from, String to, boolean required) {
    TimeArgument times = new TimeArgument(ctx.clock());
    Instant end = to == null ? ctx.clock().instant() : times.parse("--to", to);
    if (from == null) {
      if (required) {
        throw new IllegalArgumentException("--from is required (e.g. --from now-1h)");
      }
      return new WindowArguments(null, end);
    }
    Instant start = times.parse("--from", from);
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("--to (" + end + ") must be after --from (" + start + ")");
    }
    return new WindowArguments(new TimeWindow(start, end), end);
  }
}
