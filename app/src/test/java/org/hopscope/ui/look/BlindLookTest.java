package org.hopscope.ui.look;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hopscope.model.BlindSource;
import org.junit.jupiter.api.Test;

class BlindLookTest {

  @Test
  void anUnreadableSourceIsNamedWithItsPatternAndReason() {
    List<BlindSource> blind =
        List.of(
            new BlindSource("logs-carrier-*", BlindSource.Reason.NO_INDEX, " no such index "),
            new BlindSource("audit-*", BlindSource.Reason.NO_PRIVILEGE, null),
            new BlindSource("closed-*", BlindSource.Reason.UNAVAILABLE, ""));
    assertThat(BlindLook.sources(blind))
        .isEqualTo(
            "logs-carrier-* (no index matches), audit-* (no privilege), closed-* (unavailable)");
    assertThat(BlindLook.details(blind))
        .isEqualTo(
            "logs-carrier-*: no index matches (no such index)\naudit-*: no privilege\n"
                + "closed-*: unavailable");
  }
}
