package org.hopscope.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.hopscope.testing.SchemaContract;
import org.junit.jupiter.api.Test;

/** The JSON Schema documents exactly the front matter keys the reader accepts. */
class PlaybookSchemaTest {

  private final SchemaContract contract =
      new SchemaContract(Path.of("..", "playbooks", "playbook.schema.json"), "playbook");

  @Test
  void schemaIsDraft202012() {
    contract.assertDraft202012();
  }

  @Test
  void theSchemaHasExactlyTheReadersObjectsAndKeys() {
    contract.assertObjectsAreTheReaders(PlaybookFormat.frontMatterKeysByDefinition());
  }

  @Test
  void requiredKeysAndPatternsAreTheReaders() {
    JsonNode schema = contract.schema();
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
    contract.assertReferencesResolve();
  }
}
