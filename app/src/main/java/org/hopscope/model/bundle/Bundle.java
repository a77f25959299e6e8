package org.hopscope.model.bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.StepState;
import org.hopscope.model.incident.TimelineEntry;

/**
 * An incident as carried by a bundle file ({@code *.hopscope}, docs/bundles.md), read and checked:
 * everything needed to review it with no backend and no store. Ids are those of the store it was
 * exported from (an EVIDENCE timeline entry's {@code evidenceId} names one of {@link #evidence}).
 *
 * @param manifest the bundle's manifest (masked or not, by whom, when)
 * @param incident the incident
 * @param timeline its timeline, oldest first
 * @param notes its notes (incident, steps, hops, messages)
 * @param steps its playbook step states, in the order first touched
 * @param evidence its evidence snapshots with their bytes, oldest first (flows as {@code
 *     FLOW_JSON}, metric series, window reports; chart PNGs only in an unmasked bundle)
 * @param pathDefinitions the path definition used: file name (e.g. {@code orders.yaml}) to its YAML
 *     text as of the export; empty when it could not be found then
 * @param playbooks the playbooks whose steps were recorded: file name (e.g. {@code
 *     consumer-lag.md}) to its Markdown as of the export
 * @param postMortem the post-mortem draft (Markdown), as {@code export --out} writes it
 * @param postMortemImages the chart images the draft links to: its relative link (e.g. {@code
 *     images/3-outcomes.png}) to the PNG; empty in a masked bundle
 * @param origin the file it was read from
 */
public record Bundle(
    BundleManifest manifest,
    Incident incident,
    List<TimelineEntry> timeline,
    List<Note> notes,
    List<StepState> steps,
    List<Evidence> evidence,
    Map<String, String> pathDefinitions,
    Map<String, String> playbooks,
    String postMortem,
    Map<String, byte[]> postMortemImages,
    Origin origin) {

  public Bundle {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(incident, "incident");
    timeline = List.copyOf(timeline);
    notes = List.copyOf(notes);
    steps = List.copyOf(steps);
    evidence = List.copyOf(evidence);
    pathDefinitions = Map.copyOf(pathDefinitions);
    playbooks = Map.copyOf(playbooks);
    postMortem = postMortem == null ? "" : postMortem;
    postMortemImages = Map.copyOf(postMortemImages);
    Objects.requireNonNull(origin, "origin");
  }

  /**
   * Where a bundle came from.
   *
   * @param file the file it was read from
   * @param size the file's length in bytes
   * @param manifestSha256 the SHA-256 of its {@code manifest.json} (lower-case hex): the bundle's
   *     identity, which covers every entry's hash
   */
  public record Origin(Path file, long size, String manifestSha256) {
    public Origin {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(manifestSha256, "manifestSha256");
    }
  }
}
