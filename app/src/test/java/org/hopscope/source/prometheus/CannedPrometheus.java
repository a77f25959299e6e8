package org.hopscope.source.prometheus;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server that records the requests our client sends and answers canned responses in
 * order (the last one repeats). It tests our client, never Prometheus' behaviour.
 */
final class CannedPrometheus implements AutoCloseable {

  /** A recorded request. */
  record Received(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : String.join(",", values);
    }
  }

  /** A canned answer. */
  record Canned(int status, String contentType, String body, Map<String, String> headers) {
    static Canned json(int status, String body) {
      return new Canned(status, "application/json", body, Map.of());
    }
  }

  static final String EMPTY_VECTOR =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";

  private final HttpServer server;
  private final Deque<Canned> answers = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  CannedPrometheus(Canned... canned) throws IOException {
    answers.addAll(List.of(canned));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath(),
                  Map.copyOf(exchange.getRequestHeaders()),
                  body));
          Canned answer = next();
          byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", answer.contentType());
          answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
          exchange.sendResponseHeaders(answer.status(), bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  private synchronized Canned next() {
    return answers.size() > 1 ? answers.poll() : answers.peek();
  }

  String url(String prefix) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
  }

  List<Received> received() {
    return received;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
