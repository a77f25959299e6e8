package org.hopscope.report.bundle;

import java.util.regex.Pattern;
import org.hopscope.model.bundle.BundleManifest;
import org.hopscope.model.incident.Evidence;

/** The entry names of format 1 (docs/bundles.md); any other name is refused on reading. */
final class BundleLayout {

  static final String MANIFEST = BundleManifest.NAME;
  static final String INCIDENT = "incident.json";
  static final String TIMELINE = "timeline.json";
  static final String NOTES = "notes.json";
  static final String STEPS = "steps.json";
  static final String EVIDENCE = "evidence.json";
  static final String POST_MORTEM = "post-mortem.md";
  static final String PATHS = "paths/";
  static final String PLAYBOOKS = "playbooks/";

  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
  private static final Pattern EVIDENCE_FILE =
      Pattern.compile("evidence/[0-9]{1,18}\\.(json|png|bin)");
  private static final Pattern PATH_FILE = Pattern.compile("paths/" + FILE + "\\.ya?ml");
  private static final Pattern PLAYBOOK_FILE = Pattern.compile("playbooks/" + FILE + "\\.md");
  private static final Pattern IMAGE_FILE = Pattern.compile("images/" + FILE + "\\.png");

  private BundleLayout() {}

  /** Where a snapshot's bytes are kept: {@code evidence/<id>.json|png|bin}. */
  static String evidenceEntry(Evidence e) {
    String type = e.mediaType() == null ? "" : e.mediaType();
    String ext =
        type.startsWith("application/json") ? "json" : type.equals("image/png") ? "png" : "bin";
    return "evidence/" + e.id() + "." + ext;
  }

  /** Whether {@code name} is a file name fit for {@code paths/} or {@code playbooks/}. */
  static boolean fileName(String name) {
    return FILE.matcher(name).matches();
  }

  /** Whether {@code name} is an entry of format 1. */
  static boolean known(String name) {
    return switch (name) {
      case MANIFEST, INCIDENT, TIMELINE, NOTES, STEPS, EVIDENCE, POST_MORTEM -> true;
      default ->
          EVIDENCE_FILE.matcher(name).matches()
              || PATH_FILE.matcher(name).matches()
              || PLAYBOOK_FILE.matcher(name).matches()
              || IMAGE_FILE.matcher(name).matches();
    };
  }
}
