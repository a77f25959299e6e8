package org.hopscope.ui.shell;

/** The views of the main window, in the order of their shortcuts (Ctrl+1..5). */
public enum View {
  FLOW("Flow", "flow"),
  WINDOW("Stuck messages", "window"),
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

  /** The name used on the command line ({@code --view flow|window|metrics}). */
  public String key() {
    return key;
  }

  /** The view named {@code key}. */
  public static View parse(String key) {
    for (View v : values()) {
      if (v.key.equalsIgnoreCase(key)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown view '" + key + "'; use one of: flow, window, metrics, incidents, playbook");
  }
}
