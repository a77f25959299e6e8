package org.hopscope.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A misbehaving backend on loopback, for Elasticsearch and Prometheus alike (raw sockets, HTTP/1.1
 * by hand): one that accepts connections and never answers, one that trickles its answer a byte at
 * a time, one that answers 503 with a {@code Retry-After}, one that answers a fixed body, and one
 * whose connections time out (a listen queue kept full). Records each request line it read.
 */
public final class FakeBackend implements AutoCloseable {

  /** How the backend behaves once it has read a request. */
  private enum Mode {
    SILENT,
    TRICKLE,
    ANSWER
  }

  private final ServerSocket server;
  private final Mode mode;
  private final int status;
  private final String headers;
  private final String body;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(daemon());

  private FakeBackend(ServerSocket server, Mode mode, int status, String headers, String body) {
    this.server = server;
    this.mode = mode;
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** Accepts connections, reads each request, never answers. */
  public static FakeBackend silent() {
    return start(Mode.SILENT, 0, "", "");
  }

  /** Answers 200 with a long body of which it sends one byte every 100 ms, forever. */
  public static FakeBackend trickling() {
    return start(Mode.TRICKLE, 200, "", "");
  }

  /** Answers every request 503 with {@code Retry-After: seconds} and a JSON error body. */
  public static FakeBackend unavailable(long retryAfterSeconds) {
    return start(
        Mode.ANSWER,
        503,
        "Retry-After: " + retryAfterSeconds + "\r\n",
        "{\"error\":{\"type\":\"unavailable\",\"reason\":\"overloaded\"},\"status\":503}");
  }

  /** Answers every request {@code status} with {@code json}. */
  public static FakeBackend answering(int status, String json) {
    return start(Mode.ANSWER, status, "", json);
  }

  /**
   * A listening port whose connections time out: it never accepts, and its listen queue (backlog 1)
   * is filled first, so Linux drops further connection attempts (SYNs) instead of completing or
   * refusing them.
   */
  public static FakeBackend notAccepting() {
    try {
      ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      FakeBackend fake = new FakeBackend(s, Mode.SILENT, 0, "", "");
      // fill the queue: connect until one attempt times out
      for (int i = 0; i < 16; i++) {
        Socket filler = new Socket();
        fake.open.add(filler);
        try {
          filler.connect(s.getLocalSocketAddress(), 300);
        } catch (SocketTimeoutException full) {
          return fake;
        }
      }
      fake.close();
      throw new IllegalStateException(
          "the listen queue of port " + s.getLocalPort() + " never filled");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FakeBackend start(Mode mode, int status, String headers, String body) {
    try {
      ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      FakeBackend fake = new FakeBackend(s, mode, status, headers, body);
      fake.threads.execute(fake::acceptLoop);
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** The request lines read so far, e.g. {@code POST /_msearch HTTP/1.1}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Waits until at least {@code count} requests were read; false when {@code timeout} passed. */
  public boolean awaitRequests(int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (requests) {
      while (requests.size() < count) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(requests, left);
      }
    }
    return true;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        threads.execute(() -> serve(s));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        readBody(in, head);
        synchronized (requests) {
          requests.add(head.lines().findFirst().orElse(""));
          requests.notifyAll();
        }
        if (mode == Mode.SILENT) {
          in.transferTo(OutputStream.nullOutputStream()); // until the client gives up
          return;
        }
        if (mode == Mode.TRICKLE) {
          out.write(
              ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      + "X-Elastic-Product: Elasticsearch\r\nContent-Length: 1000000\r\n\r\n{")
                  .getBytes(StandardCharsets.US_ASCII));
          while (true) {
            out.write(' ');
            out.flush();
            Thread.sleep(100); // the trickle's pace, not a synchronisation
          }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(
            ("HTTP/1.1 "
                    + status
                    + " Fake\r\nContent-Type: application/json\r\n"
                    + "X-Elastic-Product: Elasticsearch\r\n"
                    + headers
                    + "Content-Length: "
                    + bytes.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
      }
    } catch (IOException | InterruptedException gone) {
      // the client went away or the fake is closing
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b = in.read(); b >= 0; b = in.read()) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private static void readBody(InputStream in, String head) throws IOException {
    for (String line : head.split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        in.readNBytes(Integer.parseInt(line.substring(15).strip()));
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        readChunks(in);
      }
    }
  }

  private static void readChunks(InputStream in) throws IOException {
    while (true) {
      StringBuilder size = new StringBuilder();
      for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
        if (b != '\r') {
          size.append((char) b);
        }
      }
      int n = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
      in.readNBytes(n + 2);
      if (n == 0) {
        return;
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      List<IOException> failures = new ArrayList<>();
      for (Socket s : open) {
        try {
          s.close();
        } catch (IOException e) {
          failures.add(e);
        }
      }
      threads.shutdownNow();
      if (!failures.isEmpty()) {
        throw new UncheckedIOException(failures.get(0));
      }
    }
  }

  /** The address, for a client that wants it. */
  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "fake-backend");
      t.setDaemon(true);
      return t;
    };
  }
}
