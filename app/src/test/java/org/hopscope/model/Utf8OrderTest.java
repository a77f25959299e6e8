package org.hopscope.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8OrderTest {

  @Test
  void ordersAboveTheBmpAfterHighBmpCharactersLikeUtf8Bytes() {
    String fullwidth = "ord-\uFF01";
    String emoji = "ord-\uD83D\uDE00";
    assertThat(fullwidth.compareTo(emoji)).isPositive(); // UTF-16 order disagrees
    assertThat(Utf8Order.INSTANCE.compare(fullwidth, emoji)).isNegative();
  }

  @Test
  void agreesWithUnsignedByteOrderOnMixedKeys() {
    List<String> keys =
        new ArrayList<>(
            List.of(
                "ord-b",
                "ord-a",
                "ord",
                "ord-\u00fc",
                "ord-\uFF01",
                "ord-\uD83D\uDE00",
                "ORD",
                "ord a",
                "ord-\"q\"",
                "ord\\b"));
    List<String> byBytes = new ArrayList<>(keys);
    byBytes.sort(
        (a, b) ->
            Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    keys.sort(Utf8Order.INSTANCE);
    assertThat(keys).isEqualTo(byBytes);
    assertThat(keys.get(0)).isEqualTo("ORD");
    assertThat(keys.subList(keys.size() - 2, keys.size()))
        .containsExactly("ord-\uD83D\uDE00", "ord\\b");
  }

  @Test
  void agreesWithUnsignedByteOrderOnRandomKeys() {
    String[] pieces = {
      "a",
      "b",
      "0",
      "-",
      "\u00fc",
      "\u07ff",
      "\u0800",
      "\uD7FF",
      "\uE000",
      "\uFF01",
      "\uFFFF",
      "\uD800\uDC00",
      "\uD83D\uDE00",
      "\uDBFF\uDFFF"
    };
    java.util.SplittableRandom random = new java.util.SplittableRandom(17);
    for (int i = 0; i < 200_000; i++) {
      String a = key(pieces, random);
      String b = random.nextInt(4) == 0 ? a + key(pieces, random) : key(pieces, random);
      int bytes =
          Arrays.compareUnsigned(
              a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
      assertThat(Integer.signum(Utf8Order.INSTANCE.compare(a, b)))
          .as(a + " vs " + b)
          .isEqualTo(Integer.signum(bytes));
    }
  }

  private static String key(String[] pieces, java.util.SplittableRandom random) {
    StringBuilder key = new StringBuilder();
    for (int c = random.nextInt(5); c > 0; c--) {
      key.append(pieces[random.nextInt(pieces.length)]);
    }
    return key.toString();
  }
}
