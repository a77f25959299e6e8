package org.hopscope.config;

import java.nio.file.Path;
import org.hopscope.testing.SchemaContract;
import org.junit.jupiter.api.Test;

/** The JSON Schema documents exactly the keys the loader accepts, so the two cannot drift. */
class PathDefinitionSchemaTest {

  private final SchemaContract schema =
      new SchemaContract(Path.of("..", "queries", "path-definition.schema.json"), "pathDefinition");

  @Test
  void schemaIsDraft202012() {
    schema.assertDraft202012();
  }

  @Test
  void theSchemaHasExactlyTheLoadersObjectsAndKeys() {
    schema.assertObjectsAreTheReaders(PathDefinitionFormat.keysByDefinition());
  }

  @Test
  void everyReferenceResolves() {
    schema.assertReferencesResolve();
  }
}
