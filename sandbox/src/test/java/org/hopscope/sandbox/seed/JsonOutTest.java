package org.hopscope.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonOutTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void escapesEveryHostileStringSoItRoundTripsExactly() throws Exception {
    String nasty = "q\"b\\s*?\u0000\u0001\n\t\u001f ünï 注文 ✓ 😀 \u007f";
    StringBuilder sb = new StringBuilder();
    JsonOut out = new JsonOut(sb);
    out.startDocument().str("id", nasty).str(nasty, "key");
    out.endDocument();
    JsonNode doc = JSON.readTree(sb.toString());
    assertThat(doc.get("id").asText()).isEqualTo(nasty);
    assertThat(doc.get(nasty).asText()).isEqualTo("key");
    assertThat(sb.toString()).contains("\\u0000", "\\u000a", "\\\"", "\\u6ce8", "\\ud83d\\ude00");
    assertThat(sb.chars()).allMatch(ch -> ch >= 0x20 && ch < 0x7f);
  }

  @Test
  void nestsObjectsAndArraysWithCommasInPlace() throws Exception {
    StringBuilder sb = new StringBuilder();
    JsonOut out = new JsonOut(sb);
    out.startDocument().num("n", -5).bool("b", true);
    out.object("o").str("a", "1").array("list");
    out.object(null).num("x", 1).end().object(null).num("x", 2).end();
    out.end().end().array("empty").end();
    out.endDocument();
    assertThat(sb.toString())
        .isEqualTo(
            "{\"n\":-5,\"b\":true,\"o\":{\"a\":\"1\",\"list\":[{\"x\":1},{\"x\":2}]},\"empty\":[]}");
  }

  @Test
  void writesTimesLikeInstantToStringWithMillis() throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    StringBuilder sb = new StringBuilder();
    JsonOut out = new JsonOut(sb);
    for (int i = 0; i < 10_000; i++) {
      long millis = random.nextLong(-10_000_000_000L, 4_000_000_000_000L);
      sb.setLength(0);
      out.appendIso(millis);
      String expected = Instant.ofEpochMilli(millis).toString();
      assertThat(Instant.parse(sb.toString())).as(expected).isEqualTo(Instant.ofEpochMilli(millis));
      assertThat(sb.toString()).hasSize(24);
    }
  }
}
