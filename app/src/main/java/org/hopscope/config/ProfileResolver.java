package org.hopscope.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.hopscope.model.Notice;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.model.connection.Tls;

/**
 * Merges connection settings: profile file &lt; environment variables &lt; command-line flags.
 * Pure: the environment and the flags are parameters.
 *
 * <p>Environment variables, for {@code ES} and likewise {@code PROMETHEUS}: {@code
 * HOPSCOPE_ES_URL}, {@code _USER}, {@code _PASSWORD}, {@code _API_KEY}, {@code _TOKEN}, {@code _CA}
 * (PEM file), {@code _INSECURE} (true/false), {@code _CLIENT_CERT}, {@code _CLIENT_KEY}, {@code
 * _CONNECT_TIMEOUT}, {@code _REQUEST_TIMEOUT} (e.g. 5s); {@code HOPSCOPE_PROFILE}, {@code
 * HOPSCOPE_PATHS_DIR}. Empty values count as unset.
 *
 * <p>Credentials go with their URL: when the environment or a flag points an endpoint at another
 * server (scheme, host or port) than the profile, the profile's authentication and TLS files are
 * not used there (a warning says so); the environment's own settings still apply.
 *
 * <p>A secret the profile keeps in the OS keychain ({@code password: {keychain: true}}) is read
 * from it only when used: not when an environment variable gives that secret, nor when the endpoint
 * points at another server. Precedence for a secret: flags (none carry secrets) &gt; environment
 * variable &gt; profile (file or keychain).
 */
public final class ProfileResolver {

  private final KeychainSecrets keychain;

  /** A resolver reading keychain-held secrets from the OS keychain. */
  public ProfileResolver() {
    this(new OsKeychain());
  }

  /** A resolver reading keychain-held secrets from {@code keychain}. */
  public ProfileResolver(Keychain keychain) {
    this.keychain = new KeychainSecrets(keychain);
  }

  /** Profile name used when no profile file took part. */
  public static final String NO_PROFILE = "(environment)";

  /** The profile to load: {@code --profile}, else {@code HOPSCOPE_PROFILE}, else none. */
  public Optional<String> profileName(Map<String, String> env, ConnectionFlags flags) {
    return Optional.ofNullable(
        present(flags.profile()) ? flags.profile() : value(env, "HOPSCOPE_PROFILE"));
  }

  /**
   * The settings to run with; {@code profile} is null when none was chosen.
   *
   * @throws ConfigException naming the variable or flag that is wrong, when no Elasticsearch URL is
   *     given anywhere, or when a secret kept in the OS keychain cannot be read (naming the profile
   *     and what to do)
   */
  public ResolvedConnection resolve(
      ConnectionProfile profile, Map<String, String> env, ConnectionFlags flags) {
    List<Notice> notices = new ArrayList<>();
    String name = profile == null ? NO_PROFILE : profile.name();
    Endpoint es =
        endpoint(
            "Elasticsearch",
            profile,
            "elasticsearch",
            env,
            "HOPSCOPE_ES_",
            flags.elasticsearchUrl(),
            "--es",
            notices);
    if (es == null) {
      throw new ConfigException(
          "Elasticsearch",
          "no Elasticsearch URL: pass --es URL or --profile NAME, or set HOPSCOPE_ES_URL");
    }
    Endpoint prometheus =
        endpoint(
            "Prometheus",
            profile,
            "prometheus",
            env,
            "HOPSCOPE_PROMETHEUS_",
            flags.prometheusUrl(),
            "--prometheus",
            notices);
    Path paths = path(env, "HOPSCOPE_PATHS_DIR", profile == null ? null : profile.pathsDir());
    if (present(flags.pathsDir())) {
      paths = Path.of(flags.pathsDir());
    }
    Endpoint alertmanager =
        endpoint(
            "Alertmanager",
            profile,
            "alertmanager",
            env,
            "HOPSCOPE_ALERTMANAGER_",
            null,
            "HOPSCOPE_ALERTMANAGER_URL",
            notices);
    return new ResolvedConnection(
        new ConnectionProfile(name, es, prometheus, paths).withAlertmanager(alertmanager), notices);
  }

  private Endpoint endpoint(
      String server,
      ConnectionProfile profile,
      String endpointKey,
      Map<String, String> env,
      String prefix,
      String flagUrl,
      String flag,
      List<Notice> notices) {
    String profileName = profile == null ? NO_PROFILE : profile.name();
    Endpoint fromProfile =
        profile == null
            ? null
            : switch (endpointKey) {
              case "elasticsearch" -> profile.elasticsearch();
              case "alertmanager" -> profile.alertmanager();
              default -> profile.prometheus();
            };
    URI url = fromProfile == null ? null : fromProfile.url();
    String urlSource = "profile '" + profileName + "'";
    if (value(env, prefix + "URL") != null) {
      url = url(value(env, prefix + "URL"), prefix + "URL");
      urlSource = prefix + "URL";
    }
    if (present(flagUrl)) {
      url = url(flagUrl, flag);
      urlSource = flag;
    }
    if (url == null) {
      return null;
    }
    Endpoint base = Endpoint.of(url);
    boolean same = fromProfile != null && sameServer(fromProfile.url(), url);
    if (fromProfile != null) {
      base =
          new Endpoint(
              url,
              same ? fromProfile.auth() : new Auth.None(),
              same ? fromProfile.tls() : Tls.SYSTEM,
              fromProfile.connectTimeout(),
              fromProfile.requestTimeout());
      if (!same && (!(fromProfile.auth() instanceof Auth.None) || fromProfile.tls().custom())) {
        notices.add(
            new Notice.CredentialsWithheld(
                server, profileName, fromProfile.url().toString(), url.toString(), urlSource));
      }
    }
    Endpoint merged = keychain.fill(overlay(base, env, prefix), profile, endpointKey, same, env);
    if (merged.tls().insecure()) {
      notices.add(new Notice.TlsVerificationOff(server, url.toString()));
    }
    return merged;
  }

  private Endpoint overlay(Endpoint base, Map<String, String> env, String prefix) {
    String user = value(env, prefix + "USER");
    String password = value(env, prefix + "PASSWORD");
    String apiKey = value(env, prefix + "API_KEY");
    String token = value(env, prefix + "TOKEN");
    List<String> kinds =
        Stream.of(
                user != null ? "USER" : password != null ? "PASSWORD" : null,
                apiKey != null ? "API_KEY" : null,
                token != null ? "TOKEN" : null)
            .filter(Objects::nonNull)
            .map(prefix::concat)
            .toList();
    if (kinds.size() > 1) {
      throw new ConfigException(
          String.join(", ", kinds), "several kinds of authentication are set; keep one of them");
    }
    Auth auth = base.auth();
    if (apiKey != null) {
      auth = new Auth.ApiKey(apiKey);
    } else if (token != null) {
      auth = new Auth.Bearer(token);
    } else if (user != null || password != null) {
      Auth.Basic known = base.auth() instanceof Auth.Basic b ? b : null;
      String basicUser = user != null ? user : known == null ? null : known.user();
      String basicPassword = password != null ? password : known == null ? null : known.password();
      if (basicUser == null || basicPassword == null) {
        String lacking = basicUser == null ? "USER" : "PASSWORD";
        throw new ConfigException(
            prefix + lacking,
            "basic authentication needs a user and a password; set "
                + prefix
                + lacking
                + " too (or put it in the profile)");
      }
      auth = new Auth.Basic(basicUser, basicPassword);
    }
    Tls t = base.tls();
    Path clientCert = path(env, prefix + "CLIENT_CERT", t.clientCertPem());
    Path clientKey = path(env, prefix + "CLIENT_KEY", t.clientKeyPem());
    if ((clientCert == null) != (clientKey == null)) {
      throw new ConfigException(
          prefix + "CLIENT_CERT, " + prefix + "CLIENT_KEY",
          "a client certificate needs its key and the key its certificate; set both");
    }
    Tls tls =
        new Tls(
            path(env, prefix + "CA", t.caPem()),
            bool(env, prefix + "INSECURE", t.insecure()),
            clientCert,
            clientKey);
    return new Endpoint(
        base.url(),
        auth,
        tls,
        duration(env, prefix + "CONNECT_TIMEOUT", base.connectTimeout()),
        duration(env, prefix + "REQUEST_TIMEOUT", base.requestTimeout()));
  }

  private static boolean sameServer(URI a, URI b) {
    return a.getScheme().equals(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
  }

  private static URI url(String text, String where) {
    try {
      return ProfileFormat.checkedUrl(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where, e.getMessage());
    }
  }

  private static Path path(Map<String, String> env, String key, Path fallback) {
    String v = value(env, key);
    return v == null ? fallback : Path.of(v);
  }

  private static boolean bool(Map<String, String> env, String key, boolean fallback) {
    String v = value(env, key);
    if (v == null) {
      return fallback;
    }
    return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new ConfigException(key, "expected true or false, got '" + v + "'");
    };
  }

  private static Duration duration(Map<String, String> env, String key, Duration fallback) {
    String v = value(env, key);
    if (v == null) {
      return fallback;
    }
    try {
      return DurationText.parse(v.strip());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, e.getMessage());
    }
  }

  private static String value(Map<String, String> env, String key) {
    String v = env.get(key);
    return present(v) ? v : null;
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
