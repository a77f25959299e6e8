package org.hopscope.model.promql;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The values of a panel's variables for one hop and time range.
 *
 * @param hop the hop's name ({@code $hop}), never null
 * @param service the hop's service name in metrics ({@code $service}), never null
 * @param window the range length ({@code $window}), positive
 * @param rate the range of {@code rate()}/{@code increase()} ({@code $rate}), positive
 */
public record PromQlVariables(String hop, String service, Duration window, Duration rate) {

  private static final Duration MIN_RATE = Duration.ofMinutes(1);

  /** Clean rate ranges, ascending; beyond the last, whole days. */
  private static final Duration[] RATE_LADDER = {
    Duration.ofMinutes(1),
    Duration.ofMinutes(2),
    Duration.ofMinutes(5),
    Duration.ofMinutes(10),
    Duration.ofMinutes(15),
    Duration.ofMinutes(30),
    Duration.ofHours(1),
    Duration.ofHours(2),
    Duration.ofHours(3),
    Duration.ofHours(6),
    Duration.ofHours(12),
    Duration.ofDays(1),
    Duration.ofDays(2),
    Duration.ofDays(7)
  };

  public PromQlVariables {
    Objects.requireNonNull(hop, "hop");
    Objects.requireNonNull(service, "service");
    PromQl.duration(window);
    PromQl.duration(rate);
  }

  /**
   * The {@code rate()} range for a step: at least four samples' worth of steps and at least one
   * minute ({@code max(4 × step, 1m)}), rounded up to the next of 1m, 2m, 5m, 10m, 15m, 30m, 1h,
   * 2h, 3h, 6h, 12h, 1d, 2d, 7d, beyond that to whole days.
   */
  public static Duration rateFor(Duration step) {
    Duration wanted = step.multipliedBy(4);
    if (wanted.compareTo(MIN_RATE) < 0) {
      wanted = MIN_RATE;
    }
    for (Duration clean : RATE_LADDER) {
      if (wanted.compareTo(clean) <= 0) {
        return clean;
      }
    }
    long days = (wanted.toMillis() + 86_399_999L) / 86_400_000L;
    return Duration.ofDays(days);
  }

  /** The values by variable name, durations written as PromQL durations. */
  public Map<String, String> asMap() {
    return Map.of(
        "hop",
        hop,
        "service",
        service,
        "window",
        PromQl.duration(window),
        "rate",
        PromQl.duration(rate));
  }
}
