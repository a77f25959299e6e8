package org.hopscope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hopscope.model.SeriesColour.AMBER;
import static org.hopscope.model.SeriesColour.BLUE;
import static org.hopscope.model.SeriesColour.GREEN;
import static org.hopscope.model.SeriesColour.GREY;
import static org.hopscope.model.SeriesColour.PURPLE;
import static org.hopscope.model.SeriesColour.RED;
import static org.hopscope.model.SeriesColour.TEAL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hopscope.model.SeriesColours.Tone;
import org.junit.jupiter.api.Test;

class SeriesColoursTest {

  @Test
  void labelValuesSayWhatASeriesIs() {
    for (String v :
        List.of("failed", "ERROR", "fault", "dlq", "dead_letter", "dead-lettered", "rejected")) {
      assertThat(SeriesColours.meaning(Map.of("outcome", v), "x")).as(v).contains(RED);
    }
    for (String v : List.of("retry", "parked", "waiting", "timeout", "timed_out", "Retrying")) {
      assertThat(SeriesColours.meaning(Map.of("state", v), "x")).as(v).contains(AMBER);
    }
    for (String v : List.of("success", "ok", "OK", "processed", "2xx")) {
      assertThat(SeriesColours.meaning(Map.of("result", v), "x")).as(v).contains(GREEN);
    }
    for (String v : List.of("0", "orders.v1", "token", "errand", "parking-lot-2", "okay")) {
      assertThat(SeriesColours.meaning(Map.of("partition", v), "x")).as(v).isEmpty();
    }
  }

  @Test
  void statusCodesCountOnlyInStatusOrCodeLabels() {
    assertThat(SeriesColours.meaning(Map.of("status", "503"), "x")).contains(RED);
    assertThat(SeriesColours.meaning(Map.of("http_code", "429"), "x")).contains(AMBER);
    assertThat(SeriesColours.meaning(Map.of("status_code", "200"), "x")).contains(GREEN);
    assertThat(SeriesColours.meaning(Map.of("partition", "500"), "x")).isEmpty();
  }

  @Test
  void failureWinsOverWaitingOverSuccessAndALegendSpeaksOnlyWithoutLabels() {
    assertThat(SeriesColours.meaning(Map.of("outcome", "success", "stage", "retry"), "x"))
        .contains(AMBER);
    assertThat(SeriesColours.meaning(Map.of("status", "200", "outcome", "failed"), "x"))
        .contains(RED);
    assertThat(SeriesColours.meaning(Map.of(), "Dead-lettered/s")).contains(RED);
    assertThat(SeriesColours.meaning(Map.of(), "Error ratio")).contains(RED);
    assertThat(SeriesColours.meaning(Map.of(), "Requests/s")).isEqualTo(Optional.empty());
    assertThat(SeriesColours.meaning(Map.of("service", "a"), "failed")).isEmpty();
  }

  @Test
  void seriesSharingAFamilyGetSuccessiveShadesAndTheRestTheNeutralColours() {
    List<Map<String, String>> labels =
        List.of(
            Map.of("outcome", "dead_lettered"),
            Map.of("outcome", "failed"),
            Map.of("outcome", "parked"),
            Map.of("outcome", "retry"),
            Map.of("outcome", "success"),
            Map.of("outcome", "a"),
            Map.of("outcome", "b"),
            Map.of("outcome", "c"),
            Map.of("outcome", "d"),
            Map.of("outcome", "e"));
    assertThat(
            SeriesColours.assign(
                labels, List.of("", "", "", "", "", "", "", "", "", ""), List.of()))
        .containsExactly(
            new Tone(RED, 0),
            new Tone(RED, 1),
            new Tone(AMBER, 0),
            new Tone(AMBER, 1),
            new Tone(GREEN, 0),
            new Tone(BLUE, 0),
            new Tone(PURPLE, 0),
            new Tone(TEAL, 0),
            new Tone(GREY, 0),
            new Tone(BLUE, 1));
  }

  @Test
  void aPanelsRulesComeFirstByValueOrByLabel() {
    List<SeriesColourRule> rules =
        List.of(
            new SeriesColourRule(null, "parked", RED),
            new SeriesColourRule("stage", "failed", GREY),
            new SeriesColourRule(null, "Requests/s", GREEN));
    List<Map<String, String>> labels =
        List.of(
            Map.of("outcome", "parked"),
            Map.of("outcome", "failed"),
            Map.of("stage", "failed"),
            Map.of());
    assertThat(SeriesColours.assign(labels, List.of("", "", "", "Requests/s"), rules))
        .containsExactly(new Tone(RED, 0), new Tone(RED, 1), new Tone(GREY, 0), new Tone(GREEN, 0));
  }
}
