package org.hopscope.ui.bundle;

import org.hopscope.model.incident.Evidence;
import org.hopscope.oncall.FlowSnapshot;
import org.hopscope.oncall.SeriesSnapshot;

/** What a bundle's evidence snapshot shows once read: a flow, chart series, an image, text. */
public sealed interface EvidenceShown {

  /** The evidence shown. */
  Evidence evidence();

  /** A saved flow, shown by the flow views. */
  record FlowShown(Evidence evidence, FlowSnapshot snapshot) implements EvidenceShown {}

  /** Saved chart series, drawn as the chart. */
  record SeriesShown(Evidence evidence, SeriesSnapshot series) implements EvidenceShown {}

  /** A saved image (a chart PNG). */
  record ImageShown(Evidence evidence) implements EvidenceShown {}

  /** JSON shown as text (a window report), pretty-printed. */
  record TextShown(Evidence evidence, String text) implements EvidenceShown {}

  /** A snapshot that cannot be shown, and why. */
  record Problem(Evidence evidence, String message) implements EvidenceShown {}
}
