package org.hopscope.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hopscope.ui.flow.FlowSummary.Kind;
import org.hopscope.ui.flow.FlowSummary.Line;
import org.hopscope.ui.flow.FlowViewModel.State;
import org.junit.jupiter.api.Test;

/** What the banner above the flow says in each state of the search. */
class ProblemBannerLinesTest {

  private static final List<Line> SUMMARY =
      List.of(
          new Line(
              Kind.WARNING,
              "Fulfilment-service: 1,000 of 100,002 events in logs-fulfilment-* read so far; no"
                  + " verdict until all are read"));

  @Test
  void whileSearchingOnlyAFirstAnswersSummaryIsShown() {
    assertThat(ProblemBanner.lines(State.SEARCHING, "", "", SUMMARY, true)).isEqualTo(SUMMARY);
    // the summary of the answer before, covered by "Searching": nothing
    assertThat(ProblemBanner.lines(State.SEARCHING, "", "", SUMMARY, false)).isEmpty();
  }

  @Test
  void aFailureStandsAloneAndAPartialResultComesFirst() {
    assertThat(ProblemBanner.lines(State.FAILED, "Elasticsearch is unreachable", "", SUMMARY, true))
        .extracting(Line::text)
        .containsExactly("Search failed: Elasticsearch is unreachable");
    assertThat(ProblemBanner.lines(State.DONE, "", "metrics unavailable", SUMMARY, false))
        .extracting(Line::text)
        .containsExactly("Partial result: metrics unavailable", SUMMARY.get(0).text());
  }
}
