package org.hopscope.config;

import static org.hopscope.config.PathDefinitionFormat.CONDITION;
import static org.hopscope.config.PathDefinitionFormat.CONDITION_OPS;
import static org.hopscope.config.PathDefinitionFormat.FIELDS;
import static org.hopscope.config.PathDefinitionFormat.SOURCE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.hopscope.model.Condition;
import org.hopscope.model.DurationUnit;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimestampFormat;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads one event source of a hop: index, kind, field map and conditions. */
final class EventSourceReader {

  private static final String FIELD_PATH =
      "a field path such as labels.message_id or tags[key=message.id].value";
  private static final String CONDITIONS =
      "a list of conditions such as {field: log.level, in: [ERROR]}";

  private final Problems problems;

  EventSourceReader(Problems problems) {
    this.problems = problems;
  }

  /** The source, or null when anything in it was wrong (reported). */
  EventSourceDef read(Node node, String what) {
    int before = problems.count();
    YamlMap source = YamlMap.of(node, what, SOURCE, problems);
    if (source == null) {
      return null;
    }
    String index = source.requireString("index", "an index pattern such as logs-fulfilment-*");
    if (index != null && (index.isBlank() || index.chars().anyMatch(Character::isWhitespace))) {
      problems.at(
          source.get("index"),
          "'index': expected an index pattern without spaces, such as logs-fulfilment-*");
    }
    EventSourceDef.Kind kind = kind(source);
    List<List<Condition>> conditions =
        List.of(
            conditions(source, "failure"),
            conditions(source, "deadLetter"),
            conditions(source, "attemptStart"));
    Node fieldsNode = source.require("fields", "a mapping with at least timestamp and messageId");
    FieldMap fields = fieldsNode == null ? null : fields(fieldsNode, what, conditions);
    return problems.count() == before ? new EventSourceDef(index, kind, fields) : null;
  }

  private EventSourceDef.Kind kind(YamlMap source) {
    String kind = source.requireString("kind", "log or span");
    if (kind == null) {
      return null;
    }
    return switch (kind) {
      case "log" -> EventSourceDef.Kind.LOG;
      case "span" -> EventSourceDef.Kind.SPAN;
      default -> {
        problems.at(source.get("kind"), "'kind': expected log or span, got " + Snippet.quote(kind));
        yield null;
      }
    };
  }

  /** The field map; {@code c} are the failure, deadLetter and attemptStart conditions. */
  private FieldMap fields(Node node, String what, List<List<Condition>> c) {
    YamlMap f = YamlMap.of(node, "fields of " + what, FIELDS, problems);
    if (f == null) {
      return null;
    }
    f.require("timestamp", "the event time field, e.g. timestamp: \"@timestamp\"");
    FieldPath timestamp = path(f, "timestamp");
    List<FieldPath> ids = messageIds(f);
    TimestampFormat format = timestampFormat(f);
    String firstOf = "a field path or a list of them (the first the document has counts)";
    List<FieldPath> name = paths(f, "name", firstOf);
    List<FieldPath> duration = paths(f, "duration", firstOf);
    DurationUnit unit = durationUnit(f);
    FieldPath outcome = path(f, "outcome");
    FieldPath[] o =
        Stream.of("traceId", "spanId", "level", "message", "service", "attempt")
            .map(key -> path(f, key))
            .toArray(FieldPath[]::new);
    if (timestamp == null || ids.isEmpty()) {
      return null;
    }
    return new FieldMap(
        timestamp, format, ids, o[0], o[1], o[2], o[3], o[4], o[5], c.get(0), c.get(1), c.get(2),
        name, duration, unit, outcome);
  }

  /** The optional field path or list of them under {@code key} (empty when absent or wrong). */
  private List<FieldPath> paths(YamlMap f, String key, String expected) {
    Node value = f.get(key);
    if (value == null) {
      return List.of();
    }
    List<Node> items = value instanceof SequenceNode s ? s.getValue() : List.of(value);
    return items.stream().map(item -> path(item, key, expected)).filter(Objects::nonNull).toList();
  }

  private DurationUnit durationUnit(YamlMap f) {
    String expected = "seconds, millis, micros or nanos";
    String text = f.string("durationUnit", expected);
    if (text == null) {
      return DurationUnit.MILLIS;
    }
    Optional<DurationUnit> unit =
        Stream.of(DurationUnit.values()).filter(u -> u.word().equals(text)).findFirst();
    if (unit.isPresent()) {
      return unit.get();
    }
    problems.at(
        f.get("durationUnit"),
        "'durationUnit': expected " + expected + ", got " + Snippet.quote(text));
    return DurationUnit.MILLIS;
  }

  private TimestampFormat timestampFormat(YamlMap f) {
    String expected = "iso, epoch_millis, epoch_micros or epoch_nanos";
    String text = f.string("timestampFormat", expected);
    if (text == null) {
      return TimestampFormat.ISO;
    }
    Optional<TimestampFormat> format =
        Stream.of(TimestampFormat.values())
            .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(text))
            .findFirst();
    if (format.isPresent()) {
      return format.get();
    }
    problems.at(
        f.get("timestampFormat"),
        "'timestampFormat': expected " + expected + ", got " + Snippet.quote(text));
    return TimestampFormat.ISO;
  }

  private List<FieldPath> messageIds(YamlMap f) {
    String expected = "a field path or a list of them, e.g. [labels.message_id]";
    Node value = f.get("messageId");
    if (value == null) {
      f.missing(
          "messageId", "the field(s) carrying the message ID, e.g. messageId: [labels.message_id]");
      return List.of();
    }
    List<Node> items = value instanceof SequenceNode s ? s.getValue() : List.of(value);
    if (items.isEmpty()) {
      problems.at(value, "'messageId': expected at least one field path, got an empty list");
    }
    List<FieldPath> out =
        items.stream()
            .map(item -> path(item, "messageId", expected))
            .filter(Objects::nonNull)
            .toList();
    return out.size() == items.size() ? out : List.of();
  }

  private FieldPath path(YamlMap f, String key) {
    Node value = f.get(key);
    return value == null ? null : path(value, key, FIELD_PATH);
  }

  /** The field path in {@code value}, or null (reported). */
  FieldPath path(Node value, String key, String expected) {
    String text = YamlMap.scalar(value, "'" + key + "'", expected, problems);
    if (text == null) {
      return null;
    }
    try {
      return FieldPath.parse(text);
    } catch (IllegalArgumentException e) {
      problems.at(value, "'" + key + "': " + e.getMessage());
      return null;
    }
  }

  private List<Condition> conditions(YamlMap source, String key) {
    return source.list(key, CONDITIONS).stream()
        .map(item -> condition(item, key))
        .filter(Objects::nonNull)
        .toList();
  }

  private Condition condition(Node node, String key) {
    YamlMap c = YamlMap.of(node, "condition in '" + key + "'", CONDITION, problems);
    if (c == null) {
      return null;
    }
    FieldPath field = path(c, "field");
    c.require("field", FIELD_PATH);
    List<String> ops = CONDITION_OPS.stream().filter(c::has).toList();
    if (ops.size() != 1) {
      problems.at(
          node,
          "condition in '"
              + key
              + "': expected exactly one of in, atLeast, exists, got "
              + (ops.isEmpty() ? "none" : String.join(", ", ops)));
      return null;
    }
    Condition.Op op = null;
    List<String> values = new ArrayList<>();
    switch (ops.get(0)) {
      case "in" -> {
        op = Condition.Op.IN;
        Node list = c.get("in");
        c.list("in", "a list of values such as [ERROR, FATAL]").stream()
            .map(v -> YamlMap.scalar(v, "'in'", "a value", problems))
            .filter(Objects::nonNull)
            .forEach(values::add);
        if (list instanceof SequenceNode s && s.getValue().isEmpty()) {
          problems.at(list, "'in': expected at least one value, got an empty list");
        }
      }
      case "atLeast" -> {
        op = Condition.Op.AT_LEAST;
        String text = c.string("atLeast", "a number such as 500");
        if (text != null && !isNumber(text)) {
          problems.at(
              c.get("atLeast"),
              "'atLeast': expected a number such as 500, got " + Snippet.quote(text));
        }
        values.add(text);
      }
      default -> {
        op = Condition.Op.EXISTS;
        Boolean exists = c.bool("exists");
        if (Boolean.FALSE.equals(exists)) {
          problems.at(
              c.get("exists"),
              "'exists': only 'exists: true' is supported (a missing field cannot be pushed down)");
        }
      }
    }
    boolean terminal = Boolean.TRUE.equals(c.bool("terminal"));
    if (c.has("terminal") && !key.equals("failure")) {
      problems.at(
          c.get("terminal"),
          "'terminal': only a failure condition can be terminal (a failure that ends the message"
              + " whatever follows); remove it from '"
              + key
              + "'");
    }
    return field == null || values.contains(null)
        ? null
        : new Condition(field, op, values, terminal);
  }

  private static boolean isNumber(String text) {
    try {
      new BigDecimal(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
