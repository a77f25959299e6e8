package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.FlowEvent;
import org.junit.jupiter.api.Test;

/** The pure parts of a comparison: event kinds and which document fields count as differences. */
class FlowComparerTest {

  private static FlowEvent event(String level, String message, List<String> ids) {
    return new FlowEvent(
        "h", null, "i", "d", level, message, null, null, null, null, false, false, ids, Map.of());
  }

  @Test
  void kindsMaskTheMessagesIdsHexTokensAndDigits() {
    EventKinds kinds = new EventKinds(List.of("ord-1", "ord-1-part"));
    assertThat(
            kinds.key(
                event("warn", "ERP call timed out after 10000 ms, retry 2/4 in 4s", List.of())))
        .isEqualTo("WARN ERP call timed out after # ms, retry #/# in #s");
    assertThat(kinds.key(event("INFO", "document 4500012345 for ord-1-part posted", List.of())))
        .isEqualTo("INFO document # for <id> posted");
    assertThat(kinds.key(event(null, "trace 4bf92f3577b34da6 done", List.of())))
        .isEqualTo("trace # done");
    assertThat(kinds.key(event("INFO", "re-keyed to ERP-77", List.of("ERP-77"))))
        .isEqualTo("INFO re-keyed to <id>");
    assertThat(kinds.key(event("INFO", null, List.of()))).isEqualTo("INFO (no message)");
  }

  @Test
  void fieldsFlattenNestedObjectsAndKeyedArrays() {
    Map<String, String> flat =
        DocumentFields.flatten(
            Map.of(
                "labels", Map.of("partition", 3),
                "tags", List.of(Map.of("key", "message.id", "value", "ord-1")),
                "list", List.of("a", "b")));
    assertThat(flat)
        .containsEntry("labels.partition", "3")
        .containsEntry("tags[key=message.id].value", "ord-1")
        .containsEntry("list", "[a, b]")
        .hasSize(3);
  }

  @Test
  void idsTimesDurationsOffsetsAndMappedFieldsAreNotDifferences() {
    Set<String> mapped = Set.of("labels.message_id");
    Set<String> ids = Set.of("4500012345");
    for (String field :
        List.of(
            "labels.message_id",
            "trace.id",
            "traceID",
            "parentSpanID",
            "transaction_id",
            "tags[key=message.id].value",
            "@timestamp",
            "startTimeMillis",
            "event.duration",
            "labels.offset")) {
      assertThat(DocumentFields.ignored(field, "x", mapped, ids)).as(field).isTrue();
    }
    assertThat(
            DocumentFields.ignored(
                "tags[key=erp.document_number].value", "4500012345", mapped, ids))
        .isTrue();
    for (String field : List.of("labels.partition", "error.message", "http.status_code", "valid")) {
      assertThat(DocumentFields.ignored(field, "x", mapped, ids)).as(field).isFalse();
    }
  }
}
