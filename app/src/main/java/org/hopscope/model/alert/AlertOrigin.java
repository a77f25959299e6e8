package org.hopscope.model.alert;

/** The backend an alert was read from. */
public enum AlertOrigin {
  /** {@code /api/v1/alerts}: firing and pending alerts of its rules. */
  PROMETHEUS("Prometheus"),
  /** {@code /api/v2/alerts}: the alerts it received (firing; maybe silenced or inhibited). */
  ALERTMANAGER("Alertmanager");

  private final String label;

  AlertOrigin(String label) {
    this.label = label;
  }

  /** {@code Prometheus} or {@code Alertmanager}. */
  public String label() {
    return label;
  }
}
