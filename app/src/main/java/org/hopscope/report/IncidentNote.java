package org.hopscope.report;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The incident note (scope INCIDENT, key "") split by its {@code ## } sections into the parts of a
 * post-mortem. Text before the first section counts as summary; sections with other titles are kept
 * under "Further notes"; headings inside fenced code blocks are not sections.
 */
record IncidentNote(
    Map<Part, String> parts, List<ActionItem> actionItems, List<Dated> timeline, String further) {

  /** The recognised sections. */
  enum Part {
    SUMMARY,
    DETECTION,
    TRIGGER,
    ROOT_CAUSE,
    RESOLUTION,
    WENT_WELL,
    WENT_BADLY,
    LUCKY,
    ACTION_ITEMS,
    TIMELINE
  }

  /** A line of the note's timeline section: {@code - 2026-11-26T02:35:00Z what happened}. */
  record Dated(Instant at, String text) {}

  private static final Pattern HEADING = Pattern.compile("^##\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
  private static final Pattern BULLET =
      Pattern.compile("^\\s*[-*+]\\s+(?:\\[([ xX])\\]\\s+)?(.*)$");
  private static final Pattern TAIL = Pattern.compile("\\(([^()]*)\\)\\s*$");
  private static final Pattern DATED =
      Pattern.compile("^\\s*[-*+]\\s+(\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z)\\s*(?:[—–-]\\s*)?(.*)$");

  static IncidentNote parse(String markdown) {
    Map<Part, StringBuilder> text = new LinkedHashMap<>();
    StringBuilder further = new StringBuilder();
    StringBuilder current = text.computeIfAbsent(Part.SUMMARY, p -> new StringBuilder());
    boolean fenced = false;
    for (String line : markdown.split("\\R", -1)) {
      if (FENCE.matcher(line).find()) {
        fenced = !fenced;
      }
      Matcher heading = fenced ? null : HEADING.matcher(line);
      if (heading != null && heading.matches()) {
        Part part = part(heading.group(1));
        if (part == null) {
          current = further;
          further.append("### ").append(heading.group(1)).append('\n');
        } else {
          current = text.computeIfAbsent(part, p -> new StringBuilder());
        }
        continue;
      }
      current.append(line).append('\n');
    }
    Map<Part, String> parts = new LinkedHashMap<>();
    text.forEach((part, body) -> parts.put(part, body.toString().strip()));
    List<Dated> timeline = new ArrayList<>();
    StringBuilder undated = new StringBuilder();
    for (String line : parts.getOrDefault(Part.TIMELINE, "").split("\\R")) {
      Dated dated = dated(line);
      if (dated != null) {
        timeline.add(dated);
      } else if (!line.isBlank()) {
        undated.append(line).append('\n');
      }
    }
    if (!undated.isEmpty()) {
      further.append("### Timeline (lines without a UTC time)\n").append(undated);
    }
    return new IncidentNote(
        parts,
        actionItems(parts.getOrDefault(Part.ACTION_ITEMS, "")),
        timeline,
        further.toString().strip());
  }

  /** The text of a part, or "" when the note has no such section. */
  String part(Part part) {
    return parts.getOrDefault(part, "");
  }

  private static Part part(String title) {
    String t = title.toLowerCase(Locale.ROOT).replaceAll("[:.]+$", "").strip();
    return switch (t) {
      case "summary" -> Part.SUMMARY;
      case "detection" -> Part.DETECTION;
      case "trigger" -> Part.TRIGGER;
      case "root cause" -> Part.ROOT_CAUSE;
      case "resolution" -> Part.RESOLUTION;
      case "went well", "what went well" -> Part.WENT_WELL;
      case "went badly", "what went badly", "went wrong", "what went wrong" -> Part.WENT_BADLY;
      case "lucky", "got lucky", "where we got lucky" -> Part.LUCKY;
      case "action items" -> Part.ACTION_ITEMS;
      case "timeline" -> Part.TIMELINE;
      default -> null;
    };
  }

  private static Dated dated(String line) {
    Matcher m = DATED.matcher(line);
    if (!m.matches()) {
      return null;
    }
    try {
      return new Dated(Instant.parse(m.group(1)), m.group(2).strip());
    } catch (DateTimeParseException e) {
      return null; // kept as an undated line
    }
  }

  private static List<ActionItem> actionItems(String section) {
    List<String> texts = new ArrayList<>();
    List<String> boxes = new ArrayList<>();
    for (String line : section.split("\\R")) {
      Matcher bullet = BULLET.matcher(line);
      if (bullet.matches()) {
        texts.add(bullet.group(2).strip());
        boxes.add(bullet.group(1));
      } else if (!line.isBlank() && !texts.isEmpty()) {
        int last = texts.size() - 1;
        texts.set(last, texts.get(last) + " " + line.strip());
      }
    }
    List<ActionItem> items = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      items.add(item(texts.get(i), boxes.get(i)));
    }
    return List.copyOf(items);
  }

  private static ActionItem item(String text, String box) {
    String what = text;
    String owner = "";
    String ticket = "";
    Matcher tail = TAIL.matcher(text);
    if (tail.find()) {
      boolean known = false;
      for (String pair : tail.group(1).split(",")) {
        String[] kv = pair.split(":", 2);
        String key = kv[0].strip().toLowerCase(Locale.ROOT);
        if (kv.length == 2 && key.equals("owner")) {
          owner = kv[1].strip();
          known = true;
        } else if (kv.length == 2 && key.equals("ticket")) {
          ticket = kv[1].strip();
          known = true;
        }
      }
      if (known) {
        what = text.substring(0, tail.start()).strip();
      }
    }
    return new ActionItem(what, owner, ticket, box != null && box.equalsIgnoreCase("x"));
  }
}
