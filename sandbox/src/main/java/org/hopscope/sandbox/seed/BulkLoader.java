package org.hopscope.sandbox.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.hopscope.sandbox.SandboxException;

/**
 * Streams documents into Elasticsearch's {@code _bulk} API as NDJSON: bodies of about {@code
 * flushChars} characters, at most {@code inFlight} requests on the wire while the caller goes on
 * generating. A bulk answer with {@code errors: true} fails the load with the first item's reason
 * and index. Counts the documents per {@link IndexFamily}.
 */
final class BulkLoader implements DocumentSink {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BULK_PATH = "/_bulk?filter_path=errors,items.*.error,items.*._index";

  private final ElasticCalls es;
  private final int flushChars;
  private final int inFlight;
  private final Semaphore permits;
  private final StringBuilder body;
  private final JsonOut out;
  private final long[] counts = new long[IndexFamily.values().length];
  private final long[] cachedDay = new long[IndexFamily.values().length];
  private final String[] cachedAction = new String[IndexFamily.values().length];
  private final AtomicReference<String> failure = new AtomicReference<>();
  private IndexFamily current;
  private long documents;
  private long bytesSent;

  BulkLoader(ElasticCalls es, int flushChars, int inFlight) {
    this.es = es;
    this.flushChars = flushChars;
    this.inFlight = inFlight;
    this.permits = new Semaphore(inFlight);
    this.body = new StringBuilder(flushChars + (1 << 16));
    this.out = new JsonOut(body);
    Arrays.fill(cachedDay, Long.MIN_VALUE);
  }

  @Override
  public JsonOut begin(IndexFamily family, long observedMillis) {
    int f = family.ordinal();
    long day = Math.floorDiv(observedMillis, 86_400_000L);
    if (cachedDay[f] != day) {
      cachedDay[f] = day;
      cachedAction[f] = "{\"index\":{\"_index\":\"" + family.indexName(day) + "\"}}\n";
    }
    current = family;
    body.append(cachedAction[f]);
    return out.startDocument();
  }

  @Override
  public void end() {
    out.endDocument();
    body.append('\n');
    counts[current.ordinal()]++;
    documents++;
    if (body.length() >= flushChars) {
      flush();
    }
  }

  /** Documents accepted so far (sent or buffered). */
  long documents() {
    return documents;
  }

  /** Documents written per family, indexed by {@link IndexFamily#ordinal()}. */
  long count(IndexFamily family) {
    return counts[family.ordinal()];
  }

  long bytesSent() {
    return bytesSent;
  }

  /** Sends what is buffered and waits until every request has been answered; fails on errors. */
  public void close() {
    if (body.length() > 0) {
      flush();
    }
    permits.acquireUninterruptibly(inFlight);
    permits.release(inFlight);
    throwIfFailed();
  }

  private void flush() {
    throwIfFailed();
    // JsonOut writes ASCII only, so this is one plain copy (no UTF-16 inflation, no 3x buffer)
    byte[] bytes = body.toString().getBytes(StandardCharsets.US_ASCII);
    body.setLength(0);
    bytesSent += bytes.length;
    HttpRequest request =
        es.endpoint()
            .request(BULK_PATH)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    permits.acquireUninterruptibly();
    es.client()
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .whenComplete(
            (response, error) -> {
              try {
                String problem = error != null ? describe(error) : check(response);
                if (problem != null) {
                  failure.compareAndSet(null, problem);
                }
              } finally {
                permits.release();
              }
            });
  }

  private String describe(Throwable error) {
    return "bulk request to " + es.endpoint().url() + " failed: " + error;
  }

  private static String check(HttpResponse<byte[]> response) {
    byte[] b = response.body();
    if (response.statusCode() != 200) {
      return "bulk request answered HTTP "
          + response.statusCode()
          + ": "
          + ElasticCalls.abbreviate(new String(b, StandardCharsets.UTF_8));
    }
    String head = new String(b, 0, Math.min(b.length, 40), StandardCharsets.UTF_8);
    if (head.startsWith("{\"errors\":false")) {
      return null;
    }
    try {
      JsonNode root = JSON.readTree(b);
      if (!root.path("errors").asBoolean(true)) {
        return null;
      }
      for (JsonNode item : root.path("items")) {
        JsonNode result = item.elements().next();
        JsonNode error = result.get("error");
        if (error != null) {
          return "Elasticsearch rejected a document in index "
              + result.path("_index").asText("?")
              + ": "
              + error.path("type").asText()
              + ": "
              + error.path("reason").asText();
        }
      }
      return "bulk answer reports errors but names none: " + ElasticCalls.abbreviate(head);
    } catch (IOException e) {
      return "unreadable bulk answer: " + e.getMessage();
    }
  }

  private void throwIfFailed() {
    String problem = failure.get();
    if (problem != null) {
      throw new SandboxException(problem);
    }
  }
}
