package org.hopscope.ui.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.EvidenceSummary;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.ui.task.TaskRunner;

/**
 * The current incident's evidence list and viewer, read from the local store only (works with no
 * backend reachable): the list follows the incident and reloads whenever its timeline changes (a
 * save adds an EVIDENCE entry); selecting one loads it off the FX thread, pretty-prints JSON and
 * truncates long text. Never touches a control.
 */
public final class EvidenceViewModel {

  /** At most this many characters of a JSON snapshot are shown; "Save copy…" has all of it. */
  public static final int TEXT_LIMIT = 200_000;

  /** Larger JSON is shown as stored (flows are stored pretty-printed) instead of re-printed. */
  static final int REPRINT_LIMIT = 2_000_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the viewer shows.
   *
   * @param evidence the snapshot with its bytes
   * @param text the JSON pretty-printed (at most {@link #TEXT_LIMIT} chars), or null for an image
   * @param note e.g. "Showing the first 200,000 of 3,456,789 characters…", or "" when complete
   */
  public record Shown(Evidence evidence, String text, String note) {

    /** Whether it is a chart image (the view decodes {@code evidence.content()}). */
    public boolean image() {
      return text == null;
    }
  }

  private final IncidentViewModel incidents;
  private final TaskRunner runner;
  private final ObservableList<EvidenceSummary> items = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private long wanted;

  /** The evidence of {@code incidents}' current incident. */
  public EvidenceViewModel(IncidentViewModel incidents) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.runner = incidents.runner();
    incidents.currentProperty().addListener((o, was, now) -> changed(was, now));
    incidents.timeline().addListener((ListChangeListener<TimelineEntry>) c -> reload());
    reload();
  }

  private void changed(Incident was, Incident now) {
    if (was == null || now == null || was.id() != now.id()) {
      wanted = 0;
      shown.set(null);
      message.set("");
    }
    reload();
  }

  /** Reloads the list of the current incident (empty without one). */
  public void reload() {
    Incident inc = incidents.currentProperty().get();
    if (inc == null) {
      items.clear();
      return;
    }
    runner.run(
        "evidence of " + inc.id(),
        c -> incidents.desk().evidence(inc.id()),
        list -> {
          Incident now = incidents.currentProperty().get();
          if (now != null && now.id() == inc.id()) {
            items.setAll(list);
          }
        },
        incidents::fail);
  }

  /** Shows the snapshot with this id (loaded off the FX thread); 0 shows nothing. */
  public void show(long evidenceId) {
    wanted = evidenceId;
    if (evidenceId == 0) {
      shown.set(null);
      return;
    }
    runner.run(
        "evidence " + evidenceId,
        c ->
            incidents
                .desk()
                .loadEvidence(evidenceId)
                .map(EvidenceViewModel::view)
                .orElseThrow(
                    () -> new IllegalArgumentException("There is no evidence " + evidenceId)),
        s -> {
          if (wanted == evidenceId) {
            message.set("");
            shown.set(s);
          }
        },
        incidents::fail);
  }

  /** What a snapshot looks like in the viewer (pure; runs on the runner's thread). */
  static Shown view(Evidence e) {
    if (e.isImage()) {
      return new Shown(e, null, "");
    }
    String text = new String(e.content(), StandardCharsets.UTF_8);
    if (e.content().length <= REPRINT_LIMIT) {
      try {
        text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(text));
      } catch (IOException notJson) {
        // shown as stored; the note says so
        return truncated(e, text, "Not valid JSON; shown as stored.");
      }
    }
    return truncated(e, text, "");
  }

  private static Shown truncated(Evidence e, String text, String note) {
    if (text.length() <= TEXT_LIMIT) {
      return new Shown(e, text, note);
    }
    String cut =
        String.format(
            Locale.ROOT,
            "Showing the first %,d of %,d characters; use Save copy\u2026 for all of it.",
            TEXT_LIMIT,
            text.length());
    return new Shown(e, text.substring(0, TEXT_LIMIT), note.isEmpty() ? cut : note + " " + cut);
  }

  /** Writes the shown snapshot's bytes, exactly as stored, to {@code out}. */
  public void saveCopy(Path out) {
    Shown s = shown.get();
    if (s == null) {
      return;
    }
    byte[] content = s.evidence().content();
    runner.run(
        "copy evidence " + s.evidence().id(),
        c -> {
          try {
            Files.write(out, content);
            return out;
          } catch (IOException e) {
            throw new UncheckedIOException(
                "Cannot write " + out + " (" + e.getMessage() + "): choose another folder", e);
          }
        },
        file -> message.set("Copy saved to " + file),
        failure -> message.set(failure.getMessage()));
  }

  /** E.g. {@code evidence-7-flow-ord-1.json} or {@code evidence-8-consumer-lag.png}. */
  public static String fileName(EvidenceSummary s) {
    String slug = s.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("^-+|-+$", "");
    String ext = s.mediaType().equals(EvidenceDraft.PNG) ? ".png" : ".json";
    return "evidence-" + s.id() + (slug.isEmpty() ? "" : "-" + slug) + ext;
  }

  /** The current incident's snapshots, oldest first. */
  public ObservableList<EvidenceSummary> items() {
    return items;
  }

  /** What the viewer shows, or null. */
  public ReadOnlyObjectProperty<Shown> shownProperty() {
    return shown.getReadOnlyProperty();
  }

  /** The last "Save copy…" outcome, or "". */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The evidence id in an EVIDENCE timeline entry's detail, or 0. */
  public static long evidenceId(TimelineEntry entry) {
    if (entry == null || entry.kind() != TimelineEntry.Kind.EVIDENCE || entry.detail() == null) {
      return 0;
    }
    try {
      return JSON.readTree(entry.detail()).path("evidenceId").asLong(0);
    } catch (IOException e) {
      return 0; // an entry without a readable id selects nothing
    }
  }
}
