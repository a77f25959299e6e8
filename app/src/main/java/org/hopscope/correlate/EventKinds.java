package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.hopscope.model.Comparison.EventKind;
import org.hopscope.model.FlowEvent;

/**
 * Groups a hop's events into kinds that compare across messages: the level and the message with the
 * message's IDs, long hex tokens and digit runs masked ("WARN ERP call timed out after # ms, retry
 * #/# in #s"). Spans compare by their name (their message).
 */
final class EventKinds {

  private static final Pattern HEX =
      Pattern.compile("\\b(?=[0-9a-fA-F-]*[0-9])[0-9a-fA-F-]{8,}\\b");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private final List<String> ids;

  /**
   * @param ids IDs to mask (the message's own), longest first when applied
   */
  EventKinds(Collection<String> ids) {
    this.ids =
        ids.stream()
            .filter(i -> i != null && !i.isEmpty())
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /** The kind of {@code e}. */
  String key(FlowEvent e) {
    String message = e.message() == null ? "" : e.message().strip();
    for (String id : ids) {
      message = message.replace(id, "<id>");
    }
    for (String own : e.ids()) {
      if (own != null && !own.isEmpty()) {
        message = message.replace(own, "<id>");
      }
    }
    message = HEX.matcher(message).replaceAll("#");
    message = DIGITS.matcher(message).replaceAll("#");
    String level = e.level() == null ? "" : e.level().strip().toUpperCase(Locale.ROOT);
    String text = message.isEmpty() ? "(no message)" : message;
    return level.isEmpty() ? text : level + " " + text;
  }

  /** The kinds of {@code events} in order of first appearance, each with its first event. */
  Map<String, List<FlowEvent>> group(List<FlowEvent> events) {
    Map<String, List<FlowEvent>> kinds = new LinkedHashMap<>();
    for (FlowEvent e : events) {
      kinds.computeIfAbsent(key(e), k -> new ArrayList<>()).add(e);
    }
    return kinds;
  }

  /** The kinds of {@code mine} that {@code theirs} lacks, in order of first appearance. */
  static List<EventKind> absentFrom(
      Map<String, List<FlowEvent>> mine, Map<String, List<FlowEvent>> theirs) {
    List<EventKind> out = new ArrayList<>();
    mine.forEach(
        (key, events) -> {
          if (!theirs.containsKey(key)) {
            String example = events.get(0).message();
            out.add(new EventKind(key, example == null ? "" : example, events.size()));
          }
        });
    return out;
  }
}
