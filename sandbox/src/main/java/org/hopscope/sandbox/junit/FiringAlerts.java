package org.hopscope.sandbox.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.hopscope.sandbox.Poll;
import org.hopscope.sandbox.SandboxAlertRules;

/**
 * Waits until the sandbox's Prometheus reports every {@link SandboxAlertRules.Expect#FIRING} rule
 * firing and the {@link SandboxAlertRules.Expect#PENDING} one pending, and (when it runs) its
 * Alertmanager holds the firing ones; a timeout says what was seen instead.
 */
public final class FiringAlerts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FiringAlerts() {}

  /** The names of the rules expected in {@code expect}, sorted. */
  public static Set<String> names(SandboxAlertRules.Expect expect) {
    Set<String> names = new TreeSet<>();
    SandboxAlertRules.expected(expect).forEach(r -> names.add(r.name()));
    return names;
  }

  /**
   * Returns once the alerts are there.
   *
   * @throws IllegalStateException after {@code limit}, naming what each backend reported
   */
  public static void await(TestSandbox sandbox, Duration limit) {
    HttpClient client = HttpClient.newHttpClient();
    String prometheus = sandbox.state().prometheusUrl() + "/api/v1/alerts";
    String alertmanager =
        sandbox.state().alertmanagerUrl() == null
            ? null
            : sandbox.state().alertmanagerUrl() + "/api/v2/alerts";
    String[] seen = {""};
    boolean ok =
        Poll.until(
            limit,
            () -> {
              Set<String> firing = new TreeSet<>();
              Set<String> pending = new TreeSet<>();
              for (JsonNode a : get(client, prometheus).path("data").path("alerts")) {
                String name = a.path("labels").path("alertname").asText();
                (a.path("state").asText().equals("firing") ? firing : pending).add(name);
              }
              Set<String> held = new TreeSet<>();
              if (alertmanager != null) {
                get(client, alertmanager)
                    .forEach(a -> held.add(a.path("labels").path("alertname").asText()));
              }
              seen[0] =
                  "Prometheus firing " + firing + ", pending " + pending + "; Alertmanager " + held;
              return firing.equals(names(SandboxAlertRules.Expect.FIRING))
                  && pending.equals(names(SandboxAlertRules.Expect.PENDING))
                  && (alertmanager == null || held.equals(firing));
            });
    if (!ok) {
      throw new IllegalStateException(
          "the sandbox's alerts were not there within " + limit.toSeconds() + " s: " + seen[0]);
    }
  }

  private static JsonNode get(HttpClient client, String url) {
    try {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.createObjectNode();
    } catch (IOException e) {
      return JSON.createObjectNode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
