package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.transport.TransportException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.ResponseException;
import org.hopscope.source.SourceException;
import org.hopscope.source.SourceException.Kind;

/**
 * Turns what the client threw into a {@link SourceException} that names Elasticsearch, the URL,
 * what Elasticsearch said ({@code type}/{@code reason}) and what to do.
 */
final class ElasticErrors {

  static final String SOURCE = "Elasticsearch";

  private final String url;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final ObjectMapper json = new ObjectMapper();

  ElasticErrors(String url, Duration connectTimeout, Duration requestTimeout) {
    this.url = url;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
  }

  /** How this cluster is named in messages and in a command's record of silent backends. */
  String backend() {
    return SOURCE + " at " + url;
  }

  /** No (whole) answer to {@code what} within the request timeout: the cluster went silent. */
  SourceException timeout(String what, Throwable cause) {
    return error(
        Kind.UNREACHABLE,
        " did not answer "
            + what
            + " within "
            + seconds(requestTimeout)
            + " (request timeout). Check that the cluster is healthy, or raise the request"
            + " timeout (requestTimeout in the profile, HOPSCOPE_ES_REQUEST_TIMEOUT).",
        cause);
  }

  /** True for a failure that means the cluster did not answer in time (connect or request). */
  static boolean isTimeout(Throwable failure) {
    Throwable t = unwrap(failure);
    return find(t, SocketTimeoutException.class) != null || isConnectTimeout(t);
  }

  /**
   * True for a connect timeout. The async client reports one as a {@link ConnectException} "Timeout
   * connecting to [host]" (httpasyncclient's connection pool), not as a timeout type.
   */
  private static boolean isConnectTimeout(Throwable t) {
    if (find(t, ConnectTimeoutException.class) != null) {
      return true;
    }
    for (Throwable x = t; x != null && x.getCause() != x; x = x.getCause()) {
      if (x instanceof ConnectException && String.valueOf(x.getMessage()).startsWith("Timeout")) {
        return true;
      }
    }
    return false;
  }

  /** The {@code Retry-After} of an error answer, in whole seconds, if it sent one. */
  static Optional<Duration> retryAfter(Throwable failure) {
    ResponseException response = find(unwrap(failure), ResponseException.class);
    String header = response == null ? null : response.getResponse().getHeader("Retry-After");
    String value = header == null ? null : header.strip();
    return value != null && value.matches("[0-9]{1,6}")
        ? Optional.of(Duration.ofSeconds(Long.parseLong(value)))
        : Optional.empty();
  }

  /** True when a failed call's answer came from Elasticsearch ({@code X-Elastic-Product}). */
  static boolean fromElasticsearch(Throwable failure) {
    ResponseException response = find(unwrap(failure), ResponseException.class);
    String header = response == null ? null : response.getResponse().getHeader("X-Elastic-Product");
    return "Elasticsearch".equals(header);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** What Elasticsearch answered, as far as the failure tells: HTTP status, type, reason. */
  record Answer(int status, String type, String reason) {}

  /**
   * Whether the cluster refused to build that many aggregation buckets ({@code
   * too_many_buckets_exception}, {@code search.max_buckets}): Elasticsearch answers 400, OpenSearch
   * 503; either way the same request fails again, so no retry is made.
   */
  static boolean tooManyBuckets(Throwable failure) {
    Answer a = answer(unwrap(failure), SHARED_JSON);
    return a != null
        && (String.valueOf(a.type()).contains(TOO_MANY_BUCKETS)
            || String.valueOf(a.reason()).contains(TOO_MANY_BUCKETS));
  }

  private static final String TOO_MANY_BUCKETS = "too_many_buckets_exception";
  private static final ObjectMapper SHARED_JSON = new ObjectMapper();

  /** The HTTP status of a failed call, or 0 when there was no answer. */
  static int status(Throwable failure) {
    Answer a = answer(unwrap(failure), null);
    return a == null ? 0 : a.status();
  }

  /** The failure of a request for {@code what} (e.g. "the search of logs-*"). */
  SourceException translate(Throwable failure, String what) {
    Throwable t = unwrap(failure);
    if (t instanceof SourceException located) {
      return located; // an answer of the wrong shape, already named and located (WrongAnswer)
    }
    if (t instanceof com.fasterxml.jackson.core.JsonProcessingException notJson) {
      return WrongAnswer.of(
          url,
          what,
          "with something that is not the JSON asked for (" + notJson.getOriginalMessage() + ")",
          "Elasticsearch's JSON answer");
    }
    Answer a = answer(t, json);
    if (a != null) {
      return answered(a, what, t);
    }
    SSLException tls = find(t, SSLException.class);
    if (tls != null) {
      return new SourceException(SOURCE, Kind.UNREACHABLE, tlsMessage(tls, what), t);
    }
    if (isConnectTimeout(t)) {
      return error(
          Kind.UNREACHABLE,
          " did not accept a connection within "
              + seconds(connectTimeout)
              + " (connect timeout) for "
              + what
              + ". Check the URL, that Elasticsearch is running, and your VPN, proxy or firewall.",
          t);
    }
    if (find(t, SocketTimeoutException.class) != null) {
      return timeout(what, t);
    }
    String cause =
        find(t, UnknownHostException.class) != null
            ? "unknown host " + t.getMessage()
            : find(t, ConnectException.class) != null
                    || find(t, NoRouteToHostException.class) != null
                ? "connection refused"
                : t.getClass().getSimpleName() + ": " + t.getMessage();
    return error(
        Kind.UNREACHABLE,
        " is unreachable ("
            + cause
            + ") for "
            + what
            + ". Check the URL, that Elasticsearch is running, and your VPN or network.",
        t);
  }

  /** An error answer for one part of a request (an {@code _msearch} item). */
  SourceException answered(Answer a, String what, Throwable cause) {
    String said =
        a.status()
            + (a.type() == null ? "" : " " + a.type())
            + (a.reason() == null ? "" : ": " + a.reason());
    if (a.status() == 401) {
      return error(
          Kind.AUTH,
          " refused the credentials ("
              + said
              + "). Check the user and password, API key or token of the connection profile.",
          cause);
    }
    if (a.status() == 403) {
      return error(
          Kind.AUTH,
          " denied "
              + what
              + " ("
              + said
              + "). The user needs read access (privileges read, view_index_metadata) to these"
              + " indices.",
          cause);
    }
    String advice =
        a.status() == 429 || a.status() == 503
            ? " The cluster is overloaded; try again in a moment."
            : a.status() >= 500
                ? " Check the cluster's health and logs."
                : " Check the index patterns and field names of the path definition.";
    return error(Kind.REJECTED, " rejected " + what + " (" + said + ")." + advice, cause);
  }

  /** An error about this cluster: {@code what} follows its URL. */
  private SourceException error(Kind kind, String what, Throwable cause) {
    return new SourceException(SOURCE, kind, "Elasticsearch at " + url + what, cause);
  }

  private String tlsMessage(SSLException tls, String what) {
    String msg = String.valueOf(tls.getMessage());
    String detail = msg;
    for (Throwable c = tls.getCause(); c != null; c = c.getCause()) {
      detail = String.valueOf(c.getMessage());
    }
    if (msg.contains("PKIX") || detail.contains("certification path")) {
      return ("TLS: the certificate of Elasticsearch at %s is not trusted (%s) for %s."
              + " Configure the cluster's CA certificate (PEM file) in the connection profile;"
              + " `insecure` turns verification off (not recommended).")
          .formatted(url, detail, what);
    }
    if (msg.contains("No subject alternative") || msg.contains("doesn't match")) {
      return ("TLS: the certificate of Elasticsearch at %s does not name this host (%s). Use the"
              + " host name the certificate was issued for.")
          .formatted(url, msg);
    }
    return ("TLS handshake with Elasticsearch at %s failed (%s) for %s. Check that the URL's scheme"
            + " (http/https) matches the server, and the CA and client certificate settings.")
        .formatted(url, msg, what);
  }

  private static Answer answer(Throwable t, ObjectMapper json) {
    if (t instanceof ElasticsearchException e) {
      ErrorCause error = e.error();
      String reason = error.reason();
      if (!error.rootCause().isEmpty() && error.rootCause().get(0).reason() != null) {
        ErrorCause root = error.rootCause().get(0);
        reason =
            reason == null || reason.equals(root.reason())
                ? root.reason()
                : reason + ": " + root.reason();
      }
      if (error.rootCause().isEmpty()) {
        ErrorCause cause = error.causedBy();
        while (cause != null && cause.causedBy() != null) {
          cause = cause.causedBy();
        }
        if (cause != null) {
          String why = cause.type() + ": " + (cause.reason() == null ? "" : cause.reason());
          reason = reason == null || reason.isBlank() ? why : reason + ": " + why;
        }
      }
      return new Answer(e.status(), error.type(), reason);
    }
    ResponseException response = find(t, ResponseException.class);
    if (response != null) {
      return fromBody(response, json);
    }
    if (t instanceof TransportException te && te.statusCode() > 0) {
      return new Answer(te.statusCode(), null, te.getMessage());
    }
    return null;
  }

  private static Answer fromBody(ResponseException e, ObjectMapper json) {
    int status = e.getResponse().getStatusLine().getStatusCode();
    if (json == null) {
      return new Answer(status, null, null);
    }
    try {
      String body =
          e.getResponse().getEntity() == null
              ? ""
              : EntityUtils.toString(e.getResponse().getEntity());
      JsonNode error = json.readTree(body).path("error");
      if (error.isObject()) {
        JsonNode root = error.path("root_cause").path(0);
        String reason = error.path("reason").asText(null);
        if (root.isObject() && reason != null && !reason.equals(root.path("reason").asText())) {
          reason = reason + ": " + root.path("reason").asText();
        }
        JsonNode cause = error.path("caused_by");
        while (cause.path("caused_by").isObject()) {
          cause = cause.path("caused_by");
        }
        if (!root.isObject() && cause.isObject()) { // e.g. search_phase_execution_exception, ""
          String why = cause.path("type").asText("") + ": " + cause.path("reason").asText("");
          reason = reason == null || reason.isBlank() ? why : reason + ": " + why;
        }
        return new Answer(status, error.path("type").asText(null), reason);
      }
      return new Answer(status, null, error.isTextual() ? error.asText() : body.strip());
    } catch (IOException | RuntimeException notJson) {
      return new Answer(status, null, e.getResponse().getStatusLine().getReasonPhrase());
    }
  }

  static Throwable unwrap(Throwable t) {
    Throwable x = t;
    while ((x instanceof CompletionException || x instanceof ExecutionException)
        && x.getCause() != null) {
      x = x.getCause();
    }
    return x;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable x = t; x != null; x = x.getCause()) {
      if (type.isInstance(x)) {
        return type.cast(x);
      }
      if (x.getCause() == x) {
        break;
      }
    }
    return null;
  }
}
