package org.hopscope.ui.incident;

import java.util.Objects;
import org.hopscope.model.Flow;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.stuck.StuckViewModel;

/**
 * Records what the engineer sees on the current incident's timeline, automatically: each flow
 * search result (a {@code SEARCH} entry) and each stuck-messages analysis (a {@code
 * WINDOW_ANALYSIS} entry and its report as evidence). Without a current incident nothing is
 * recorded (the view model's recording is a no-op then). Pure wiring: no controls.
 */
public final class IncidentRecorder {

  /**
   * Starts recording: every flow search that ends with a result (its state becomes DONE or
   * NO_EVIDENCE, so the same answer twice is recorded twice) and every window report.
   *
   * @param incidents where to record
   * @param flows the flow search ({@code stateProperty}, {@code flowProperty} are read)
   * @param windows the stuck analysis ({@code reportProperty} is read; it is cleared when an
   *     analysis starts, so each analysis is recorded)
   */
  public IncidentRecorder(
      IncidentViewModel incidents, FlowViewModel flows, StuckViewModel windows) {
    Objects.requireNonNull(incidents, "incidents");
    flows
        .stateProperty()
        .addListener(
            (o, was, now) -> {
              Flow f = flows.flowProperty().get();
              if ((now == FlowViewModel.State.DONE || now == FlowViewModel.State.NO_EVIDENCE)
                  && f != null) {
                incidents.recordFlow(f);
              }
            });
    windows
        .reportProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                incidents.recordStuck(now);
              }
            });
  }
}
