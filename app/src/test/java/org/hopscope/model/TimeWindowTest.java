package org.hopscope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

  private static final Instant T = Instant.parse("2026-11-26T03:00:00Z");

  @Test
  void windowIsHalfOpen() {
    TimeWindow w = TimeWindow.ending(T, Duration.ofHours(1));
    assertThat(w.from()).isEqualTo(Instant.parse("2026-11-26T02:00:00Z"));
    assertThat(w.contains(w.from())).isTrue();
    assertThat(w.contains(T)).isFalse();
    assertThat(w.length()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void emptyOrReversedWindowIsRejectedWithBothEnds() {
    assertThatThrownBy(() -> new TimeWindow(T, T))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time window must end after it starts: from " + T + " to " + T);
  }
}
