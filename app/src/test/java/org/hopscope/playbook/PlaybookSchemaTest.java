package org.hopscope.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON Schema documents exactly the front matter keys the reader accepts. */
class PlaybookSchemaTest {

  private static final Path SCHEMA = Path.of("..", "playbooks", "playbook.schema.json");

  private final JsonNode schema = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(SCHEMA.toFile());
    } catch (IOException e) {
      throw new AssertionError("schema is not valid JSON: " + e.getMessage(), e);
    }
  }

  @Test
  void schemaIsDraft202012() {
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void everyObjectOfTheSchemaHasExactlyTheReadersKeys() {
    for (Map.Entry<String, List<String>> e :
        PlaybookFormat.frontMatterKeysByDefinition().entrySet()) {
      JsonNode def = e.getKey().equals("playbook") ? schema : schema.path("$defs").path(e.getKey());
      assertThat(def.path("additionalProperties").asBoolean(true))
          .as("%s forbids unknown keys", e.getKey())
          .isFalse();
      List<String> keys = new ArrayList<>();
      def.path("properties").fieldNames().forEachRemaining(keys::add);
      assertThat(keys).as("keys of %s", e.getKey()).containsExactlyElementsOf(e.getValue());
    }
  }

  @Test
  void everyObjectDefinitionIsKnownToTheReader() {
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
        .containsExactlyInAnyOrderElementsOf(
            PlaybookFormat.frontMatterKeysByDefinition().keySet().stream()
                .filter(k -> !k.equals("playbook"))
                .toList());
  }

  @Test
  void requiredKeysAndPatternsAreTheReaders() {
    assertThat(schema.path("required").toString()).isEqualTo("[\"id\",\"title\"]");
    assertThat(schema.path("$defs").path("id").path("pattern").asText())
        .isEqualTo("^" + PlaybookFormat.ID.pattern() + "$");
    assertThat(
            schema
                .path("properties")
                .path("variables")
                .path("propertyNames")
                .path("pattern")
                .asText())
        .isEqualTo("^" + PlaybookFormat.VARIABLE_NAME.pattern() + "$");
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
