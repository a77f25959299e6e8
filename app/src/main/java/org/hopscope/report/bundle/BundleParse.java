package org.hopscope.report.bundle;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.hopscope.model.bundle.BundleException;

/**
 * Reads one JSON entry of a bundle: malformed JSON is refused with the entry's name and line, a
 * missing or mistyped field with the entry, the item and the field.
 */
final class BundleParse {

  private final String file;
  private final String entry;

  BundleParse(String file, String entry) {
    this.file = file;
    this.entry = entry;
  }

  /** The entry's JSON text as a tree. */
  JsonNode tree(String text) {
    try {
      JsonNode root = BundleJson.JSON.readTree(text);
      if (root == null || root.isMissingNode()) {
        throw fail("is empty; expected JSON");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new BundleException(
          file + ": entry " + entry + " is not valid JSON" + where + ": " + e.getOriginalMessage(),
          e);
    }
  }

  /** The array that is the entry's root. */
  JsonNode array(JsonNode root) {
    if (!root.isArray()) {
      throw fail("should be a JSON array, is " + kind(root));
    }
    return root;
  }

  /** The object that is the entry's root, or item {@code index} of its array. */
  JsonNode object(JsonNode node, int index) {
    if (!node.isObject()) {
      throw fail(item(index) + "should be a JSON object, is " + kind(node));
    }
    return node;
  }

  String text(JsonNode o, int index, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual()) {
      throw fail(item(index) + "needs text '" + field + "', has " + kind(v));
    }
    return v.textValue();
  }

  /** A text field that may be null or absent. */
  String optionalText(JsonNode o, int index, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : text(o, index, field);
  }

  long number(JsonNode o, int index, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
      throw fail(item(index) + "needs a whole number '" + field + "', has " + kind(v));
    }
    return v.longValue();
  }

  boolean bool(JsonNode o, int index, String field) {
    JsonNode v = o.get(field);
    if (v == null || !v.isBoolean()) {
      throw fail(item(index) + "needs true or false '" + field + "', has " + kind(v));
    }
    return v.booleanValue();
  }

  Instant instant(JsonNode o, int index, String field) {
    String t = text(o, index, field);
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      throw fail(item(index) + "'" + field + "' is not an ISO-8601 instant: " + t);
    }
  }

  Instant optionalInstant(JsonNode o, int index, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : instant(o, index, field);
  }

  <E extends Enum<E>> E constant(JsonNode o, int index, String field, Class<E> type) {
    String t = text(o, index, field);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(t)) {
        return e;
      }
    }
    throw fail(
        item(index)
            + "'"
            + field
            + "' is '"
            + t
            + "', not one of "
            + Arrays.toString(type.getEnumConstants()));
  }

  BundleException fail(String what) {
    return new BundleException(file + ": entry " + entry + " " + what);
  }

  private static String item(int index) {
    return index < 0 ? "" : "item " + (index + 1) + " ";
  }

  private static String kind(JsonNode v) {
    return v == null ? "none" : v.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
