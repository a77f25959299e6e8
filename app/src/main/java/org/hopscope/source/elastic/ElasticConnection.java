package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpHost;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.entity.ContentType;
import org.apache.http.message.BasicHeader;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Cancellable;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.hopscope.model.connection.Auth;
import org.hopscope.source.Cancellation;
import org.hopscope.source.Cancellation.CancelledException;
import org.hopscope.source.SourceException;
import org.hopscope.source.TlsContexts;

/**
 * One open connection to an Elasticsearch or OpenSearch cluster (the low-level REST client; the
 * official Java client only writes the query DSL, ADR 0031): authentication, TLS, timeouts, retries
 * with backoff on 429/503, cancellation of requests in flight, the engine behind the URL ({@link
 * #identity}), and errors as {@link SourceException}s. Thread-safe; close it when done.
 */
public final class ElasticConnection implements AutoCloseable {

  private final ElasticSettings settings;
  private final RestClient rest;
  private final ElasticsearchAsyncClient client;
  private final ElasticErrors errors;
  private final ElasticCall calls;
  private final ObjectMapper json = new ObjectMapper();
  private volatile ClusterIdentity identity;
  private static final ContentType NDJSON =
      ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

  private ElasticConnection(ElasticSettings settings, SSLContext tls, Backoff backoff) {
    this.settings = settings;
    this.errors =
        new ElasticErrors(
            settings.displayUrl(), settings.connectTimeout(), settings.requestTimeout());
    this.calls = new ElasticCall(settings, errors, backoff);
    URI url = settings.url();
    RestClientBuilder builder =
        RestClient.builder(new HttpHost(url.getHost(), port(url), url.getScheme()))
            .setDefaultHeaders(authHeaders(settings.auth()))
            .setRequestConfigCallback(
                r ->
                    r.setConnectTimeout((int) settings.connectTimeout().toMillis())
                        .setSocketTimeout((int) settings.requestTimeout().toMillis()));
    String path = url.getPath();
    if (path != null && !path.isEmpty() && !"/".equals(path)) {
      builder.setPathPrefix(path.replaceAll("/+$", ""));
    }
    builder.setHttpClientConfigCallback(
        h -> {
          // credentials go in the default Authorization header; the client's auth cache would
          // only deserialize (Java serialization) a cached scheme on every request
          h.disableAuthCaching();
          if (tls != null) {
            h.setSSLContext(tls);
            if (settings.tls().insecure()) {
              h.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
            }
          }
          return h;
        });
    this.rest = builder.build();
    this.client =
        new ElasticsearchAsyncClient(new RestClientTransport(rest, new JacksonJsonpMapper(json)));
  }

  /**
   * Opens a connection (no request is sent yet). Settings that weaken security (TLS verification
   * off) are the resolved connection's notices, not this adapter's.
   *
   * @throws IllegalArgumentException when a certificate or key file cannot be used, naming it
   */
  public static ElasticConnection open(ElasticSettings settings) {
    return open(settings, Backoff.standard());
  }

  /** As {@link #open}, with a chosen backoff (tests). */
  static ElasticConnection open(ElasticSettings settings, Backoff backoff) {
    return new ElasticConnection(settings, TlsContexts.context(settings.tls()), backoff);
  }

  /** The URL as shown in messages. */
  public String url() {
    return settings.displayUrl();
  }

  ElasticsearchAsyncClient client() {
    return client;
  }

  ElasticErrors errors() {
    return errors;
  }

  /**
   * "Test connection": engine, version and health of the cluster ({@link ClusterFacts#info}); what
   * the user may not read is left null with a note.
   *
   * @throws SourceException when the cluster is unreachable, refuses the credentials, or is not a
   *     supported engine
   */
  public ClusterInfo info(Cancellation cancel) {
    return ClusterFacts.info(this, cancel);
  }

  /**
   * Which engine answers here and how its requests differ: asked once per connection ({@code GET
   * /}, {@link ClusterFacts#identify}), then remembered.
   *
   * @throws SourceException when it cannot be told, or the version is not supported
   */
  ClusterIdentity identity(Cancellation cancel) {
    ClusterIdentity known = identity;
    if (known == null) {
      known = ClusterFacts.identify(this, cancel);
      identity = known;
    }
    return known;
  }

  /**
   * Sends {@code body} (JSON) to {@code endpoint} with the low-level client; {@code reader} reads
   * the answer from its stream: for answers too large for the typed client's object model (a page
   * of 10,000 composite buckets).
   */
  <T> CompletableFuture<T> post(String endpoint, String body, EntityReader<T> reader) {
    Request request = new Request("POST", endpoint);
    request.setJsonEntity(body);
    return send(request, streamed(reader));
  }

  /** As {@link #post}, for a {@code GET} without a body (e.g. {@code _resolve/index}). */
  <T> CompletableFuture<T> get(String endpoint, EntityReader<T> reader) {
    return send(new Request("GET", endpoint), streamed(reader));
  }

  /** As {@link #post}, for a {@code DELETE} with a JSON body (closing a point in time). */
  <T> CompletableFuture<T> delete(String endpoint, String body, EntityReader<T> reader) {
    Request request = new Request("DELETE", endpoint);
    request.setJsonEntity(body);
    return send(request, streamed(reader));
  }

  /** As {@link #post}, for an {@code _msearch} or {@code _bulk} body (newline-delimited JSON). */
  <T> CompletableFuture<T> postNdjson(String endpoint, String body, EntityReader<T> reader) {
    Request request = new Request("POST", endpoint);
    request.setEntity(new NStringEntity(body, NDJSON));
    return send(request, streamed(reader));
  }

  private static <T> Reader<T> streamed(EntityReader<T> reader) {
    return e -> {
      try (InputStream in = e.getContent()) {
        return reader.read(in);
      }
    };
  }

  /**
   * Sends {@code body} (JSON) to {@code endpoint}; the answer is buffered whole and read by the
   * caller's thread (with {@link #read}), not by the client's I/O threads: large pages read in
   * parallel on the threads that asked for them.
   */
  CompletableFuture<HttpEntity> postBuffered(String endpoint, String body) {
    Request request = new Request("POST", endpoint);
    request.setJsonEntity(body);
    return send(request, e -> e);
  }

  /**
   * Reads an answer of {@link #postBuffered} for {@code what}.
   *
   * @throws SourceException when it is not the JSON expected
   */
  <T> T read(HttpEntity entity, EntityReader<T> reader, String what) {
    try (InputStream in = entity.getContent()) {
      return reader.read(in);
    } catch (IOException e) {
      throw errors.translate(e, what);
    }
  }

  /** The JSON mapper answers are read with (the typed client's). */
  ObjectMapper json() {
    return json;
  }

  /** Reads an answer. */
  interface EntityReader<T> {
    T read(InputStream in) throws IOException;
  }

  private interface Reader<T> {
    T read(HttpEntity entity) throws IOException;
  }

  private <T> CompletableFuture<T> send(Request request, Reader<T> reader) {
    CompletableFuture<T> body = new CompletableFuture<>();
    Cancellable inFlight =
        rest.performRequestAsync(
            request,
            new ResponseListener() {
              @Override
              public void onSuccess(Response response) {
                try {
                  body.complete(reader.read(response.getEntity()));
                } catch (IOException | RuntimeException e) {
                  body.completeExceptionally(e);
                }
              }

              @Override
              public void onFailure(Exception exception) {
                body.completeExceptionally(exception);
              }
            });
    body.whenComplete(
        (r, e) -> {
          if (body.isCancelled()) {
            inFlight.cancel();
          }
        });
    return body;
  }

  /**
   * Sends a request, retrying while Elasticsearch answers 429/503, within one deadline, failing at
   * once when the command already found this cluster silent: {@link ElasticCall#call}.
   *
   * @throws CancelledException when cancelled
   * @throws SourceException when it failed
   */
  <T> T call(
      String what,
      Supplier<CompletableFuture<T>> request,
      java.util.function.Predicate<T> retry,
      Cancellation cancel) {
    return calls.call(what, request, retry, cancel);
  }

  private static int port(URI url) {
    return url.getPort() >= 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
  }

  private static Header[] authHeaders(Auth auth) {
    String value = null;
    if (auth instanceof Auth.Basic b) {
      value = "Basic " + base64(b.user() + ":" + b.password());
    } else if (auth instanceof Auth.ApiKey k) {
      value = "ApiKey " + (k.key().contains(":") ? base64(k.key()) : k.key());
    } else if (auth instanceof Auth.Bearer t) {
      value = "Bearer " + t.token();
    }
    return value == null ? new Header[0] : new Header[] {new BasicHeader("Authorization", value)};
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    try {
      rest.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the connection to " + url(), e);
    }
  }
}
