package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.SearchWindow;
import org.junit.jupiter.api.Test;

class WindowArgumentsTest {

  private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");

  private final CliContext ctx =
      new CliContext(
          Map.of(),
          new Properties(),
          Clock.fixed(NOW, ZoneOffset.UTC),
          Path.of("."),
          new PrintWriter(new StringWriter()),
          new PrintWriter(new StringWriter()));

  @Test
  void withoutFromTheTiersDefaultWindowUpToNow() {
    WindowArguments times = WindowArguments.parse(ctx, null, null, false);
    assertThat(times.window()).isEqualTo(SearchWindow.endingAt(NOW));
    assertThat(times.window().from()).isEqualTo(Instant.parse("2026-12-05T03:00:00Z"));
    assertThat(times.asOf()).isEqualTo(NOW);
  }

  @Test
  void withoutFromTheDefaultWindowEndsAtTo() {
    WindowArguments times = WindowArguments.parse(ctx, null, "now-2h", false);
    Instant to = Instant.parse("2026-12-06T01:00:00Z");
    assertThat(times.window()).isEqualTo(SearchWindow.endingAt(to));
    assertThat(times.asOf()).isEqualTo(to);
  }

  @Test
  void aWindowEndingLaterThanNowIsJudgedAsOfNow() {
    WindowArguments times = WindowArguments.parse(ctx, "now-1h", "2026-12-06T04:00:00Z", true);
    assertThat(times.window())
        .isEqualTo(
            new TimeWindow(
                Instant.parse("2026-12-06T02:00:00Z"), Instant.parse("2026-12-06T04:00:00Z")));
    assertThat(times.asOf()).isEqualTo(NOW);
  }

  @Test
  void fromIsRequiredWhereTheCommandSaysSo() {
    assertThatThrownBy(() -> WindowArguments.parse(ctx, null, null, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--from is required (e.g. --from now-1h)");
  }
}
