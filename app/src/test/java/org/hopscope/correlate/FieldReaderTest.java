package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.Condition;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimestampFormat;
import org.junit.jupiter.api.Test;

/** The prepared readers answer exactly as the model's {@link FieldPath} and {@link Condition}. */
class FieldReaderTest {

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static final List<Map<String, Object>> DOCUMENTS =
      List.of(
          map("labels", map("message_id", "ord-1", "attempt", "2")),
          map("labels.message_id", "ord-2", "labels", map("message_id", "ord-3")),
          map("labels", List.of(map("message_id", "a"), map("message_id", List.of("b", "c")))),
          map("labels", map("message_id", null), "x", 1),
          map(
              "tags",
              List.of(
                  map("key", "message.id", "value", "m-1"),
                  map("key", "other", "value", "o"),
                  map("key", List.of("message.id", "z"), "value", List.of("m-2", "m-3")))),
          map("attributes", map("messaging.message.id", "otel-1", "messaging", map("x", 1))),
          map("http", map("response", map("status_code", 503)), "status", "401"),
          map("event", map("action", List.of("consumed", "erp-call-retry"))),
          map("a", "not an object"),
          // the first value after elements that hold none (readFirst walks without a list)
          map("labels", List.of(map(), map("message_id", "late"))),
          map("labels", map("message_id", Arrays.asList(null, "after-null"))),
          new HashMap<>());

  private static final List<String> PATHS =
      List.of(
          "labels.message_id",
          "labels.attempt",
          "tags[key=message.id].value",
          "attributes.messaging.message.id",
          "http.response.status_code",
          "status",
          "event.action",
          "a.b",
          "x");

  @Test
  void readsTheSameValuesInTheSameOrderAsTheFieldPath() {
    int nonEmpty = 0;
    for (String text : PATHS) {
      FieldPath path = FieldPath.parse(text);
      FieldReader reader = FieldReader.of(path);
      for (Map<String, Object> doc : DOCUMENTS) {
        assertThat(reader.read(doc)).as(text + " in " + doc).isEqualTo(path.read(doc));
        assertThat(reader.readFirst(doc)).isEqualTo(path.readFirst(doc));
        nonEmpty += path.read(doc).isEmpty() ? 0 : 1;
      }
    }
    assertThat(nonEmpty).isEqualTo(12);
    assertThat(FieldReader.of(FieldPath.parse("labels.message_id")).read(DOCUMENTS.get(1)))
        .containsExactly("ord-3", "ord-2");
    assertThat(FieldReader.of(FieldPath.parse("tags[key=message.id].value")).read(DOCUMENTS.get(4)))
        .containsExactly("m-1", "m-2", "m-3");
  }

  @Test
  void conditionsMatchAsTheModelsConditions() {
    List<Condition> conditions =
        List.of(
            new Condition(
                FieldPath.parse("http.response.status_code"),
                Condition.Op.AT_LEAST,
                List.of("500")),
            new Condition(FieldPath.parse("status"), Condition.Op.AT_LEAST, List.of("400")),
            new Condition(FieldPath.parse("status"), Condition.Op.AT_LEAST, List.of("no number")),
            new Condition(
                FieldPath.parse("event.action"), Condition.Op.IN, List.of("erp-call-retry")),
            new Condition(FieldPath.parse("labels.attempt"), Condition.Op.EXISTS, List.of()),
            new Condition(
                FieldPath.parse("tags[key=message.id].value"), Condition.Op.IN, List.of("m-3")));
    int matched = 0;
    for (Condition c : conditions) {
      FieldReader.Test test = new FieldReader.Test(c);
      for (Map<String, Object> doc : DOCUMENTS) {
        assertThat(test.matches(doc)).as(c + " on " + doc).isEqualTo(c.matches(doc));
        matched += c.matches(doc) ? 1 : 0;
      }
    }
    assertThat(matched).isEqualTo(5);
  }

  @Test
  void utcTimestampsParseAsTheIsoFormatAndOthersFallBack() {
    List<String> samples =
        new ArrayList<>(
            Arrays.asList(
                "2026-11-26T16:23:16.766Z",
                "2026-11-26T16:23:16Z",
                "2026-11-26T16:23:16.1Z",
                "2026-11-26T16:23:16.123456789Z",
                "2024-02-29T23:59:59.999Z",
                "1970-01-01T00:00:00.000Z",
                "2026-11-26T16:23:16.766+02:00",
                "2026-11-26t16:23:16.766z"));
    for (String s : samples) {
      assertThat(IsoInstants.parse(TimestampFormat.ISO, s))
          .as(s)
          .isEqualTo(TimestampFormat.ISO.parse(s));
    }
    assertThat(IsoInstants.utc("2026-11-26T16:23:16.766Z"))
        .isEqualTo(Instant.parse("2026-11-26T16:23:16.766Z"));
    for (String bad :
        List.of(
            "2026-02-30T00:00:00Z",
            "2026-11-26T24:00:00Z",
            "2026-11-26T16:23:60Z",
            "2026-11-26T16:23:16.Z",
            "2026-11-26T16:23:16.1234567890Z",
            "2026-1x-26T16:23:16Z")) {
      assertThat(IsoInstants.utc(bad)).as(bad).isNull();
      String expected = message(() -> TimestampFormat.ISO.parse(bad));
      assertThat(message(() -> IsoInstants.parse(TimestampFormat.ISO, bad))).isEqualTo(expected);
    }
    assertThat(IsoInstants.parse(TimestampFormat.EPOCH_MILLIS, 1_700_000_000_123L))
        .isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
  }

  private static String message(Runnable r) {
    try {
      r.run();
      return "no error";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
