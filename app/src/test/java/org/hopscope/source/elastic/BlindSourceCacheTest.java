package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.BlindSource;
import org.hopscope.model.BlindSource.Reason;
import org.hopscope.testing.ManualClock;
import org.junit.jupiter.api.Test;

class BlindSourceCacheTest {

  private final ManualClock clock = new ManualClock(Instant.parse("2026-05-01T03:00:00Z"));
  private final BlindSourceCache cache = new BlindSourceCache(clock);
  private final List<List<String>> asked = new ArrayList<>();
  private final Map<String, BlindSource> cluster =
      new java.util.HashMap<>(
          Map.of(
              "logs-typo-*", new BlindSource("logs-typo-*", Reason.NO_INDEX, "no such index"),
              "secret", new BlindSource("secret", Reason.NO_PRIVILEGE, "unauthorized"),
              "closed", new BlindSource("closed", Reason.UNAVAILABLE, "closed")));

  private List<BlindSource> ask(String... patterns) {
    return cache.blindSources(
        List.of(patterns),
        ask -> {
          asked.add(ask);
          return ask.stream().filter(cluster::containsKey).map(cluster::get).toList();
        });
  }

  @Test
  void answersInTheOrderGivenAskingEachPatternOnce() {
    assertThat(ask("secret", "logs-ok-*", "logs-typo-*", "secret"))
        .containsExactly(cluster.get("secret"), cluster.get("logs-typo-*"));
    assertThat(asked).containsExactly(List.of("secret", "logs-ok-*", "logs-typo-*"));
  }

  @Test
  void aSecondCallWithin30SecondsAsksNothingEvenIfTheClusterChanged() {
    BlindSource typo = cluster.get("logs-typo-*");
    ask("logs-ok-*", "logs-typo-*");
    cluster.remove("logs-typo-*"); // created meanwhile
    clock.advance(Duration.ofSeconds(29));

    assertThat(ask("logs-typo-*", "logs-ok-*")).containsExactly(typo);
    assertThat(asked).hasSize(1);
  }

  @Test
  void onlyPatternsWithoutAFreshAnswerAreAskedInOneRoundTrip() {
    ask("logs-ok-*");
    clock.advance(Duration.ofSeconds(20));
    ask("logs-ok-*", "secret", "logs-typo-*");

    assertThat(asked).containsExactly(List.of("logs-ok-*"), List.of("secret", "logs-typo-*"));
  }

  @Test
  void after30SecondsThePatternIsAskedAgain() {
    BlindSource typo = cluster.get("logs-typo-*");
    assertThat(ask("logs-typo-*")).containsExactly(typo);
    cluster.remove("logs-typo-*");
    clock.advance(Duration.ofSeconds(30));

    assertThat(ask("logs-typo-*")).isEmpty();
    assertThat(asked).hasSize(2);
  }

  @Test
  void unavailableIsNotKept() {
    ask("closed");
    ask("closed");

    assertThat(asked).containsExactly(List.of("closed"), List.of("closed"));
  }

  @Test
  void aFailedProbeKeepsNothing() {
    assertThatThrownBy(
            () ->
                cache.blindSources(
                    List.of("logs-ok-*"),
                    ask -> {
                      throw new IllegalStateException("unreachable");
                    }))
        .hasMessage("unreachable");
    ask("logs-ok-*");

    assertThat(asked).containsExactly(List.of("logs-ok-*"));
  }
}
