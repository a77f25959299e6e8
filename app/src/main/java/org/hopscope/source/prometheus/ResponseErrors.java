package org.hopscope.source.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.hopscope.model.connection.Auth;
import org.hopscope.source.SourceException;
import org.hopscope.source.SourceException.Kind;

/** Turns failed calls and error answers into {@link SourceException}s a user can act on. */
final class ResponseErrors {

  private static final Pattern TITLE =
      Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

  private final PrometheusSettings settings;
  private final ObjectMapper json;
  private final String url;
  private final String name;

  ResponseErrors(PrometheusSettings settings, ObjectMapper json) {
    this(settings, json, PrometheusHttp.SOURCE);
  }

  /** Errors about the backend called {@code name} ({@code Prometheus}, {@code Alertmanager}). */
  ResponseErrors(PrometheusSettings settings, ObjectMapper json, String name) {
    this.settings = settings;
    this.json = json;
    this.url = settings.url().toString();
    this.name = name;
  }

  /** The root of a 2xx answer that must be JSON (Alertmanager's API has no status envelope). */
  JsonNode parseJson(HttpResponse<String> response) {
    String body = response.body();
    try {
      if (body != null && !body.isBlank()) {
        return json.readTree(body);
      }
    } catch (IOException e) {
      // not JSON: said below
    }
    throw error(
        Kind.REJECTED,
        " answered HTTP "
            + response.statusCode()
            + " with something that is not "
            + name
            + " API JSON ("
            + summary(body)
            + "); is the URL right, including a path prefix?",
        null);
  }

  /** The root of a 2xx answer that must be Prometheus API JSON with {@code status: success}. */
  JsonNode parseSuccess(HttpResponse<String> response) {
    JsonNode root = errorJson(response.body());
    if (root == null || !"success".equals(root.path("status").asText())) {
      throw error(
          Kind.REJECTED,
          " answered HTTP "
              + response.statusCode()
              + " with something that is not "
              + name
              + " API JSON ("
              + summary(response.body())
              + "); is the URL right, including a path prefix such as /prometheus?",
          null);
    }
    return root;
  }

  /** True for Prometheus' own query timeout (503, errorType timeout): retrying would not help. */
  boolean isQueryTimeout(HttpResponse<String> response) {
    JsonNode root = errorJson(response.body());
    return root != null && "timeout".equals(root.path("errorType").asText());
  }

  /** The {@code Retry-After} header in seconds, capped at 10 s. */
  Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .filter(v -> v.strip().matches("[0-9]{1,6}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v.strip())))
        .map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
  }

  /** How this backend is named in a command's record of silent backends. */
  String backend() {
    return name + " at " + url;
  }

  /** True for a failure that means the backend did not answer in time (connect or request). */
  static boolean isTimeout(Throwable failure) {
    return find(failure, HttpTimeoutException.class) != null;
  }

  /**
   * A non-2xx answer.
   *
   * @param attempts how many were made
   * @param wouldWait the retry's wait that would have passed the deadline, or null
   */
  SourceException failure(
      HttpResponse<String> response, String promql, int attempts, Duration wouldWait) {
    int status = response.statusCode();
    JsonNode error = errorJson(response.body());
    String after =
        wouldWait != null
            ? " (after "
                + attempts
                + (attempts == 1 ? " attempt" : " attempts")
                + "; not retried after "
                + wouldWait.toMillis()
                + " ms: that would pass the request timeout of "
                + seconds(settings.requestTimeout())
                + ")"
            : attempts > 1 ? " (after " + attempts + " attempts)" : "";
    String sent = promql == null ? "" : "\nquery sent: " + promql;
    if (status == 401 || status == 403) {
      String said = error != null ? error.path("error").asText() : summary(response.body());
      return error(
          Kind.AUTH,
          (" refused the credentials (HTTP %s%s); check the profile's auth (%s is configured)"
                  + " and tenant headers")
              .formatted(status, said.isEmpty() ? "" : ": " + said, authKind()),
          null);
    }
    if (error != null && "error".equals(error.path("status").asText())) {
      return error(
          Kind.REJECTED,
          " rejected the query (%s): %s%s%s"
              .formatted(
                  error.path("errorType").asText(), error.path("error").asText(), after, sent),
          null);
    }
    boolean gateway = status == 502 || status == 503 || status == 504;
    return error(
        gateway ? Kind.UNREACHABLE : Kind.REJECTED,
        " answered HTTP "
            + status
            + after
            + ": "
            + summary(response.body())
            + (gateway
                ? " (a proxy or load balancer could not reach " + name + ")"
                : status == 404 ? " (is the URL right, including its path prefix?)" : "")
            + sent,
        null);
  }

  /** No (whole) answer within the request timeout: the backend went silent or trickles. */
  SourceException timeout(Throwable cause) {
    return error(
        Kind.UNREACHABLE,
        " did not answer within "
            + seconds(settings.requestTimeout())
            + " (request timeout); check that "
            + name
            + " is healthy, narrow the time range or raise the timeout (requestTimeout in the"
            + " profile, HOPSCOPE_"
            + name.toUpperCase(java.util.Locale.ROOT)
            + "_REQUEST_TIMEOUT)",
        cause);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** The request failed before an answer: connection, DNS, TLS, timeout. */
  SourceException unreachable(Throwable cause) {
    if (find(cause, HttpConnectTimeoutException.class) != null) {
      return unreachable(
          "no connection within "
              + seconds(settings.connectTimeout())
              + " (connect timeout); check the URL, that "
              + name
              + " is running there, and your VPN, proxy or firewall",
          cause);
    }
    if (find(cause, HttpTimeoutException.class) != null) {
      return timeout(cause);
    }
    Throwable ssl = find(cause, SSLException.class);
    if (ssl != null) {
      String msg = String.valueOf(ssl.getMessage());
      boolean untrusted =
          msg.contains("PKIX") || msg.contains("certification path") || msg.contains("trust");
      return unreachable(
          "TLS handshake failed: "
              + msg
              + (untrusted
                  ? "; the server's certificate is not signed by a CA this profile trusts:"
                      + " configure the CA certificate (PEM) of your "
                      + name
                      + " in the profile's"
                      + " TLS settings (caPem)"
                  : ""),
          cause);
    }
    if (find(cause, ConnectException.class) != null) {
      return unreachable(
          "connection refused; is " + name + " running there and the URL's port right?", cause);
    }
    if (find(cause, UnknownHostException.class) != null
        || find(cause, UnresolvedAddressException.class) != null) {
      return unreachable("host not found; check the URL", cause);
    }
    String detail = cause == null ? "unknown error" : cause.getClass().getSimpleName();
    if (cause != null && cause.getMessage() != null) {
      detail += ": " + cause.getMessage();
    }
    return unreachable("the request failed: " + detail, cause);
  }

  private SourceException unreachable(String what, Throwable cause) {
    return error(Kind.UNREACHABLE, " unreachable: " + what, cause);
  }

  /** An error about this Prometheus: {@code what} follows its URL. */
  private SourceException error(Kind kind, String what, Throwable cause) {
    return new SourceException(name, kind, name + " " + url + what, cause);
  }

  private String authKind() {
    Auth auth = settings.auth();
    return auth instanceof Auth.None ? "no auth" : auth.kind();
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private JsonNode errorJson(String body) {
    if (body == null || body.isBlank() || body.stripLeading().charAt(0) != '{') {
      return null;
    }
    try {
      JsonNode root = json.readTree(body);
      return root.isObject() && root.has("status") ? root : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** A short, single-line view of a non-JSON body (an HTML error page's title, or its text). */
  static String summary(String body) {
    if (body == null || body.isBlank()) {
      return "empty body";
    }
    Matcher title = TITLE.matcher(body);
    String text = title.find() ? title.group(1) : body.replaceAll("<[^>]*>", " ");
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
