package org.hopscope.ui.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import org.hopscope.model.incident.Evidence;
import org.hopscope.oncall.FlowJsonReader;
import org.hopscope.oncall.SeriesSnapshot;

/** Reads one evidence snapshot into what it shows (pure; may take a while for a large flow). */
final class EvidenceReading {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EvidenceReading() {}

  static EvidenceShown read(Evidence e) {
    try {
      if (e.isImage()) {
        return new EvidenceShown.ImageShown(e);
      }
      return switch (e.kind()) {
        case FLOW_JSON -> new EvidenceShown.FlowShown(e, new FlowJsonReader().read(e.content()));
        case METRIC_SERIES -> new EvidenceShown.SeriesShown(e, SeriesSnapshot.read(e.content()));
        default ->
            new EvidenceShown.TextShown(
                e,
                JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(JSON.readTree(e.content())));
      };
    } catch (IOException | RuntimeException ex) {
      return new EvidenceShown.Problem(
          e,
          "Evidence #"
              + e.id()
              + " ("
              + e.title()
              + ") cannot be shown: "
              + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
    }
  }

  /** E.g. "flow", "metric series", "chart image", "window report". */
  static String kind(Evidence.Kind kind) {
    return switch (kind) {
      case FLOW_JSON -> "flow";
      case METRIC_SERIES -> "metric series";
      case CHART_PNG -> "chart image";
      case WINDOW_REPORT -> "window report";
    };
  }

  /** E.g. "812 B", "14.2 KB". */
  static String size(long bytes) {
    return bytes < 1024
        ? bytes + " B"
        : bytes < 1024 * 1024
            ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
            : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }
}
