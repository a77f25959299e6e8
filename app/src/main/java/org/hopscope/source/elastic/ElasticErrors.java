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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
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
  private final Duration requestTimeout;
  private final ObjectMapper json = new ObjectMapper();

  ElasticErrors(String url, Duration requestTimeout) {
    this.url = url;
    this.requestTimeout = requestTimeout;
  }

  /** What Elasticsearch answered, as far as the failure tells: HTTP status, type, reason. */
  record Answer(int status, String type, String reason) {}

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
    if (find(t, SocketTimeoutException.class) != null) {
      return error(
          Kind.UNREACHABLE,
          " did not answer "
              + what
              + " within "
              + requestTimeout.toSeconds()
              + " s. Check that the cluster is healthy, or raise the request timeout.",
          t);
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
