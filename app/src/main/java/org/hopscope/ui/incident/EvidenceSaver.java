package org.hopscope.ui.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.oncall.IncidentDesk;

/**
 * "Save as evidence" for the flow and metrics views: builds the snapshots off the FX thread (a
 * flow's JSON, a chart's PNG), stores them on the incident that was open when the engineer clicked,
 * records one EVIDENCE timeline entry per snapshot and says what it did. Never touches a control.
 */
public final class EvidenceSaver {

  /** Why the save buttons are disabled (their tooltip). */
  public static final String NO_INCIDENT = "Open an incident to keep evidence";

  private final IncidentViewModel incidents;
  private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
  private final ReadOnlyStringWrapper confirmation =
      new ReadOnlyStringWrapper(this, "confirmation", "");

  /** Saves on {@code incidents}' current incident. */
  public EvidenceSaver(IncidentViewModel incidents) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    available.bind(incidents.currentProperty().isNotNull());
  }

  /** True while an incident is open (the save buttons are enabled). */
  public ReadOnlyBooleanProperty availableProperty() {
    return available.getReadOnlyProperty();
  }

  /**
   * What the last save did, for a short confirmation: "Saved flow ord-1 on incident #3", or why it
   * failed; "" before the first save.
   */
  public ReadOnlyStringProperty confirmationProperty() {
    return confirmation.getReadOnlyProperty();
  }

  /**
   * Builds the snapshots with {@code drafts} off the FX thread and saves them on the incident open
   * now. Does nothing (and says so) without an open incident.
   *
   * @param what for the confirmation, e.g. "flow ord-1"
   * @param drafts called once on the runner's thread; may take long (100k-event flows)
   */
  public void save(String what, Supplier<List<EvidenceDraft>> drafts) {
    Incident inc = incidents.currentProperty().get();
    if (inc == null) {
      confirmation.set(NO_INCIDENT + ".");
      return;
    }
    confirmation.set("Saving " + what + "\u2026");
    IncidentDesk desk = incidents.desk();
    incidents
        .runner()
        .run(
            "evidence " + what,
            c -> {
              List<Evidence> saved = new ArrayList<>();
              for (EvidenceDraft d : drafts.get()) {
                saved.add(
                    desk.keep(
                        inc.id(), d.kind(), d.title(), d.query(), d.mediaType(), d.content()));
              }
              return new Saved(saved, desk.timeline(inc.id()));
            },
            done -> {
              incidents.showTimeline(inc.id(), done.timeline());
              confirmation.set(
                  "Saved "
                      + what
                      + (done.evidence().size() > 1
                          ? " (" + done.evidence().size() + " items)"
                          : "")
                      + " on incident #"
                      + inc.id());
            },
            failure -> {
              confirmation.set("Could not save " + what + ": " + failure.getMessage());
              incidents.fail(failure);
            });
  }

  private record Saved(List<Evidence> evidence, List<TimelineEntry> timeline) {}
}
