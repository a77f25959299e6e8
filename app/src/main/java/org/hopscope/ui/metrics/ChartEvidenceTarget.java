package org.hopscope.ui.metrics;

import javafx.beans.value.ObservableBooleanValue;
import org.hopscope.ui.chart.ChartModel;
import org.hopscope.ui.chart.ChartTheme;

/**
 * Where a chart card's "Save as evidence" goes; the composition root wires it to the open incident.
 * Without one the button is not shown.
 */
public interface ChartEvidenceTarget {

  /** True while saving is possible (an incident is open). */
  ObservableBooleanValue available();

  /** What the last save did ("Saved chart … on incident #3"), for the view's status line. */
  javafx.beans.value.ObservableStringValue confirmation();

  /** The tooltip while saving is not possible, e.g. "Open an incident to keep evidence". */
  String unavailableReason();

  /**
   * Saves the chart, called on the FX thread; the target draws and stores off it.
   *
   * @param hop the hop shown, or null
   * @param model the chart as shown
   * @param theme the theme it is drawn in
   */
  void save(String hop, ChartModel model, ChartTheme theme);
}
