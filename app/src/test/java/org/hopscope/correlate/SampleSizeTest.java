package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import org.hopscope.model.StuckEstimate.Figure;
import org.junit.jupiter.api.Test;

/** How a sample's count is scaled to the whole window, and its bound. */
class SampleSizeTest {

  @Test
  void everyPartitionReadIsExactWithBoundZero() {
    Figure f = new SampleSize(3, 3, 20_000).scale(54);
    assertThat(f)
        .isEqualTo(Figure.of(54, 0, "every message ID read: exact, as the key scan counts"));
    assertThat(f.text()).isEqualTo("54");
  }

  @Test
  void aSampleIsScaledWithThreeStandardErrors() {
    // f = 4/100: 120 / f = 3,000; bound 3 sqrt(120 * 0.96) / 0.04 = 805.0 -> 805
    Figure f = new SampleSize(4, 100, 800_000).scale(120);
    assertThat(f.value()).isEqualTo(3_000);
    assertThat(f.bound()).isEqualTo(805);
    assertThat(f.why())
        .isEqualTo("hash sample of 4/100 of the message IDs: ± 3 standard errors of the sample");
    assertThat(f.text()).isEqualTo("3,000 ± 805");
    assertThat(f.holds(3_805)).isTrue();
    assertThat(f.holds(3_806)).isFalse();
  }

  @Test
  void aSampleWithoutAnyStillHasABound() {
    // counted as 1: 3 sqrt(0.96) / 0.04 = 73.48 -> 74; never "0 exactly" from a sample
    Figure f = new SampleSize(4, 100, 800_000).scale(0);
    assertThat(f.value()).isZero();
    assertThat(f.bound()).isEqualTo(74);
  }

  @Test
  void anUnknownFigureSaysWhyAndIsNeverZero() {
    Figure u = Figure.unknown("every source of hop x cannot be read");
    assertThat(u.known()).isFalse();
    assertThat(u.text()).isEqualTo("unknown");
    assertThat(u.holds(0)).isFalse();
  }
}
