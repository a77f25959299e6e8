package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hopscope.model.HopVerdict.DEAD_LETTERED;
import static org.hopscope.model.HopVerdict.ERROR;
import static org.hopscope.model.HopVerdict.IN_FLIGHT;
import static org.hopscope.model.HopVerdict.NO_EVIDENCE;
import static org.hopscope.model.HopVerdict.OK;
import static org.hopscope.model.HopVerdict.SLOW;
import static org.hopscope.model.HopVerdict.STUCK;
import static org.hopscope.model.HopVerdict.UNKNOWN;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictRulesTest {

  private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
  private static final Duration SLA = Duration.ofSeconds(10);

  private static HopEvidence at(long seconds) {
    return new HopEvidence(T.plusSeconds(seconds), false, false, SLA);
  }

  private static HopEvidence failed(long seconds) {
    return new HopEvidence(T.plusSeconds(seconds), true, false, SLA);
  }

  private static HopEvidence dead(long seconds) {
    return new HopEvidence(T.plusSeconds(seconds), false, true, SLA);
  }

  private static HopEvidence none() {
    return new HopEvidence(null, false, false, SLA);
  }

  private static HopEvidence last(long seconds) {
    return new HopEvidence(T.plusSeconds(seconds), false, false, null);
  }

  private static HopEvidence terminal(long seconds) {
    Instant t = T.plusSeconds(seconds);
    return new HopEvidence(t, t, true, t, true, false, SLA, false);
  }

  /** A failure at {@code seconds}, then a later non-failure event (a retry) a second later. */
  private static HopEvidence retried(long seconds) {
    Instant t = T.plusSeconds(seconds);
    return new HopEvidence(t, t.plusSeconds(1), true, t, false, false, SLA, false);
  }

  @Test
  void errorAtTheLastUnrecoveredFailureWinsOverEverything() {
    var j = VerdictRules.judge(List.of(terminal(0), dead(1), failed(2), none()), T.plusSeconds(9));
    assertThat(j.verdict()).isEqualTo(ERROR);
    assertThat(j.hop()).isEqualTo(2);
    assertThat(j.hops()).containsExactly(ERROR, DEAD_LETTERED, ERROR, NO_EVIDENCE);
  }

  @Test
  void aFailureFollowedByEvidenceAtALaterHopIsRecovered() {
    var j = VerdictRules.judge(List.of(failed(0), at(1), last(2)), T.plusSeconds(999));
    assertThat(j.verdict()).isEqualTo(OK);
    assertThat(j.hops()).containsExactly(OK, OK, OK);
  }

  @Test
  void aFailureFollowedByALaterAttemptAtTheHopIsRecoveredAndJudgedByWhereTheMessageIs() {
    var inFlight = VerdictRules.judge(List.of(retried(0), none()), T.plusSeconds(5));
    assertThat(inFlight.verdict()).isEqualTo(IN_FLIGHT);
    assertThat(inFlight.hops()).containsExactly(IN_FLIGHT, NO_EVIDENCE);
    var stuck = VerdictRules.judge(List.of(retried(0), none()), T.plusSeconds(999));
    assertThat(stuck.verdict()).isEqualTo(STUCK);
  }

  @Test
  void aFailureThatIsTheHopsLastEventWithNothingAfterIsAnError() {
    var j = VerdictRules.judge(List.of(at(0), failed(1), none()), T.plusSeconds(2));
    assertThat(j.verdict()).isEqualTo(ERROR);
    assertThat(j.hop()).isEqualTo(1);
  }

  @Test
  void aTerminalFailureEndsTheMessageWhateverFollows() {
    var j = VerdictRules.judge(List.of(terminal(0), at(1), last(2)), T.plusSeconds(999));
    assertThat(j.verdict()).isEqualTo(ERROR);
    assertThat(j.hop()).isEqualTo(0);
    assertThat(j.hops()).containsExactly(ERROR, OK, OK);
  }

  @Test
  void anUnreadableHopAfterTheLastEvidenceIsUnknownNeverStuck() {
    var j = VerdictRules.judge(List.of(at(0), HopEvidence.blind(SLA), none()), T.plusSeconds(999));
    assertThat(j.verdict()).isEqualTo(UNKNOWN);
    assertThat(j.hop()).isEqualTo(1);
    assertThat(j.hops()).containsExactly(OK, UNKNOWN, NO_EVIDENCE);
  }

  @Test
  void nothingFoundOnAPathWithAnUnreadableHopIsUnknownNotNoEvidence() {
    var j = VerdictRules.judge(List.of(none(), HopEvidence.blind(null)), T);
    assertThat(j.verdict()).isEqualTo(UNKNOWN);
    assertThat(j.hops()).containsExactly(NO_EVIDENCE, UNKNOWN);
  }

  @Test
  void anUnreadableHopBeforeTheLastEvidenceDoesNotChangeTheVerdict() {
    var j = VerdictRules.judge(List.of(at(0), HopEvidence.blind(SLA), last(2)), T.plusSeconds(999));
    assertThat(j.verdict()).isEqualTo(OK);
    assertThat(j.hops()).containsExactly(OK, UNKNOWN, OK);
  }

  @Test
  void theWorseVerdictOfTwoParts() {
    assertThat(VerdictRules.worse(OK, STUCK)).isEqualTo(STUCK);
    assertThat(VerdictRules.worse(ERROR, STUCK)).isEqualTo(ERROR);
    assertThat(VerdictRules.worse(UNKNOWN, IN_FLIGHT)).isEqualTo(UNKNOWN);
    assertThat(VerdictRules.worse(NO_EVIDENCE, OK)).isEqualTo(OK);
  }

  @Test
  void deadLetteredAtTheFirstDeadLetteringHop() {
    var j = VerdictRules.judge(List.of(at(0), dead(1), dead(2), none()), T.plusSeconds(999));
    assertThat(j.verdict()).isEqualTo(DEAD_LETTERED);
    assertThat(j.hop()).isEqualTo(1);
    assertThat(j.hops()).containsExactly(OK, DEAD_LETTERED, DEAD_LETTERED, NO_EVIDENCE);
  }

  @Test
  void stuckOnlyWhenPastTheSlaElseInFlight() {
    List<HopEvidence> path = List.of(at(0), at(1), none());
    var atSla = VerdictRules.judge(path, T.plusSeconds(11));
    assertThat(atSla.verdict()).isEqualTo(IN_FLIGHT);
    assertThat(atSla.hops()).containsExactly(OK, IN_FLIGHT, NO_EVIDENCE);
    var past = VerdictRules.judge(path, T.plusSeconds(11).plusMillis(1));
    assertThat(past.verdict()).isEqualTo(STUCK);
    assertThat(past.hop()).isEqualTo(1);
  }

  @Test
  void stuckOverridesAnEarlierSlowHandOver() {
    var j = VerdictRules.judge(List.of(at(0), at(20), none()), T.plusSeconds(999));
    assertThat(j.verdict()).isEqualTo(STUCK);
    assertThat(j.hops()).containsExactly(SLOW, STUCK, NO_EVIDENCE);
  }

  @Test
  void slowAtTheFirstLateHandOver() {
    var j = VerdictRules.judge(List.of(at(0), at(11), at(30), last(31)), T.plusSeconds(999));
    assertThat(j.verdict()).isEqualTo(SLOW);
    assertThat(j.hop()).isEqualTo(0);
    assertThat(j.hops()).containsExactly(SLOW, SLOW, OK, OK);
  }

  @Test
  void okWhenEveryHandOverIsWithinItsSla() {
    var j = VerdictRules.judge(List.of(at(0), at(10), last(20)), T.plusSeconds(999));
    assertThat(j.verdict()).isEqualTo(OK);
    assertThat(j.hop()).isEqualTo(-1);
    assertThat(j.hops()).containsExactly(OK, OK, OK);
  }

  @Test
  void noEvidenceAnywhere() {
    var j = VerdictRules.judge(List.of(none(), none()), T);
    assertThat(j.verdict()).isEqualTo(NO_EVIDENCE);
    assertThat(j.hops()).containsExactly(NO_EVIDENCE, NO_EVIDENCE);
  }
}
