package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slices of a point in time merge back into the one order Elasticsearch would have given. */
class SortValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static HitReader.FoundHit hit(String id, String sort) throws Exception {
    JsonNode values = JSON.readTree(sort);
    return new HitReader.FoundHit("i", id, values, Map.of());
  }

  @Test
  void mergesByTimeThenShardDocAndCutsAtTheLimit() throws Exception {
    List<HitReader.FoundHit> a =
        List.of(hit("a1", "[1000,5]"), hit("a2", "[1000,9]"), hit("a3", "[3000,1]"));
    List<HitReader.FoundHit> b =
        List.of(hit("b1", "[999,70]"), hit("b2", "[1000,7]"), hit("b3", "[9223372036854775807,2]"));
    assertThat(SortValues.merge(List.of(a, b), 10).stream().map(HitReader.FoundHit::id))
        .containsExactly("b1", "a1", "b2", "a2", "a3", "b3");
    assertThat(SortValues.merge(List.of(a, b), 3).stream().map(HitReader.FoundHit::id))
        .containsExactly("b1", "a1", "b2");
    assertThat(SortValues.merge(List.of(List.of(), a), 10)).containsExactlyElementsOf(a);
  }

  @Test
  void comparesNumbersByValueAndTextByCharacters() throws Exception {
    assertThat(SortValues.compare(JSON.readTree("[2.5]"), JSON.readTree("[10]"))).isNegative();
    assertThat(SortValues.compare(JSON.readTree("[18446744073709551616]"), JSON.readTree("[5]")))
        .isPositive();
    assertThat(SortValues.compare(JSON.readTree("[\"b\"]"), JSON.readTree("[\"a\"]"))).isPositive();
    assertThat(SortValues.compare(JSON.readTree("[1,2]"), JSON.readTree("[1,2]"))).isZero();
  }

  @Test
  void mergesOpenSearchTiesByIndexThenIdInUtf8ByteOrder() throws Exception {
    // OpenSearch's tiebreaker: _index, _id (strings), compared as the engine compares bytes
    List<HitReader.FoundHit> a =
        List.of(
            hit("x", "[1000,\"logs-1\",\"x\"]"),
            hit("\uD83D\uDE00", "[1000,\"logs-1\",\"\uD83D\uDE00\"]"));
    List<HitReader.FoundHit> b =
        List.of(hit("\uFF5E", "[1000,\"logs-1\",\"\uFF5E\"]"), hit("a", "[1000,\"logs-2\",\"a\"]"));
    assertThat(SortValues.merge(List.of(a, b), 10).stream().map(HitReader.FoundHit::id))
        .containsExactly("x", "\uFF5E", "\uD83D\uDE00", "a");
    // UTF-16 would put the surrogate pair (U+1F600) before U+FF5E
    assertThat("\uD83D\uDE00".compareTo("\uFF5E")).isNegative();
    assertThat(SortValues.codePoints("\uD83D\uDE00", "\uFF5E")).isPositive();
    assertThat(SortValues.codePoints("ab", "abc")).isNegative();
    assertThat(SortValues.codePoints("abc", "abc")).isZero();
  }
}
