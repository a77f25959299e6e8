package org.hopscope.model.alert;

/** Where an alert stands, as its backend says. */
public enum AlertState {
  /** Its condition has held for the rule's {@code for}: notifications go out. */
  FIRING,
  /** Its condition holds, but not yet for the rule's {@code for} (Prometheus only). */
  PENDING,
  /** Firing, but silenced or inhibited in Alertmanager: nobody is notified. */
  SUPPRESSED;

  /** The word shown: {@code firing}, {@code pending}, {@code suppressed}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
