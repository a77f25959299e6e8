package org.hopscope.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The New-incident form's times: to the second, UTC, typed either way. */
class NewIncidentTimesTest {

  @Test
  void timesShowToTheSecondAndParseEitherWay() {
    Instant t = Instant.parse("2026-11-26T02:00:07.123456789Z");
    assertThat(NewIncidentDialog.shown(t)).isEqualTo("2026-11-26 02:00:07");
    assertThat(NewIncidentDialog.parse("2026-11-26 02:00:07"))
        .isEqualTo(Instant.parse("2026-11-26T02:00:07Z"));
    assertThat(NewIncidentDialog.parse(" 2026-11-26 02:00 "))
        .isEqualTo(Instant.parse("2026-11-26T02:00:00Z"));
    assertThat(NewIncidentDialog.parse("2026-11-26T02:00:07Z"))
        .isEqualTo(Instant.parse("2026-11-26T02:00:07Z"));
    assertThat(NewIncidentDialog.problem("t", "2026-11-26 03:00", "2026-11-26 02:00"))
        .isEqualTo("The window must end after it starts.");
    assertThat(NewIncidentDialog.problem("t", "yesterday", "2026-11-26 02:00"))
        .isEqualTo("Write times in UTC, e.g. 2026-11-26 02:00:00.");
    assertThat(NewIncidentDialog.problem("t", "2026-11-26 01:00", "2026-11-26T02:00:00Z"))
        .isEmpty();
  }
}
