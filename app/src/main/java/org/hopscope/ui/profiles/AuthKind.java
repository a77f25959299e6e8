package org.hopscope.ui.profiles;

import java.util.List;
import org.hopscope.model.connection.Auth;

/** The kinds of authentication the profile form offers, with what the secret field is called. */
public enum AuthKind {
  NONE("None", null),
  BASIC("User and password", "Password"),
  API_KEY("API key", "API key"),
  BEARER("Bearer token", "Token");

  private final String label;
  private final String secretLabel;

  AuthKind(String label, String secretLabel) {
    this.label = label;
    this.secretLabel = secretLabel;
  }

  public static List<AuthKind> forElasticsearch() {
    return List.of(NONE, BASIC, API_KEY, BEARER);
  }

  /** The kinds Prometheus accepts (an API key is Elasticsearch's). */
  public static List<AuthKind> forPrometheus() {
    return List.of(NONE, BASIC, BEARER);
  }

  public static AuthKind of(Auth auth) {
    if (auth instanceof Auth.Basic) {
      return BASIC;
    }
    if (auth instanceof Auth.ApiKey) {
      return API_KEY;
    }
    return auth instanceof Auth.Bearer ? BEARER : NONE;
  }

  /** What the secret field holds ("Password", "API key", "Token"), or null for {@link #NONE}. */
  public String secretLabel() {
    return secretLabel;
  }

  /** The secret's name inside a sentence: "password", "API key", "token". */
  String secretNoun() {
    return this == API_KEY ? secretLabel : secretLabel.toLowerCase(java.util.Locale.ROOT);
  }

  /** The profile file's key of the secret: password, apiKey, token; null for {@link #NONE}. */
  String secretKey() {
    return switch (this) {
      case BASIC -> "password";
      case API_KEY -> "apiKey";
      case BEARER -> "token";
      case NONE -> null;
    };
  }

  /** The secret of {@code auth} when it is of this kind, else null. */
  String secretOf(Auth auth) {
    if (this == BASIC && auth instanceof Auth.Basic b) {
      return b.password();
    }
    if (this == API_KEY && auth instanceof Auth.ApiKey k) {
      return k.key();
    }
    if (this == BEARER && auth instanceof Auth.Bearer t) {
      return t.token();
    }
    return null;
  }

  Auth auth(String user, String secret) {
    switch (this) {
      case BASIC:
        return new Auth.Basic(user, secret);
      case API_KEY:
        return new Auth.ApiKey(secret);
      case BEARER:
        return new Auth.Bearer(secret);
      default:
        return new Auth.None();
    }
  }

  @Override
  public String toString() {
    return label;
  }
}
