package org.hopscope.oncall;

import java.util.List;
import java.util.Objects;
import org.hopscope.model.Notice;
import org.hopscope.source.SourceException;

/**
 * What "test connection" found out about one profile's backends.
 *
 * @param profile the profile's name
 * @param elasticsearch the Elasticsearch check, never null
 * @param prometheus the Prometheus check, never null ({@link State#NOT_CONFIGURED} when the profile
 *     has none)
 * @param notices what weakens the connection (e.g. TLS verification off); empty when none
 * @param paths the check of the profile's path definitions against Elasticsearch, never null
 *     ({@link PathsCheck.State#NOT_CHECKED} when not asked for or Elasticsearch did not answer)
 */
public record ConnectionReport(
    String profile,
    SourceCheck elasticsearch,
    SourceCheck prometheus,
    List<Notice> notices,
    PathsCheck paths) {

  public ConnectionReport {
    Objects.requireNonNull(elasticsearch, "elasticsearch");
    Objects.requireNonNull(prometheus, "prometheus");
    Objects.requireNonNull(paths, "paths");
    notices = List.copyOf(notices);
  }

  /** A report without a check of path definitions. */
  public ConnectionReport(
      String profile, SourceCheck elasticsearch, SourceCheck prometheus, List<Notice> notices) {
    this(profile, elasticsearch, prometheus, notices, PathsCheck.notChecked());
  }

  /** The outcome of one source's check. */
  public enum State {
    /** It answered. */
    REACHABLE,
    /** It did not answer, refused the credentials, or answered with an error: see the message. */
    FAILED,
    /** The profile has no such source (Prometheus is optional). */
    NOT_CONFIGURED
  }

  /**
   * One source's check.
   *
   * @param source {@code Elasticsearch}, {@code OpenSearch} (the engine that answered at the
   *     profile's Elasticsearch URL) or {@code Prometheus}
   * @param state what happened
   * @param url the URL checked, or null when not configured
   * @param version the server's version (e.g. {@code 8.19.21}, {@code 2.19.4}), or null when
   *     unknown
   * @param clusterName Elasticsearch's cluster name, or null (always null for Prometheus)
   * @param health Elasticsearch's cluster health ({@code green}, {@code yellow}, {@code red}), or
   *     null when unknown (always null for Prometheus)
   * @param failure the kind of failure when {@link State#FAILED}, else null
   * @param error the exact error message (naming the URL) when {@link State#FAILED}, else null
   * @param notes why something is missing although the source answered (e.g. no right to read the
   *     cluster health); empty when none
   */
  public record SourceCheck(
      String source,
      State state,
      String url,
      String version,
      String clusterName,
      String health,
      SourceException.Kind failure,
      String error,
      List<String> notes) {

    public SourceCheck {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(state, "state");
      notes = List.copyOf(notes);
    }

    /** A source the profile does not configure. */
    public static SourceCheck notConfigured(String source) {
      return new SourceCheck(
          source, State.NOT_CONFIGURED, null, null, null, null, null, null, List.of());
    }

    /** A source that could not be checked: {@code error} says why, naming the URL. */
    public static SourceCheck failed(
        String source, String url, SourceException.Kind failure, String error) {
      return new SourceCheck(
          source, State.FAILED, url, null, null, null, failure, error, List.of());
    }

    /**
     * One line for a status bar: {@code green 8.19.21}, {@code up 2.53.1}, {@code not configured},
     * {@code unreachable}, {@code credentials refused} or {@code error}.
     */
    public String summary() {
      String status = health != null ? health : "up";
      return switch (state) {
        case NOT_CONFIGURED -> "not configured";
        case FAILED ->
            failure == SourceException.Kind.AUTH
                ? "credentials refused"
                : failure == SourceException.Kind.REJECTED ? "error" : "unreachable";
        case REACHABLE -> version == null ? status : status + " " + version;
      };
    }
  }
}
