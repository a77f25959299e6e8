package org.hopscope.oncall;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.BlindSource;
import org.hopscope.model.Notice;

/**
 * The typed {@code notices} of the flow JSON contract (version 3): each notice as {@code {"kind":
 * "ClockSkew", "text": ..., <its fields>}}, so a saved flow gives its notices back as the same
 * records (the views tell clock skew, unreadable sources and limits apart by type). Written and
 * read through the records' components, so a new kind of notice needs nothing here; a kind this
 * version does not know is read back as {@link Notice.Recorded} with its text.
 */
final class FlowJsonNotices {

  private FlowJsonNotices() {}

  static void write(JsonGenerator g, List<Notice> notices) throws IOException {
    g.writeArrayFieldStart("notices");
    for (Notice n : notices) {
      g.writeStartObject();
      g.writeStringField("kind", n.getClass().getSimpleName());
      g.writeStringField("text", n.text());
      for (RecordComponent c : n.getClass().getRecordComponents()) {
        if (!c.getName().equals("text")) {
          g.writeFieldName(c.getName());
          writeValue(g, value(c, n));
        }
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static Object value(RecordComponent c, Notice n) {
    try {
      return c.getAccessor().invoke(n);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + n, e);
    }
  }

  private static void writeValue(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof BlindSource b) {
      g.writeStartObject();
      g.writeStringField("pattern", b.pattern());
      g.writeStringField("reason", b.reason().name());
      g.writeStringField("detail", b.detail());
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        writeValue(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(v.toString());
    }
  }

  /**
   * The notices of a flow document: {@code notices} (version 3) when present, else each of {@code
   * warnings} as {@link Notice.Recorded}.
   */
  static List<Notice> read(JsonNode root) {
    List<Notice> out = new ArrayList<>();
    if (root.has("notices") && root.get("notices").isArray()) {
      for (JsonNode n : root.get("notices")) {
        out.add(notice(n));
      }
    } else {
      for (JsonNode w : root.path("warnings")) {
        out.add(new Notice.Recorded(w.asText()));
      }
    }
    return out;
  }

  private static Notice notice(JsonNode n) {
    String kind = n.path("kind").asText("");
    for (Class<?> type : Notice.class.getPermittedSubclasses()) {
      if (type.getSimpleName().equals(kind) && type.isRecord()) {
        try {
          RecordComponent[] components = type.getRecordComponents();
          Class<?>[] types = new Class<?>[components.length];
          Object[] args = new Object[components.length];
          for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = read(n.get(components[i].getName()), types[i]);
          }
          return (Notice) type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
          break; // a field of another shape: keep the words
        }
      }
    }
    return new Notice.Recorded(n.path("text").asText(""));
  }

  private static Object read(JsonNode v, Class<?> type) {
    if (type == int.class) {
      return number(v).intValue();
    } else if (type == long.class) {
      return number(v).longValue();
    } else if (type == boolean.class) {
      if (v == null || !v.isBoolean()) {
        throw new IllegalArgumentException("not a boolean");
      }
      return v.booleanValue();
    } else if (v == null || v.isNull()) {
      return null;
    } else if (type == String.class) {
      return v.asText();
    } else if (type == BlindSource.class) {
      return new BlindSource(
          v.path("pattern").asText(null),
          BlindSource.Reason.valueOf(v.path("reason").asText()),
          v.path("detail").isNull() ? null : v.path("detail").asText(null));
    } else if (type == List.class) {
      List<String> items = new ArrayList<>();
      v.forEach(i -> items.add(i.asText()));
      return items;
    }
    throw new IllegalArgumentException("a notice field of type " + type + " is not readable");
  }

  private static Number number(JsonNode v) {
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException("not a number");
    }
    return v.numberValue();
  }
}
