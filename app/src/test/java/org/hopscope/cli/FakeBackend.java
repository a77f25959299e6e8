package org.hopscope.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server standing in for Elasticsearch or Prometheus: it records each request and
 * answers what {@code answers} returns for it. It tests how Hopscope reads answers of any shape,
 * never the backends' behaviour.
 */
final class FakeBackend implements AutoCloseable {

  /** A request received: method, path (with query string) and body. */
  record Request(String method, String path, String body) {
    /** {@code METHOD /path}, without the query string. */
    String line() {
      int q = path.indexOf('?');
      return method + " " + (q < 0 ? path : path.substring(0, q));
    }
  }

  /** An answer: status, content type and body. */
  record Answer(int status, String contentType, String body) {
    static Answer json(String body) {
      return new Answer(200, "application/json", body);
    }
  }

  private final HttpServer server;
  private final List<Request> received = new CopyOnWriteArrayList<>();
  // each request on its own thread: an answer held back does not hold the others
  private final ExecutorService answering = Executors.newCachedThreadPool();

  FakeBackend(Function<Request, Answer> answers) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Request request =
              new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body);
          received.add(request);
          Answer answer = answers.apply(request);
          byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", answer.contentType());
          exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
          exchange.sendResponseHeaders(answer.status(), bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.setExecutor(answering);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> received() {
    return received;
  }

  @Override
  public void close() {
    server.stop(0);
    answering.shutdownNow();
  }
}
