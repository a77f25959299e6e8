package org.hopscope.config;

import java.util.List;
import java.util.Objects;

/**
 * One secret of a profile: the password, API key or token of its Elasticsearch or Prometheus.
 *
 * @param endpoint {@code elasticsearch} or {@code prometheus} (the profile's key)
 * @param key {@code password}, {@code apiKey} or {@code token} (the endpoint's key)
 */
public record SecretSlot(String endpoint, String key) {

  /** The endpoint keys of a profile that can hold a secret. */
  public static final List<String> ENDPOINTS = List.of("elasticsearch", "prometheus");

  /** The keys of an endpoint that hold a secret. */
  public static final List<String> KEYS = List.of("password", "apiKey", "token");

  public SecretSlot {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(key, "key");
    if (!ENDPOINTS.contains(endpoint) || !KEYS.contains(key)) {
      throw new IllegalArgumentException("no secret slot " + endpoint + "." + key);
    }
  }

  /**
   * The account name of this secret in the OS keychain (service {@link Keychain#SERVICE}): {@code
   * PROFILE/elasticsearch/password}. Profile names hold no '/', so accounts never collide.
   */
  public String account(String profile) {
    return profile + "/" + endpoint + "/" + key;
  }

  /** The environment variable that overrides this secret, e.g. {@code HOPSCOPE_ES_PASSWORD}. */
  public String environmentVariable() {
    String prefix =
        switch (endpoint) {
          case "elasticsearch" -> "HOPSCOPE_ES_";
          case "alertmanager" -> "HOPSCOPE_ALERTMANAGER_";
          default -> "HOPSCOPE_PROMETHEUS_";
        };
    return prefix
        + switch (key) {
          case "password" -> "PASSWORD";
          case "apiKey" -> "API_KEY";
          default -> "TOKEN";
        };
  }

  /** The secret in a sentence: "password", "API key", "token". */
  public String noun() {
    return "apiKey".equals(key) ? "API key" : key;
  }

  /** E.g. {@code elasticsearch password}. */
  @Override
  public String toString() {
    return endpoint + " " + noun();
  }
}
