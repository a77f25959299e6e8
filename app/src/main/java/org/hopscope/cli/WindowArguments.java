package org.hopscope.cli;

import java.time.Instant;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.SearchWindow;

/**
 * The time bounds of a command: the window and the analysis time ({@link SearchWindow#asOf}: the
 * window's end, or now if it ends later). Events after {@code asOf} do not count; STUCK vs
 * IN_FLIGHT is judged at it.
 *
 * @param window the window ({@link SearchWindow#endingAt} the end when --from is not given)
 * @param asOf the analysis time
 */
record WindowArguments(TimeWindow window, Instant asOf) {

  static WindowArguments parse(CliContext ctx, String from, String to, boolean required) {
    TimeArgument times = new TimeArgument(ctx.clock());
    Instant now = ctx.clock().instant();
    Instant end = to == null ? now : times.parse("--to", to);
    TimeWindow window;
    if (from == null) {
      if (required) {
        throw new IllegalArgumentException("--from is required (e.g. --from now-1h)");
      }
      window = SearchWindow.endingAt(end);
    } else {
      Instant start = times.parse("--from", from);
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException(
            "--to (" + end + ") must be after --from (" + start + ")");
      }
      window = new TimeWindow(start, end);
    }
    return new WindowArguments(window, SearchWindow.asOf(window, now));
  }
}
