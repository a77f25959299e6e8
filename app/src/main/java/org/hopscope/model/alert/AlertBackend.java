package org.hopscope.model.alert;

/**
 * How one alert backend answered.
 *
 * @param origin which one
 * @param url its base URL, or null when not configured
 * @param status answered, unavailable or not configured
 * @param count how many active alerts it reported (all paths); 0 unless answered
 * @param error what went wrong (the backend's error words), or null
 */
public record AlertBackend(AlertOrigin origin, String url, Status status, int count, String error) {

  /** Whether it was asked and answered. */
  public enum Status {
    ANSWERED,
    UNAVAILABLE,
    NOT_CONFIGURED
  }

  public static AlertBackend answered(AlertOrigin origin, String url, int count) {
    return new AlertBackend(origin, url, Status.ANSWERED, count, null);
  }

  public static AlertBackend unavailable(AlertOrigin origin, String url, String error) {
    return new AlertBackend(origin, url, Status.UNAVAILABLE, 0, error);
  }

  public static AlertBackend notConfigured(AlertOrigin origin) {
    return new AlertBackend(origin, null, Status.NOT_CONFIGURED, 0, null);
  }

  /** One line: "Prometheus answered: 6 active alerts", "Alertmanager unavailable: ...". */
  public String line() {
    return switch (status) {
      case ANSWERED ->
          origin.label()
              + " answered ("
              + url
              + "): "
              + count
              + (count == 1 ? " active alert" : " active alerts")
              + " on all paths";
      case UNAVAILABLE -> origin.label() + " unavailable: " + error;
      case NOT_CONFIGURED ->
          origin.label()
              + " not configured (the profile has no "
              + origin.label().toLowerCase(java.util.Locale.ROOT)
              + " endpoint)";
    };
  }
}
