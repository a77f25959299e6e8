package org.hopscope.source.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the indices behind one index pattern map their fields, as {@code _field_caps} answers: per
 * field name (dotted, e.g. {@code labels.message_id}) the types it has; several types when indices
 * disagree. Metadata fields ({@code _id}, {@code _index}, ...) are left out.
 *
 * @param indices the indices the pattern resolved to
 * @param fields types per field name, in the answer's order
 */
public record MappedFields(List<String> indices, Map<String, List<MappedType>> fields) {

  public MappedFields {
    indices = List.copyOf(indices);
    Map<String, List<MappedType>> copy = new LinkedHashMap<>();
    fields.forEach((name, types) -> copy.put(name, List.copyOf(types)));
    fields = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * One type of a field.
   *
   * @param type Elasticsearch's type name: {@code keyword}, {@code text}, {@code date}, {@code
   *     long}, {@code nested}, {@code object}, ...
   * @param searchable whether queries can use it
   * @param aggregatable whether aggregations (and key scans) can use it
   * @param indices the indices that map it so; empty when all of the pattern's indices do
   */
  public record MappedType(
      String type, boolean searchable, boolean aggregatable, List<String> indices) {
    public MappedType {
      indices = List.copyOf(indices);
    }
  }

  /** The types of {@code field}; empty when no index of the pattern maps it. */
  public List<MappedType> of(String field) {
    return fields.getOrDefault(field, List.of());
  }

  /** All mapped field names. */
  public Set<String> names() {
    return fields.keySet();
  }

  /** Reads a {@code _field_caps} answer. */
  static MappedFields parse(JsonNode answer) {
    List<String> indices = new ArrayList<>();
    answer.path("indices").forEach(i -> indices.add(i.asText()));
    Map<String, List<MappedType>> fields = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = answer.path("fields").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      List<MappedType> types = new ArrayList<>();
      boolean metadata = false;
      for (Iterator<Map.Entry<String, JsonNode>> t = field.getValue().fields(); t.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = t.next();
        JsonNode caps = entry.getValue();
        metadata |= caps.path("metadata_field").asBoolean(false);
        List<String> in = new ArrayList<>();
        caps.path("indices").forEach(i -> in.add(i.asText()));
        types.add(
            new MappedType(
                caps.path("type").asText(entry.getKey()),
                caps.path("searchable").asBoolean(false),
                caps.path("aggregatable").asBoolean(false),
                in));
      }
      if (!metadata && !field.getKey().startsWith("_")) {
        fields.put(field.getKey(), types);
      }
    }
    return new MappedFields(indices, fields);
  }
}
