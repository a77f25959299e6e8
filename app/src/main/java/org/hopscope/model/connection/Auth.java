package org.hopscope.model.connection;

import java.util.Objects;

/**
 * How Hopscope authenticates to a server (Elasticsearch or Prometheus); a closed set. Secrets never
 * appear in toString.
 */
public sealed interface Auth {

  /** The name profiles use: none, basic, apiKey, bearer. */
  String kind();

  /** No authentication: no {@code Authorization} header. */
  record None() implements Auth {
    @Override
    public String kind() {
      return "none";
    }
  }

  /** HTTP basic: user and password, neither null. */
  record Basic(String user, String password) implements Auth {
    public Basic {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String kind() {
      return "basic";
    }

    @Override
    public String toString() {
      return "Basic[user=" + user + ", password=***]";
    }
  }

  /**
   * An Elasticsearch API key ({@code Authorization: ApiKey ...}): the {@code encoded} value the
   * create-API-key call returns, or {@code id:api_key}; never null.
   */
  record ApiKey(String key) implements Auth {
    public ApiKey {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String kind() {
      return "apiKey";
    }

    @Override
    public String toString() {
      return "ApiKey[***]";
    }
  }

  /** A bearer token ({@code Authorization: Bearer ...}): service account, OAuth or JWT token. */
  record Bearer(String token) implements Auth {
    public Bearer {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String kind() {
      return "bearer";
    }

    @Override
    public String toString() {
      return "Bearer[***]";
    }
  }
}
