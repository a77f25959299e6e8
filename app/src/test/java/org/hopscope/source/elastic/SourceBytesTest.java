package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hopscope.model.FieldPath;
import org.hopscope.source.FieldSelection;
import org.junit.jupiter.api.Test;

/** A stored document parsed only as far as a field map's paths reach ({@link FieldSelection}). */
class SourceBytesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DOC =
      """
      {"@timestamp":"2026-12-06T13:16:49.713Z",
       "log":{"level":"INFO","logger":"com.acme.Consumer"},
       "log.level":"WARN",
       "labels":{"message_id":"ord-1","offset":"17","attempt":2},
       "trace":[{"id":"t-1","flags":1},{"id":"t-2"}],
       "tags":[{"key":"message.id","value":"ord-2","type":"string"},
               {"key":"other","value":"x"}],
       "payload":{"lines":[1,2,3],"note":"big"},
       "duration":1.5,
       "none":null}
      """;

  private static SourceBytes doc() {
    return new SourceBytes(
        DOC.getBytes(StandardCharsets.UTF_8),
        JSON.readerFor(Map.class),
        JSON.readerFor(Object.class));
  }

  private static List<FieldPath> paths(String... texts) {
    return java.util.Arrays.stream(texts).map(FieldPath::parse).toList();
  }

  @Test
  void keepsOnlyWhatThePathsReachInBothSpellings() {
    FieldSelection sel = FieldSelection.of(paths("log.level", "labels.message_id", "trace.id"));

    Map<String, Object> pruned = doc().parse(sel);

    assertThat(pruned)
        .isEqualTo(
            Map.of(
                "log", Map.of("level", "INFO"),
                "log.level", "WARN",
                "labels", Map.of("message_id", "ord-1"),
                "trace", List.of(Map.of("id", "t-1"), Map.of("id", "t-2"))));
  }

  @Test
  void keyedArrayElementsKeepTheirSelectorAndValue() {
    FieldSelection sel = FieldSelection.of(paths("tags[key=message.id].value"));

    assertThat(doc().parse(sel))
        .isEqualTo(
            Map.of(
                "tags",
                List.of(
                    Map.of("key", "message.id", "value", "ord-2"),
                    Map.of("key", "other", "value", "x"))));
  }

  @Test
  void aPathEndingAtAnObjectKeepsItWholeWithTheSameValueTypes() {
    FieldSelection sel = FieldSelection.of(paths("payload", "duration", "labels.attempt", "none"));

    Map<String, Object> pruned = doc().parse(sel);
    Map<String, Object> full = doc().parse();

    assertThat(pruned.get("payload")).isEqualTo(full.get("payload"));
    assertThat(pruned.get("duration")).isInstanceOf(Double.class).isEqualTo(1.5);
    assertThat(((Map<?, ?>) pruned.get("labels")).get("attempt")).isInstanceOf(Integer.class);
    assertThat(pruned).containsEntry("none", null).doesNotContainKey("log");
  }

  @Test
  void everyPathReadsTheSameValuesAsFromTheWholeDocument() {
    List<FieldPath> all =
        paths(
            "@timestamp",
            "log.level",
            "log.logger",
            "labels.message_id",
            "labels.attempt",
            "trace.id",
            "trace.flags",
            "tags[key=message.id].value",
            "tags[key=other].type",
            "payload.lines",
            "duration",
            "missing.field");
    Map<String, Object> full = doc().parse();
    for (FieldPath p : all) {
      Map<String, Object> pruned = doc().parse(FieldSelection.of(List.of(p)));
      assertThat(p.read(pruned)).as(p.text()).isEqualTo(p.read(full));
    }
    Map<String, Object> together = doc().parse(FieldSelection.of(all));
    for (FieldPath p : all) {
      assertThat(p.read(together)).as(p.text()).isEqualTo(p.read(full));
    }
  }

  @Test
  void aPathReachingNothingKeepsNothing() {
    assertThat(doc().parse(FieldSelection.of(paths("missing.field")))).isEmpty();
    assertThat(doc().parse(FieldSelection.of(List.of()))).isEmpty();
  }
}
