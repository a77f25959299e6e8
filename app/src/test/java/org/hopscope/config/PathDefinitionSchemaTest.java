package org.hopscope.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON Schema documents exactly the keys the loader accepts, so the two cannot drift. */
class PathDefinitionSchemaTest {

  private static final Path SCHEMA = Path.of("..", "queries", "path-definition.schema.json");

  private final JsonNode schema = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(SCHEMA.toFile());
    } catch (java.io.IOException e) {
      throw new AssertionError("schema is not valid JSON: " + e.getMessage(), e);
    }
  }

  @Test
  void schemaIsDraft202012() {
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void everyObjectOfTheSchemaHasExactlyTheLoadersKeys() {
    Map<String, List<String>> loader = PathDefinitionFormat.keysByDefinition();
    for (Map.Entry<String, List<String>> e : loader.entrySet()) {
      JsonNode def =
          e.getKey().equals("pathDefinition") ? schema : schema.path("$defs").path(e.getKey());
      assertThat(def.path("additionalProperties").asBoolean(true))
          .as("%s forbids unknown keys", e.getKey())
          .isFalse();
      List<String> keys = new ArrayList<>();
      def.path("properties").fieldNames().forEachRemaining(keys::add);
      assertThat(keys).as("keys of %s", e.getKey()).containsExactlyElementsOf(e.getValue());
    }
  }

  @Test
  void everyObjectDefinitionOfTheSchemaIsKnownToTheLoader() {
    List<String> objects = new ArrayList<>();
    schema
        .path("$defs")
        .fields()
        .forEachRemaining(
            d -> {
              if (d.getValue().has("properties")) {
                objects.add(d.getKey());
              }
            });
    assertThat(objects)
        .containsExactlyInAnyOrderElementsOf(
            PathDefinitionFormat.keysByDefinition().keySet().stream()
                .filter(k -> !k.equals("pathDefinition"))
                .toList());
  }

  @Test
  void everyReferenceResolves() {
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
