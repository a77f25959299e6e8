package org.hopscope.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks that keep a shipped JSON Schema and the reader of its format from drifting: the same
 * objects, exactly the reader's keys, unknown keys forbidden, every reference resolving.
 */
public final class SchemaContract {

  private final JsonNode schema;
  private final String rootName;

  /**
   * @param file the schema file
   * @param rootName the name the reader's key map uses for the schema's top-level object
   */
  public SchemaContract(Path file, String rootName) {
    try {
      this.schema = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
    }
    this.rootName = rootName;
  }

  /** The parsed schema. */
  public JsonNode schema() {
    return schema;
  }

  /** The schema declares JSON Schema draft 2020-12. */
  public void assertDraft202012() {
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  /**
   * Every object the reader knows is in the schema with exactly the reader's keys, in order, and
   * forbids others; and the schema defines no object the reader does not know.
   */
  public void assertObjectsAreTheReaders(Map<String, List<String>> keysByDefinition) {
    for (Map.Entry<String, List<String>> e : keysByDefinition.entrySet()) {
      JsonNode def = e.getKey().equals(rootName) ? schema : schema.path("$defs").path(e.getKey());
      assertThat(def.path("additionalProperties").asBoolean(true))
          .as("%s forbids unknown keys", e.getKey())
          .isFalse();
      List<String> keys = new ArrayList<>();
      def.path("properties").fieldNames().forEachRemaining(keys::add);
      assertThat(keys).as("keys of %s", e.getKey()).containsExactlyElementsOf(e.getValue());
    }
    List<String> objects = new ArrayList<>();
    schema
        .path("$defs")
        .properties()
        .forEach(
            d -> {
              if (d.getValue().has("properties")) {
                objects.add(d.getKey());
              }
            });
    assertThat(objects)
        .as("object definitions of the schema")
        .containsExactlyInAnyOrderElementsOf(
            keysByDefinition.keySet().stream().filter(k -> !k.equals(rootName)).toList());
  }

  /** Every {@code $ref} points at an existing {@code #/$defs/} entry. */
  public void assertReferencesResolve() {
    List<String> refs = new ArrayList<>();
    collectRefs(schema, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/$defs/");
      assertThat(schema.path("$defs").has(ref.substring("#/$defs/".length())))
          .as("%s resolves", ref)
          .isTrue();
    }
  }

  private static void collectRefs(JsonNode node, List<String> out) {
    if (node.has("$ref")) {
      out.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, out));
  }
}
