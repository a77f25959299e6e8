package org.hopscope.config;

/** How Hopscope authenticates to a server; a closed set. Secrets never appear in toString. */
public sealed interface Auth {

  /** The name profiles use: none, basic, apiKey, bearer. */
  String kind();

  /** No authentication. */
  record None() implements Auth {
    @Override
    public String kind() {
      return "none";
    }
  }

  /** HTTP basic: user and password. */
  record Basic(String user, String password) implements Auth {
    @Override
    public String kind() {
      return "basic";
    }

    @Override
    public String toString() {
      return "Basic[user=" + user + ", password=***]";
    }
  }

  /** Elasticsearch API key ({@code Authorization: ApiKey ...}), the encoded form. */
  record ApiKey(String key) implements Auth {
    @Override
    public String kind() {
      return "apiKey";
    }

    @Override
    public String toString() {
      return "ApiKey[***]";
    }
  }

  /** A bearer token ({@code Authorization: Bearer ...}). */
  record Bearer(String token) implements Auth {
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
