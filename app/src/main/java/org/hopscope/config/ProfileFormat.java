package org.hopscope.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.model.connection.Tls;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The YAML form of a {@link ConnectionProfile} (see {@code docs/connection-profiles.md}):
 *
 * <pre>
 * elasticsearch:
 *   url: https://es.example:9200
 *   auth: basic              # none | basic | apiKey | bearer (default: from the keys given)
 *   user: hopscope
 *   password: "..."          # or {keychain: true}: kept in the OS keychain (ADR 0020)
 *   tls: {ca: /etc/ssl/corp-ca.pem, insecure: false, clientCert: c.pem, clientKey: k.pem}
 *   connectTimeout: 5s
 *   requestTimeout: 30s
 * prometheus:
 *   url: http://prometheus.example:9090
 * alertmanager:             # optional: where the alerts are (same keys as prometheus)
 *   url: http://alertmanager.example:9093
 * pathsDir: /srv/hopscope/queries
 * </pre>
 *
 * Relative file paths are relative to the profile's folder.
 */
final class ProfileFormat {

  static final List<String> PROFILE =
      List.of("elasticsearch", "prometheus", "alertmanager", "pathsDir");
  static final List<String> ENDPOINT =
      List.of(
          "url",
          "auth",
          "user",
          "password",
          "apiKey",
          "token",
          "tls",
          "connectTimeout",
          "requestTimeout");
  static final List<String> TLS = List.of("ca", "insecure", "clientCert", "clientKey");

  private ProfileFormat() {}

  /**
   * Reads profile {@code name} from {@code text}; messages name {@code origin}, relative paths are
   * relative to {@code baseDir}. A {@link ConfigException} holds every problem.
   */
  static ConnectionProfile read(String name, String text, String origin, Path baseDir) {
    Problems problems = new Problems(origin);
    ConnectionProfile profile =
        YamlFile.compose(text, problems)
            .map(root -> profile(name, root, baseDir, problems))
            .orElse(null);
    if (!problems.isEmpty() || profile == null) {
      throw new ConfigException(problems.sorted());
    }
    return profile;
  }

  private static ConnectionProfile profile(
      String name, Node root, Path baseDir, Problems problems) {
    YamlMap top = YamlMap.of(root, "profile '" + name + "'", PROFILE, problems);
    if (top == null) {
      return null;
    }
    Set<SecretSlot> keychain = new HashSet<>();
    Node esNode = top.require("elasticsearch", "a mapping with at least url");
    Endpoint es =
        esNode == null ? null : endpoint(esNode, "elasticsearch", baseDir, keychain, problems);
    Endpoint prometheus =
        top.has("prometheus")
            ? endpoint(top.get("prometheus"), "prometheus", baseDir, keychain, problems)
            : null;
    Endpoint alertmanager =
        top.has("alertmanager")
            ? endpoint(top.get("alertmanager"), "alertmanager", baseDir, keychain, problems)
            : null;
    String paths = top.string("pathsDir", "a directory of path definitions");
    return es == null
        ? null
        : new ConnectionProfile(
            name, es, prometheus, resolve(baseDir, paths), keychain, alertmanager);
  }

  private static Endpoint endpoint(
      Node node, String what, Path baseDir, Set<SecretSlot> keychain, Problems problems) {
    YamlMap e = YamlMap.of(node, what, ENDPOINT, problems);
    if (e == null) {
      return null;
    }
    int before = problems.count();
    String urlText = e.requireString("url", "an http(s) URL such as https://es.example:9200");
    URI url = e.parsed("url", urlText, ProfileFormat::checkedUrl);
    Auth auth = auth(e, keychain, problems);
    Tls tls = Tls.SYSTEM;
    if (e.has("tls")) {
      YamlMap t = YamlMap.of(e.get("tls"), what + " tls", TLS, problems);
      if (t != null) {
        Boolean insecure = t.bool("insecure");
        Path clientCert = resolve(baseDir, t.string("clientCert", "a client certificate PEM file"));
        Path clientKey = resolve(baseDir, t.string("clientKey", "a private key PEM file"));
        if ((clientCert == null) != (clientKey == null)) {
          problems.at(t.node(), what + " tls: set clientCert and clientKey together (mutual TLS)");
        } else {
          tls =
              new Tls(
                  resolve(baseDir, t.string("ca", "a CA certificate PEM file")),
                  Boolean.TRUE.equals(insecure),
                  clientCert,
                  clientKey);
        }
        if (url != null && !"https".equals(url.getScheme())) {
          problems.at(e.get("tls"), what + " tls: TLS settings need an https url, got " + url);
        }
      }
    }
    Duration connect = duration(e, "connectTimeout", Endpoint.DEFAULT_CONNECT_TIMEOUT);
    Duration request = duration(e, "requestTimeout", Endpoint.DEFAULT_REQUEST_TIMEOUT);
    return problems.count() == before && url != null && auth != null
        ? new Endpoint(url, auth, tls, connect, request)
        : null;
  }

  /** {@code text} as a base URL; an {@link IllegalArgumentException} says what is wrong. */
  static URI checkedUrl(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException ex) {
      throw new IllegalArgumentException("'" + text + "' is not a URL: " + ex.getReason(), ex);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "expected an http or https URL with a host, such as https://es.example:9200, got '"
              + text
              + "'");
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "credentials do not belong in the URL; set user and password (or apiKey, token)");
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException("expected a base URL without ?query or #fragment");
    }
    return uri;
  }

  private static Auth auth(YamlMap e, Set<SecretSlot> keychain, Problems problems) {
    String user = e.string("user", "a user name");
    String password = secret(e, "password", "a password", keychain);
    String apiKey = secret(e, "apiKey", "an encoded API key", keychain);
    String token = secret(e, "token", "a bearer token", keychain);
    List<String> given = Stream.of("user", "password", "apiKey", "token").filter(e::has).toList();
    String kind = e.string("auth", "none, basic, apiKey or bearer");
    if (kind == null) {
      kind =
          e.has("apiKey")
              ? "apiKey"
              : e.has("token") ? "bearer" : e.has("user") || e.has("password") ? "basic" : "none";
    }
    List<String> needed =
        switch (kind) {
          case "none" -> List.of();
          case "basic" -> List.of("user", "password");
          case "apiKey" -> List.of("apiKey");
          case "bearer" -> List.of("token");
          default -> null;
        };
    Node at = e.has("auth") ? e.get("auth") : e.node();
    if (needed == null) {
      problems.at(at, "'auth': expected none, basic, apiKey or bearer, got '" + kind + "'");
      return null;
    }
    List<String> missing = needed.stream().filter(k -> !e.has(k)).toList();
    List<String> extra = given.stream().filter(k -> !needed.contains(k)).toList();
    if (!missing.isEmpty() || !extra.isEmpty()) {
      problems.at(
          at,
          e.what()
              + ": auth "
              + kind
              + (missing.isEmpty() ? "" : " needs " + String.join(" and ", missing))
              + (!missing.isEmpty() && !extra.isEmpty() ? "; " : "")
              + (extra.isEmpty() ? "" : " does not use " + String.join(", ", extra)));
      return null;
    }
    // a null value here is not a string: reported by YamlMap.string
    return switch (kind) {
      case "basic" -> user == null || password == null ? null : new Auth.Basic(user, password);
      case "apiKey" -> apiKey == null ? null : new Auth.ApiKey(apiKey);
      case "bearer" -> token == null ? null : new Auth.Bearer(token);
      default -> new Auth.None();
    };
  }

  /**
   * The secret at {@code key}: its text, or "" when it is {@code {keychain: true}} (the slot is
   * added to {@code keychain}); null when absent or wrong (reported).
   */
  private static String secret(YamlMap e, String key, String expected, Set<SecretSlot> keychain) {
    if (!(e.get(key) instanceof MappingNode node)) {
      return e.string(key, expected + " or {keychain: true}");
    }
    YamlMap where = YamlMap.of(node, e.what() + " " + key, List.of("keychain"), e.problems());
    if (where == null) {
      return null;
    }
    if (!Boolean.TRUE.equals(where.bool("keychain"))) {
      e.problems()
          .at(
              node,
              e.what()
                  + " '"
                  + key
                  + "': expected {keychain: true} (the secret is in the OS keychain) or the"
                  + " secret itself");
      return null;
    }
    keychain.add(new SecretSlot(e.what(), key));
    return "";
  }

  private static Duration duration(YamlMap e, String key, Duration fallback) {
    Duration d = e.parsed(key, e.string(key, DurationText.EXPECTED), DurationText::parse);
    return d == null ? fallback : d;
  }

  private static Path resolve(Path baseDir, String path) {
    return path == null ? null : baseDir.resolve(path).normalize();
  }

  /** The YAML text of {@code profile}; {@link #read} gives it back. */
  static String write(ConnectionProfile profile) {
    StringBuilder out = new StringBuilder();
    out.append("# Hopscope connection profile '")
        .append(profile.name())
        .append("' (docs/connection-profiles.md)\n");
    endpoint(out, "elasticsearch", profile.elasticsearch(), profile);
    if (profile.prometheus() != null) {
      endpoint(out, "prometheus", profile.prometheus(), profile);
    }
    if (profile.alertmanager() != null) {
      endpoint(out, "alertmanager", profile.alertmanager(), profile);
    }
    if (profile.pathsDir() != null) {
      out.append("pathsDir: ").append(quoted(profile.pathsDir().toString())).append('\n');
    }
    return out.toString();
  }

  private static void endpoint(
      StringBuilder out, String key, Endpoint e, ConnectionProfile profile) {
    out.append(key).append(":\n");
    line(out, "  ", "url", e.url().toString());
    line(out, "  ", "auth", e.auth().kind());
    if (e.auth() instanceof Auth.Basic b) {
      line(out, "  ", "user", b.user());
      secretLine(out, profile, key, "password", b.password());
    } else if (e.auth() instanceof Auth.ApiKey k) {
      secretLine(out, profile, key, "apiKey", k.key());
    } else if (e.auth() instanceof Auth.Bearer t) {
      secretLine(out, profile, key, "token", t.token());
    }
    if (e.tls().custom()) {
      out.append("  tls:\n");
      if (e.tls().caPem() != null) {
        line(out, "    ", "ca", e.tls().caPem().toString());
      }
      out.append("    insecure: ").append(e.tls().insecure()).append('\n');
      if (e.tls().clientCertPem() != null) {
        line(out, "    ", "clientCert", e.tls().clientCertPem().toString());
        line(out, "    ", "clientKey", e.tls().clientKeyPem().toString());
      }
    }
    out.append("  connectTimeout: ").append(DurationText.format(e.connectTimeout())).append('\n');
    out.append("  requestTimeout: ").append(DurationText.format(e.requestTimeout())).append('\n');
  }

  private static void secretLine(
      StringBuilder out, ConnectionProfile profile, String endpoint, String key, String value) {
    if (profile.inKeychain(endpoint, key)) {
      out.append("  ").append(key).append(": {keychain: true}\n");
    } else {
      line(out, "  ", key, value);
    }
  }

  private static void line(StringBuilder out, String indent, String key, String value) {
    out.append(indent).append(key).append(": ").append(quoted(value)).append('\n');
  }

  /** A YAML double-quoted scalar: any text, including quotes, backslashes and line breaks. */
  static String quoted(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> q.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : c);
      }
    }
    return q.append('"').toString();
  }
}
