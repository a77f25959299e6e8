package org.hopscope.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.hopscope.model.connection.Endpoint;

/**
 * A named set of connection settings, stored as {@code <config dir>/profiles/NAME.yaml}.
 *
 * @param name the profile's name (its file name without {@code .yaml})
 * @param elasticsearch where the events are (required)
 * @param prometheus where the metrics are, or null (flows then come without metrics)
 * @param pathsDir directory of path definitions, or null for {@code queries/}
 * @param keychain the secrets kept in the OS keychain instead of the file ({@code password:
 *     {keychain: true}}); their value in the endpoint's auth is empty until {@link ProfileResolver}
 *     reads them, which it does only when they are used
 * @param alertmanager where the alerts are routed, or null (the alerts then come from Prometheus
 *     alone); same auth and TLS settings as {@code prometheus}
 */
public record ConnectionProfile(
    String name,
    Endpoint elasticsearch,
    Endpoint prometheus,
    Path pathsDir,
    Set<SecretSlot> keychain,
    Endpoint alertmanager) {

  public ConnectionProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(elasticsearch, "elasticsearch");
    keychain = Set.copyOf(keychain);
  }

  /** A profile without Alertmanager. */
  public ConnectionProfile(
      String name,
      Endpoint elasticsearch,
      Endpoint prometheus,
      Path pathsDir,
      Set<SecretSlot> keychain) {
    this(name, elasticsearch, prometheus, pathsDir, keychain, null);
  }

  /** This profile with {@code endpoint} as its Alertmanager (null: none). */
  public ConnectionProfile withAlertmanager(Endpoint endpoint) {
    return new ConnectionProfile(name, elasticsearch, prometheus, pathsDir, keychain, endpoint);
  }

  /** A profile whose secrets, if any, are all in its file. */
  public ConnectionProfile(
      String name, Endpoint elasticsearch, Endpoint prometheus, Path pathsDir) {
    this(name, elasticsearch, prometheus, pathsDir, Set.of());
  }

  /** Whether the secret at {@code key} of {@code endpoint} is kept in the OS keychain. */
  public boolean inKeychain(String endpoint, String key) {
    return keychain.contains(new SecretSlot(endpoint, key));
  }
}
