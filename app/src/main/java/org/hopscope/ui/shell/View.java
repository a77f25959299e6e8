package org.hopscope.ui.shell;

/** The views of the main screen, in the order of their shortcuts (Ctrl+1..5). */
public enum View {
  FLOW("Flow", "flow"),
  STUCK("Stuck messages", "stuck"),
  METRICS("Hop metrics", "metrics"),
  INCIDENTS("Incidents", "incidents"),
  PLAYBOOK("Playbook", "playbook");

  private final String label;
  private final String key;

  View(String label, String key) {
    this.label = label;
    this.key = key;
  }

  public String label() {
    return label;
  }

  /** The name used on the command line ({@code --view flow|stuck|metrics}). */
  public String key() {
    return key;
  }

  public static View parse(String key) {
    // "window" was the stuck-messages view's name before 0.2: scripts may still use it
    String k = "window".equalsIgnoreCase(key) ? STUCK.key : key;
    for (View v : values()) {
      if (v.key.equalsIgnoreCase(k)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown view '" + key + "'; use one of: flow, stuck, metrics, incidents, playbook");
  }
}
