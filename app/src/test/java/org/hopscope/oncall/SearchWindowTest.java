package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hopscope.model.TimeWindow;
import org.junit.jupiter.api.Test;

class SearchWindowTest {

  private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");

  @Test
  void theDefaultWindowIsTheDayBeforeItsEnd() {
    assertThat(SearchWindow.DEFAULT_LENGTH).isEqualTo(Duration.ofHours(24));
    assertThat(SearchWindow.endingAt(NOW))
        .isEqualTo(new TimeWindow(Instant.parse("2026-12-05T03:00:00Z"), NOW));
  }

  @Test
  void asOfIsTheWindowsEndOrNowWhicheverComesFirst() {
    Instant earlier = NOW.minus(Duration.ofHours(2));
    assertThat(SearchWindow.asOf(new TimeWindow(earlier.minusSeconds(60), earlier), NOW))
        .isEqualTo(earlier);
    assertThat(SearchWindow.asOf(new TimeWindow(earlier, NOW.plusSeconds(600)), NOW))
        .isEqualTo(NOW);
    assertThat(SearchWindow.asOf(null, NOW)).isEqualTo(NOW);
  }
}
