package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;
import org.hopscope.model.TimestampFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A composite bucket's min/max time: the long-arithmetic way gives exactly the instant of the
 * decimal way ({@link TimestampFormat#parse} of the value's text) it replaces for whole values.
 */
class ScanInstantTest {

  private static Instant decimal(double value, TimestampFormat unit) {
    return unit.parse(BigDecimal.valueOf(value).toPlainString());
  }

  @ParameterizedTest
  @EnumSource(
      value = TimestampFormat.class,
      names = {"EPOCH_MILLIS", "EPOCH_MICROS", "EPOCH_NANOS"})
  void wholeValuesGiveTheDecimalWaysInstant(TimestampFormat unit) {
    SplittableRandom random = new SplittableRandom(16);
    double[] edges = {
      0,
      1,
      -1,
      999,
      1_000,
      -1_500,
      1_000_000,
      -1_000_001,
      1.7956548E12,
      1_795_654_800_123.0,
      1_795_654_800_123_456.0,
      9_007_199_254_740_991.0,
      -9_007_199_254_740_991.0
    };
    for (double v : edges) {
      assertThat(ScanInstant.of(v, unit)).as("%s %s", unit, v).isEqualTo(decimal(v, unit));
    }
    long bound = unit == TimestampFormat.EPOCH_MILLIS ? 4_102_444_800_000L : 9_007_199_254_740_991L;
    for (int i = 0; i < 200_000; i++) {
      double v = (double) random.nextLong(-bound, bound);
      assertThat(ScanInstant.of(v, unit)).as("%s %s", unit, v).isEqualTo(decimal(v, unit));
    }
  }

  @Test
  void fractionsAndValuesPastTwoToThe53KeepTheDecimalWay() {
    double[] odd = {1_795_654_800_123.5, -0.25, 1.7956548001234568E18, 0.001};
    for (double v : odd) {
      assertThat(ScanInstant.of(v, TimestampFormat.EPOCH_MILLIS))
          .isEqualTo(decimal(v, TimestampFormat.EPOCH_MILLIS));
      assertThat(ScanInstant.of(v, TimestampFormat.EPOCH_NANOS))
          .isEqualTo(decimal(v, TimestampFormat.EPOCH_NANOS));
    }
    assertThat(ScanInstant.of(1_795_654_800_123.5, TimestampFormat.EPOCH_MILLIS))
        .isEqualTo(Instant.parse("2026-11-26T01:00:00.1235Z"));
  }
}
