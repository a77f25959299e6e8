package org.hopscope.model.bundle;

/**
 * Importing a bundle that this store imported before, refused (nothing merged, nothing changed):
 * {@link #incidentId()} is the incident that earlier import made. Importing again on purpose makes
 * a second, separate copy.
 */
public final class BundleImportedBeforeException extends BundleException {

  private static final long serialVersionUID = 1L;

  private final long incidentId;

  public BundleImportedBeforeException(String message, long incidentId) {
    super(message);
    this.incidentId = incidentId;
  }

  /** The incident the earlier import made. */
  public long incidentId() {
    return incidentId;
  }
}
