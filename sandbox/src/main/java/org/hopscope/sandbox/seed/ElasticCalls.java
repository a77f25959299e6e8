package org.hopscope.sandbox.seed;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.hopscope.sandbox.EsEndpoint;
import org.hopscope.sandbox.SandboxException;

/** Plain JSON calls to the sandbox's Elasticsearch; every failure names the URL and ES's answer. */
final class ElasticCalls {

  private final EsEndpoint endpoint;
  private final HttpClient client;

  ElasticCalls(EsEndpoint endpoint) {
    this.endpoint = endpoint;
    this.client = endpoint.newClient();
  }

  EsEndpoint endpoint() {
    return endpoint;
  }

  HttpClient client() {
    return client;
  }

  /** GET {@code path}; returns the body of a 2xx answer. */
  String get(String path) {
    return send("GET", path, null);
  }

  String put(String path, String json) {
    return send("PUT", path, json);
  }

  String post(String path, String json) {
    return send("POST", path, json);
  }

  String delete(String path) {
    return send("DELETE", path, null);
  }

  /** Sends a request; throws {@link SandboxException} unless Elasticsearch answers 2xx. */
  String send(String method, String path, String json) {
    HttpRequest.Builder b = endpoint.request(path);
    if (json == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response;
    try {
      response = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new SandboxException(
          "Elasticsearch does not answer at "
              + endpoint.url()
              + " (connection refused): is the sandbox up? Run `hopscope sandbox up`.",
          e);
    } catch (IOException e) {
      throw new SandboxException(
          "Elasticsearch call " + method + " " + endpoint.url().resolve(path) + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while calling Elasticsearch at " + endpoint.url(), e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new SandboxException(
          "Elasticsearch answered "
              + response.statusCode()
              + " to "
              + method
              + " "
              + endpoint.url().resolve(path)
              + ": "
              + abbreviate(response.body()));
    }
    return response.body();
  }

  static String abbreviate(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "...";
  }
}
