package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A bucket's min/max read without {@link Double#parseDouble}: a decimal that is a whole number
 * below 2^53 gives exactly the double {@code parseDouble} gives; any other text is left to it (-1).
 */
class KeyBucketNumbersTest {

  private static long whole(String text) {
    char[] padded = ("xx" + text + "yy").toCharArray(); // the parser's buffer holds more
    return ScanInstant.wholeNumber(padded, 2, text.length());
  }

  private static void agrees(String text) {
    double expected = Double.parseDouble(text);
    long whole = whole(text);
    if (whole >= 0) {
      assertThat((double) whole).as(text).isEqualTo(expected);
      assertThat(expected).as(text).isEqualTo(Math.rint(expected)).isLessThan(0x1p53);
    } else {
      boolean wholeBelow = expected == Math.rint(expected) && expected >= 0 && expected < 0x1p53;
      // left to parseDouble: fine unless it is the common form it should have read
      if (wholeBelow && text.matches("[0-9]+(\\.[0-9]+)?(E[0-9]{1,2})?")) {
        assertThat(text).as("read the slow way").matches(".*[0-9]{17,}.*");
      }
    }
  }

  @Test
  void epochFiguresAsElasticsearchWritesThemAreReadExactly() {
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < 300_000; i++) {
      long millis = random.nextLong(4_102_444_800_000L); // up to 2100
      agrees(Double.toString(millis));
      agrees(Double.toString(millis * 1_000L + random.nextInt(1_000))); // microseconds
      agrees(Double.toString(random.nextDouble() * 1e15)); // fractions
    }
    assertThat(whole("1.765029209697E12")).isEqualTo(1_765_029_209_697L);
    assertThat(whole("1.765029209697123E15")).isEqualTo(1_765_029_209_697_123L);
    assertThat(whole("1772700000123")).isEqualTo(1_772_700_000_123L);
    assertThat(whole("0.0")).isZero();
  }

  @Test
  void otherFormsAreLeftToParseDouble() {
    for (String text :
        new String[] {
          "-1.0",
          "1.5",
          "1.0E-3",
          "9.007199254740992E15",
          "1.0E300",
          "1e1000",
          "1.0E",
          "1.0E+",
          ".",
          "",
          "NaN",
          "1.0x",
          "1..0",
          "12345678901234567890"
        }) {
      assertThat(whole(text)).as(text).isEqualTo(-1);
    }
    assertThat(whole("9.007199254740991E15")).isEqualTo(9_007_199_254_740_991L);
    assertThat(whole("1.0E+3")).isEqualTo(1_000L);
    assertThat(whole("1e3")).isEqualTo(1_000L);
  }

  @Test
  void everyFigureHasItsBitInTheOrderOfTheList() {
    for (int i = 0; i < KeyBucketParser.FIGURES.size(); i++) {
      assertThat(KeyBucketParser.bit(KeyBucketParser.FIGURES.get(i))).isEqualTo(i);
    }
    assertThat(KeyBucketParser.bit("doc_count")).isEqualTo(-1);
    assertThat(KeyBucketParser.bit("First")).isEqualTo(-1);
  }
}
