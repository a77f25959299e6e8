package org.hopscope.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hopscope.faults.Fault;
import org.hopscope.model.Notice;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.model.connection.Tls;
import org.junit.jupiter.api.Test;

class ProfileResolverTest {

  private final ProfileResolver resolver = new ProfileResolver();

  private static final ConnectionProfile PROFILE =
      new ConnectionProfile(
          "prod",
          new Endpoint(
              URI.create("https://es.prod:9200"),
              new Auth.Basic("reader", "from-file"),
              new Tls(Path.of("/etc/ca.pem"), false, null, null),
              Duration.ofSeconds(2),
              Duration.ofSeconds(20)),
          Endpoint.of(URI.create("http://prom.prod:9090")),
          Path.of("/srv/queries"));

  private static ConnectionFlags esFlag(String url) {
    return new ConnectionFlags(null, url, null, null);
  }

  @Test
  void profileAloneIsUsedAsIs() {
    ResolvedConnection r = resolver.resolve(PROFILE, Map.of(), ConnectionFlags.NONE);

    assertThat(r.profile()).isEqualTo(PROFILE);
    assertThat(r.notices()).isEmpty();
  }

  @Test
  void environmentOverridesTheProfileAndFlagsOverrideTheEnvironment() {
    Map<String, String> env =
        Map.of(
            "HOPSCOPE_ES_URL", "https://es.prod:9200/",
            "HOPSCOPE_ES_PASSWORD", "from-env",
            "HOPSCOPE_ES_REQUEST_TIMEOUT", "1m",
            "HOPSCOPE_PROMETHEUS_URL", "http://prom.env:9090",
            "HOPSCOPE_PROMETHEUS_TOKEN", "t",
            "HOPSCOPE_PATHS_DIR", "/env/queries");

    ConnectionProfile envOnly = resolver.resolve(PROFILE, env, ConnectionFlags.NONE).profile();
    assertThat(envOnly.elasticsearch())
        .isEqualTo(
            new Endpoint(
                URI.create("https://es.prod:9200/"),
                new Auth.Basic("reader", "from-env"),
                new Tls(Path.of("/etc/ca.pem"), false, null, null),
                Duration.ofSeconds(2),
                Duration.ofMinutes(1)));
    assertThat(envOnly.prometheus().url()).isEqualTo(URI.create("http://prom.env:9090"));
    assertThat(envOnly.prometheus().auth()).isEqualTo(new Auth.Bearer("t"));
    assertThat(envOnly.pathsDir()).isEqualTo(Path.of("/env/queries"));

    ConnectionProfile flagged =
        resolver
            .resolve(
                PROFILE,
                env,
                new ConnectionFlags(null, null, "http://prom.flag:9090", "/flag/queries"))
            .profile();
    assertThat(flagged.prometheus().url()).isEqualTo(URI.create("http://prom.flag:9090"));
    assertThat(flagged.prometheus().auth()).isEqualTo(new Auth.Bearer("t"));
    assertThat(flagged.pathsDir()).isEqualTo(Path.of("/flag/queries"));
    assertThat(flagged.name()).isEqualTo("prod");
  }

  @Test
  @Fault(Fault.Area.SECRETS)
  void profileCredentialsAreNotSentToAnotherServer() {
    ResolvedConnection r = resolver.resolve(PROFILE, Map.of(), esFlag("https://es.other:9200"));

    assertThat(r.profile().elasticsearch().auth()).isEqualTo(new Auth.None());
    assertThat(r.profile().elasticsearch().tls()).isEqualTo(Tls.SYSTEM);
    assertThat(r.profile().elasticsearch().requestTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(r.notices())
        .extracting(Notice::text)
        .containsExactly(
            "Elasticsearch: the credentials and TLS settings of profile 'prod' are for"
                + " https://es.prod:9200; not used for https://es.other:9200 (from --es)");
  }

  @Test
  void withoutProfileTheEnvironmentAndFlagsSuffice() {
    Map<String, String> env =
        Map.of(
            "HOPSCOPE_ES_API_KEY", "k",
            "HOPSCOPE_ES_CA", "/ca.pem",
            "HOPSCOPE_ES_INSECURE", "true",
            "HOPSCOPE_ES_CLIENT_CERT", "/me.pem",
            "HOPSCOPE_ES_CLIENT_KEY", "/me.key",
            "HOPSCOPE_PROMETHEUS_URL", "");

    ResolvedConnection r = resolver.resolve(null, env, esFlag("https://127.0.0.1:19200"));

    assertThat(r.profile())
        .isEqualTo(
            new ConnectionProfile(
                ProfileResolver.NO_PROFILE,
                new Endpoint(
                    URI.create("https://127.0.0.1:19200"),
                    new Auth.ApiKey("k"),
                    new Tls(Path.of("/ca.pem"), true, Path.of("/me.pem"), Path.of("/me.key")),
                    Endpoint.DEFAULT_CONNECT_TIMEOUT,
                    Endpoint.DEFAULT_REQUEST_TIMEOUT),
                null,
                null));
    assertThat(r.notices())
        .extracting(Notice::text)
        .containsExactly(
            "Elasticsearch: TLS certificate verification is OFF for https://127.0.0.1:19200"
                + " (insecure); anyone on the network path can read and change the traffic");
  }

  @Test
  void profileNameComesFromTheFlagThenTheEnvironment() {
    Map<String, String> env = Map.of("HOPSCOPE_PROFILE", "staging");
    assertThat(resolver.profileName(env, new ConnectionFlags("prod", null, null, null)))
        .contains("prod");
    assertThat(resolver.profileName(env, ConnectionFlags.NONE)).contains("staging");
    assertThat(resolver.profileName(Map.of(), ConnectionFlags.NONE)).isEmpty();
  }

  @Test
  void errorsNameTheVariableOrFlag() {
    assertThatThrownBy(() -> resolver.resolve(null, Map.of(), ConnectionFlags.NONE))
        .hasMessage(
            "Elasticsearch: no Elasticsearch URL: pass --es URL or --profile NAME, or set"
                + " HOPSCOPE_ES_URL");
    assertThatThrownBy(() -> resolver.resolve(null, Map.of(), esFlag("es:9200")))
        .hasMessage(
            "--es: expected an http or https URL with a host, such as https://es.example:9200,"
                + " got 'es:9200'");
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    PROFILE,
                    Map.of("HOPSCOPE_ES_TOKEN", "t", "HOPSCOPE_ES_USER", "u"),
                    ConnectionFlags.NONE))
        .hasMessage(
            "HOPSCOPE_ES_USER, HOPSCOPE_ES_TOKEN: several kinds of authentication are set; keep"
                + " one of them");
    assertThatThrownBy(
            () -> resolver.resolve(null, Map.of("HOPSCOPE_ES_USER", "u"), esFlag("http://x:1")))
        .hasMessage(
            "HOPSCOPE_ES_PASSWORD: basic authentication needs a user and a password; set"
                + " HOPSCOPE_ES_PASSWORD too (or put it in the profile)");
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    PROFILE, Map.of("HOPSCOPE_ES_CONNECT_TIMEOUT", "soon"), ConnectionFlags.NONE))
        .hasMessage(
            "HOPSCOPE_ES_CONNECT_TIMEOUT: expected a duration such as 5s, 2m, 1h or 250ms (units"
                + " ms, s, m, h, d; e.g. 1h30m), got 'soon'");
  }
}
