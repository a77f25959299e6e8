package org.hopscope.source.prometheus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.connection.Auth;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.hopscope.source.TlsContexts;

/**
 * One Prometheus HTTP API call: a form-encoded POST, cancellable, retried with backoff on 429 and
 * 503, its answer checked and turned into {@code data} or a {@link SourceException} that carries
 * Prometheus' error verbatim.
 */
final class PrometheusHttp {

  private static final Logger LOG = System.getLogger(PrometheusHttp.class.getName());

  static final String SOURCE = "Prometheus";

  /**
   * An API answer: its {@code data} and Prometheus' {@code warnings}; a range query's usual answer
   * read straight into its series ({@link MatrixReader}), with {@code data} null.
   */
  record Answer(JsonNode data, List<String> warnings, List<MetricSeries> matrix) {

    Answer(JsonNode data, List<String> warnings) {
      this(data, warnings, null);
    }
  }

  /** How an answer's body is read. */
  private enum Body {
    /** JSON without the {@code {status, data}} envelope (Alertmanager). */
    BARE,
    /** Prometheus' envelope. */
    ENVELOPE,
    /** Prometheus' envelope, a matrix expected: read as a stream when it is a usual one. */
    MATRIX
  }

  private final PrometheusSettings settings;
  private final HttpClient client;
  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final String authorization;
  private final ResponseErrors errors;
  private final MatrixReader matrices = new MatrixReader(json.getFactory());

  PrometheusHttp(PrometheusSettings settings) {
    this(settings, SOURCE);
  }

  /**
   * A client of the Prometheus-style API at {@code settings}, named {@code name} in errors ({@code
   * Prometheus}, {@code Alertmanager}).
   */
  PrometheusHttp(PrometheusSettings settings, String name) {
    this.settings = settings;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    SSLContext tls = TlsContexts.context(settings.tls());
    if (tls != null) {
      builder.sslContext(tls);
    }
    this.client = builder.build();
    this.authorization = authorization(settings.auth());
    this.errors = new ResponseErrors(settings, json, name);
  }

  /**
   * POSTs {@code form} to {@code apiPath} (e.g. {@code /api/v1/query}).
   *
   * @param promql the query, for error messages; null when there is none
   * @param missingIsEmpty when the backend lacks the endpoint (404, 405, 501), answer {@code null}
   *     instead of failing
   * @return the answer, or null (see {@code missingIsEmpty})
   */
  Answer post(
      String apiPath,
      List<Map.Entry<String, String>> form,
      String promql,
      boolean missingIsEmpty,
      Cancellation cancel) {
    return call(request(apiPath, form), promql, missingIsEmpty, Body.ENVELOPE, cancel);
  }

  /**
   * POSTs a range query's {@code form} to {@code /api/v1/query_range}, checked and retried like
   * {@link #post}; its usual answer comes as {@link Answer#matrix}, any other as {@link
   * Answer#data}.
   */
  Answer postRange(List<Map.Entry<String, String>> form, String promql, Cancellation cancel) {
    return call(request("/api/v1/query_range", form), promql, false, Body.MATRIX, cancel);
  }

  /**
   * GETs {@code apiPath} (status endpoints such as {@code /api/v1/status/buildinfo} answer GET
   * only), checked and retried like {@link #post}.
   */
  Answer get(String apiPath, Cancellation cancel) {
    return call(builder(apiPath).GET().build(), null, false, Body.ENVELOPE, cancel);
  }

  /**
   * GETs {@code apiPath} of an API without Prometheus' {@code {status, data}} envelope
   * (Alertmanager's {@code /api/v2}): the answer's {@code data} is the whole JSON body. Deadline,
   * retries and errors as {@link #get}.
   */
  Answer getBare(String apiPath, Cancellation cancel) {
    return call(builder(apiPath).GET().build(), null, false, Body.BARE, cancel);
  }

  /**
   * One logical call: attempts and retries within one deadline, the connect timeout plus the
   * request timeout from the first send (ADR 0019). A timeout is recorded on {@code cancel} as this
   * backend having gone silent, so the command's other calls to it end at once with it; a retry
   * (also one a {@code Retry-After} asks for) that would start after the deadline is not made.
   */
  private Answer call(
      HttpRequest request, String promql, boolean missingIsEmpty, Body body, Cancellation cancel) {
    long deadline =
        System.nanoTime()
            + settings.connectTimeout().toNanos()
            + settings.requestTimeout().toNanos();
    Duration backoff = settings.retryBackoff();
    for (int attempt = 1; ; attempt++) {
      cancel.check();
      HttpResponse<String> response = send(request, deadline, cancel);
      int status = response.statusCode();
      if (missingIsEmpty && (status == 404 || status == 405 || status == 501)) {
        return null;
      }
      boolean retryable = status == 429 || (status == 503 && !errors.isQueryTimeout(response));
      if (retryable && attempt <= settings.retries()) {
        Duration wait = max(backoff, errors.retryAfter(response).orElse(Duration.ZERO));
        if (System.nanoTime() + wait.toNanos() >= deadline) {
          throw errors.failure(response, promql, attempt, wait);
        }
        logRetry(request, status, attempt, wait);
        waitBeforeRetry(wait, cancel);
        backoff = backoff.multipliedBy(2);
        continue;
      }
      if (status / 100 != 2) {
        throw errors.failure(response, promql, attempt, null);
      }
      if (body == Body.BARE) {
        return new Answer(errors.parseJson(response), List.of());
      }
      MatrixReader.Read matrix = body == Body.MATRIX ? matrices.read(response.body()) : null;
      if (matrix != null) {
        return new Answer(null, matrix.warnings(), matrix.series());
      }
      JsonNode root = errors.parseSuccess(response);
      List<String> warnings = new ArrayList<>();
      root.path("warnings").forEach(w -> warnings.add(w.asText()));
      return new Answer(root.path("data"), warnings);
    }
  }

  private HttpRequest request(String apiPath, List<Map.Entry<String, String>> form) {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> field : form) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
    }
    return builder(apiPath)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
        .build();
  }

  private HttpRequest.Builder builder(String apiPath) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(settings.url() + apiPath))
            .timeout(settings.requestTimeout())
            .header("Accept", "application/json")
            .header("User-Agent", "hopscope");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    settings.headers().forEach(b::header);
    return b;
  }

  private HttpResponse<String> send(HttpRequest request, long deadline, Cancellation cancel) {
    String backend = errors.backend();
    cancel.throwIfSilent(backend);
    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try (Cancellation.Registration abort = cancel.onCancel(() -> future.cancel(true));
        Cancellation.Registration silenced = cancel.onSilent(backend, () -> future.cancel(true))) {
      // the request's own timeout covers the wait for the headers; the deadline, the whole answer
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (CancellationException e) {
      cancel.check();
      cancel.throwIfSilent(backend);
      throw new Cancellation.CancelledException();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new Cancellation.CancelledException();
    } catch (TimeoutException e) {
      future.cancel(true);
      throw cancel.wentSilent(errors.backend(), errors.timeout(e));
    } catch (ExecutionException e) {
      cancel.check();
      cancel.throwIfSilent(backend);
      SourceException failure = errors.unreachable(e.getCause());
      throw ResponseErrors.isTimeout(e.getCause())
          ? cancel.wentSilent(errors.backend(), failure)
          : failure;
    }
  }

  private static void logRetry(HttpRequest request, int status, int attempt, Duration wait) {
    LOG.log(
        Level.INFO,
        () ->
            "Prometheus answered "
                + request.method()
                + " "
                + request.uri().getPath()
                + " with HTTP "
                + status
                + "; attempt "
                + (attempt + 1)
                + " in "
                + wait.toMillis()
                + " ms");
  }

  private static void waitBeforeRetry(Duration delay, Cancellation cancel) {
    CompletableFuture<Void> woken = new CompletableFuture<>();
    try (Cancellation.Registration wake = cancel.onCancel(() -> woken.complete(null))) {
      woken.get(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // waited the full backoff: retry
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancellation.CancelledException();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    cancel.check();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String authorization(Auth auth) {
    if (auth instanceof Auth.Basic basic) {
      String pair = basic.user() + ":" + basic.password();
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    if (auth instanceof Auth.Bearer bearer) {
      return "Bearer " + bearer.token();
    }
    return null;
  }
}
