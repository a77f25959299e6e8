package org.hopscope.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.config.Keychain.KeychainException;
import org.hopscope.faults.Fault;
import org.hopscope.model.connection.Auth;
import org.junit.jupiter.api.Test;

/**
 * A profile's secret kept in the OS keychain ({@code password: {keychain: true}}): the file format,
 * when the keychain is read (only when the secret is used), precedence of the environment, and the
 * errors when the keychain has no entry or cannot be used. The keychain here is an in-memory fake;
 * OsKeychainSecretServiceTest runs against a real Secret Service.
 */
@Fault(Fault.Area.SECRETS)
class KeychainProfileTest {

  private static final String KEYCHAIN_PROFILE =
      """
      elasticsearch:
        url: https://es.example:9200
        user: hopscope
        password: {keychain: true}
      prometheus:
        url: https://prom.example:9090
        token: {keychain: true}
      """;

  /** An in-memory keychain that records what was asked; {@code failure} makes every call fail. */
  static final class FakeKeychain implements Keychain {
    final Map<String, String> entries = new HashMap<>();
    final List<String> reads = new ArrayList<>();
    KeychainException failure;

    @Override
    public String unavailableReason() {
      return failure == null ? null : failure.getMessage();
    }

    @Override
    public String read(String account) {
      reads.add(account);
      if (failure != null) {
        throw failure;
      }
      String s = entries.get(account);
      if (s == null) {
        throw new KeychainException(
            KeychainException.Kind.MISSING, "no entry Hopscope / " + account);
      }
      return s;
    }

    @Override
    public void write(String account, String secret) {
      entries.put(account, secret);
    }

    @Override
    public boolean delete(String account) {
      return entries.remove(account) != null;
    }
  }

  private final FakeKeychain keychain = new FakeKeychain();

  private static ConnectionProfile read(String yaml) {
    return ProfileFormat.read("prod", yaml, "prod.yaml", Path.of("/cfg/profiles"));
  }

  private ResolvedConnection resolve(Map<String, String> env, ConnectionFlags flags) {
    return new ProfileResolver(keychain).resolve(read(KEYCHAIN_PROFILE), env, flags);
  }

  @Test
  void theFileSaysWhereTheSecretLivesAndWritesItBackTheSame() {
    ConnectionProfile p = read(KEYCHAIN_PROFILE);

    assertThat(p.keychain())
        .containsExactlyInAnyOrder(
            new SecretSlot("elasticsearch", "password"), new SecretSlot("prometheus", "token"));
    String written = ProfileFormat.write(p);
    assertThat(written)
        .contains("  password: {keychain: true}\n")
        .contains("  token: {keychain: true}\n");
    assertThat(read(written)).isEqualTo(p);
  }

  @Test
  void theSecretIsReadFromTheKeychainWhenUsed() {
    keychain.entries.put("prod/elasticsearch/password", "from-keychain");
    keychain.entries.put("prod/prometheus/token", "tok");

    ResolvedConnection c = resolve(Map.of(), ConnectionFlags.NONE);

    assertThat(c.profile().elasticsearch().auth())
        .isEqualTo(new Auth.Basic("hopscope", "from-keychain"));
    assertThat(c.profile().prometheus().auth()).isEqualTo(new Auth.Bearer("tok"));
  }

  @Test
  void anEnvironmentVariableWinsAndTheKeychainIsNotAsked() {
    keychain.failure =
        new KeychainException(KeychainException.Kind.UNAVAILABLE, "no OS keychain found");

    ResolvedConnection c =
        resolve(
            Map.of("HOPSCOPE_ES_PASSWORD", "from-env", "HOPSCOPE_PROMETHEUS_TOKEN", "env-tok"),
            ConnectionFlags.NONE);

    assertThat(c.profile().elasticsearch().auth())
        .isEqualTo(new Auth.Basic("hopscope", "from-env"));
    assertThat(c.profile().prometheus().auth()).isEqualTo(new Auth.Bearer("env-tok"));
    assertThat(keychain.reads).isEmpty();
  }

  @Test
  void anotherServerGetsNoProfileCredentialsSoTheKeychainIsNotAsked() {
    keychain.entries.put("prod/prometheus/token", "tok");

    ResolvedConnection c =
        resolve(Map.of(), new ConnectionFlags(null, "https://other.example:9200", null, null));

    assertThat(c.profile().elasticsearch().auth()).isEqualTo(new Auth.None());
    assertThat(keychain.reads).containsExactly("prod/prometheus/token");
  }

  @Test
  void aMissingEntryIsAnErrorNamingTheProfileAndTheFixNeverAnEmptyPassword() {
    keychain.entries.put("prod/prometheus/token", "tok");

    assertThatThrownBy(() -> resolve(Map.of(), ConnectionFlags.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "profile 'prod': the elasticsearch password is kept in the OS keychain (password:"
                + " {keychain: true}) but the keychain has no entry Hopscope /"
                + " prod/elasticsearch/password; store it with: hopscope profile secret set prod"
                + " --elasticsearch (or in the client's profiles dialog), or set"
                + " HOPSCOPE_ES_PASSWORD for this session");
  }

  @Test
  void anUnavailableKeychainIsAnErrorSayingWhyAndWhatToDo() {
    keychain.failure =
        new KeychainException(KeychainException.Kind.UNAVAILABLE, "no OS keychain found");

    assertThatThrownBy(() -> resolve(Map.of("HOPSCOPE_ES_PASSWORD", "pw"), ConnectionFlags.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "profile 'prod': the prometheus token is kept in the OS keychain (token:"
                + " {keychain: true}) but it cannot be read: no OS keychain found; store it with:"
                + " hopscope profile secret set prod --prometheus (or in the client's profiles"
                + " dialog), or set HOPSCOPE_PROMETHEUS_TOKEN for this session");
  }

  @Test
  void anEmptyEntryIsRefused() {
    keychain.entries.put("prod/elasticsearch/password", "");

    assertThatThrownBy(() -> resolve(Map.of(), ConnectionFlags.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "the elasticsearch password is kept in the OS keychain but its entry Hopscope /"
                + " prod/elasticsearch/password is empty");
  }

  @Test
  void keychainFalseIsALocatedError() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    elasticsearch:
                      url: https://es.example:9200
                      user: u
                      password: {keychain: false}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "prod.yaml:4:13: elasticsearch 'password': expected {keychain: true} (the secret is"
                + " in the OS keychain) or the secret itself");
  }
}
