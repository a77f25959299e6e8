package org.hopscope.ui.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.chart.ChartModel.EventMark;

/**
 * Turns a hop's events into chart markers: one per event while there are at most {@code limit};
 * beyond that the range is cut into {@code limit} equal buckets and each bucket holding events
 * becomes one marker (at its earliest event, counting them, failed if any failed), so a
 * 100,000-event message draws at most {@code limit} lines.
 */
final class EventMarks {

  private EventMarks() {}

  /**
   * @param events the hop's events, any order
   * @param range the chart's time range; events outside it go to the first or last bucket
   * @param limit most markers returned, at least 1
   * @return markers, oldest first
   */
  static List<EventMark> of(List<FlowEvent> events, TimeWindow range, int limit) {
    List<FlowEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(FlowEvent::timestamp));
    List<EventMark> out = new ArrayList<>();
    if (sorted.size() <= limit) {
      for (FlowEvent e : sorted) {
        out.add(new EventMark(e.timestamp(), 1, e.failure()));
      }
      return out;
    }
    long from = range.from().toEpochMilli();
    long span = range.length().toMillis();
    int bucket = -1;
    Instant first = null;
    int count = 0;
    boolean failure = false;
    for (FlowEvent e : sorted) {
      long offset = e.timestamp().toEpochMilli() - from;
      int b = (int) Math.max(0, Math.min(limit - 1, offset * limit / span));
      if (b != bucket) {
        if (first != null) {
          out.add(new EventMark(first, count, failure));
        }
        bucket = b;
        first = e.timestamp();
        count = 0;
        failure = false;
      }
      count++;
      failure |= e.failure();
    }
    out.add(new EventMark(first, count, failure));
    return out;
  }
}
