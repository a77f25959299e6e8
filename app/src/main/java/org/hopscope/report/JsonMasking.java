package org.hopscope.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Masks a JSON document field by field (see {@link Masking#maskJson(String)}). */
final class JsonMasking {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonMasking() {}

  static String mask(String json, Masking masking) {
    if (json == null) {
      return null;
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return masking.mask(json);
    }
    if (root == null) {
      return masking.mask(json);
    }
    JsonNode masked = maskTree(root, masking);
    try {
      return JSON.writeValueAsString(masked);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree just read", e);
    }
  }

  /** A masked copy of {@code root}. */
  static JsonNode maskTree(JsonNode root, Masking masking) {
    List<String[]> fields = new ArrayList<>();
    for (String field : masking.fields()) {
      fields.add(field.split("\\.", -1));
    }
    return walk(root.deepCopy(), new ArrayList<>(), fields, masking);
  }

  private static JsonNode walk(
      JsonNode node, List<String> keyPath, List<String[]> fields, Masking masking) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> it = object.fields();
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      it.forEachRemaining(entries::add);
      for (Map.Entry<String, JsonNode> entry : entries) {
        keyPath.add(entry.getKey());
        JsonNode value;
        if (masking.masksSecretFields()
            && BuiltInMasks.isSecretKey(entry.getKey())
            && !entry.getValue().isNull()) {
          value = TextNode.valueOf("***");
        } else if (isMaskedField(keyPath, fields)) {
          value = hidden(entry.getValue());
        } else {
          value = walk(entry.getValue(), keyPath, fields, masking);
        }
        object.set(entry.getKey(), value);
        keyPath.remove(keyPath.size() - 1);
      }
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, walk(array.get(i), keyPath, fields, masking));
      }
      return array;
    }
    if (node.isTextual()) {
      return TextNode.valueOf(masking.mask(node.textValue()));
    }
    return node;
  }

  private static boolean isMaskedField(List<String> keyPath, List<String[]> fields) {
    for (String[] field : fields) {
      if (field.length > keyPath.size()) {
        continue;
      }
      int offset = keyPath.size() - field.length;
      boolean same = true;
      for (int i = 0; i < field.length && same; i++) {
        same = field[i].equals(keyPath.get(offset + i));
      }
      if (same) {
        return true;
      }
    }
    return false;
  }

  /** A masked field's value: a string keeps its first character, anything else is "***". */
  private static JsonNode hidden(JsonNode value) {
    if (value.isTextual() && !value.textValue().isEmpty()) {
      return TextNode.valueOf(
          value
                  .textValue()
                  .codePoints()
                  .limit(1)
                  .collect(
                      StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
              + "***");
    }
    if (value.isNull()) {
      return value;
    }
    return TextNode.valueOf("***");
  }
}
