package org.hopscope.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Loopback port checks: is a port free to listen on, does an HTTP endpoint answer. */
public final class Ports {

  private Ports() {}

  /** A port the sandbox wants to listen on, with the service and the flag that changes it. */
  public record Wanted(int port, String service, String flag) {}

  /** True when nothing listens on {@code host:port} (we could bind it ourselves). */
  public static boolean isFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(host), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Fails with one message naming every busy port, its service and the flag that moves it; returns
   * normally when all are free.
   */
  public static void requireFree(String host, List<Wanted> wanted) {
    List<String> busy = new ArrayList<>();
    for (Wanted w : wanted) {
      if (!isFree(host, w.port())) {
        busy.add(
            "port "
                + w.port()
                + " on "
                + host
                + " ("
                + w.service()
                + ") is already in use by another program; choose another with "
                + w.flag()
                + " PORT");
      }
    }
    if (!busy.isEmpty()) {
      throw new SandboxException(
          String.join("\n", busy)
              + "\nNothing was started. (See what holds a port with `ss -ltnp 'sport = :PORT'`.)");
    }
  }

  /** The HTTP status of a GET to {@code uri}, or empty when nothing answers (refused, TLS...). */
  public static OptionalInt httpStatus(HttpClient client, URI uri) {
    try {
      HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
      return OptionalInt.of(client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode());
    } catch (IOException e) {
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while calling " + uri, e);
    }
  }

  /** A plain HTTP/1.1 client with short connect timeout for local probes. */
  public static HttpClient localClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(3))
        .build();
  }
}
