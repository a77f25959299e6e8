package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.sandbox.SandboxAlertRules;
import org.hopscope.sandbox.SandboxAlertRules.Expect;
import org.hopscope.sandbox.SandboxAlertRules.Rule;
import org.hopscope.sandbox.junit.FiringAlerts;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code hopscope alerts} against the seeded sandbox: its rules (SandboxAlertRules) fire during the
 * recorded incident; Prometheus and Alertmanager both report them, the command shows each once.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsCliSandboxTest {

  private final ObjectMapper json = new ObjectMapper();
  private TestSandbox sandbox;

  @BeforeAll
  void alertsFire(TestSandbox sandbox) {
    this.sandbox = sandbox;
    assertThat(sandbox.state().alertmanagerUrl())
        .as("prometheus-alertmanager is installed (./hopscope check installs it)")
        .isNotNull();
    FiringAlerts.await(sandbox, Duration.ofSeconds(120));
  }

  private CliRun alerts(String path, String alertmanagerUrl, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "alerts",
                "--path",
                path,
                "--es",
                sandbox.state().elasticsearchUrl(),
                "--prometheus",
                sandbox.state().prometheusUrl()));
    args.addAll(List.of(extra));
    Map<String, String> env =
        alertmanagerUrl == null ? Map.of() : Map.of("HOPSCOPE_ALERTMANAGER_URL", alertmanagerUrl);
    return CliRun.run(env, args.toArray(String[]::new));
  }

  @Test
  void firingAndPendingAlertsOfTheOrdersPathOnceEachWithTheirPlaybookLinks() throws IOException {
    Instant before = Instant.now().minusSeconds(1);
    CliRun run = alerts("orders", sandbox.state().alertmanagerUrl(), "--json");
    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode report = json.readTree(run.out);
    assertThat(report.path("complete").asBoolean()).isTrue();
    assertThat(report.path("basedOn").asText()).isEqualTo("Prometheus + Alertmanager");
    assertThat(report.path("headline").asText()).isEqualTo("4 firing, 1 pending on path orders");
    assertThat(report.path("otherPaths").asInt()).isZero();
    List<String> seen = new ArrayList<>();
    for (JsonNode a : report.path("alerts")) {
      Rule rule =
          SandboxAlertRules.RULES.stream()
              .filter(r -> r.name().equals(a.path("name").asText()))
              .findFirst()
              .orElseThrow();
      seen.add(rule.name());
      boolean firing = rule.expect() == Expect.FIRING;
      assertThat(a.path("state").asText()).isEqualTo(firing ? "firing" : "pending");
      assertThat(a.path("hop").asText()).isEqualTo(rule.hop());
      assertThat(a.path("matchedBy").asText()).isEqualTo("hop=" + rule.hop());
      assertThat(a.path("severity").asText()).isEqualTo(rule.labels().get("severity"));
      assertThat(a.path("summary").asText()).isEqualTo(rule.summary());
      assertThat(a.path("runbookUrl").asText()).isEqualTo(rule.runbookUrl());
      // Alertmanager holds the firing ones only: their two copies are one alert here
      List<String> sources = new ArrayList<>();
      a.path("sources").forEach(s -> sources.add(s.asText()));
      assertThat(sources)
          .containsExactlyElementsOf(
              firing ? List.of("Prometheus", "Alertmanager") : List.of("Prometheus"));
      Instant since = Instant.parse(a.path("since").asText());
      Instant asOf = Instant.parse(report.path("asOf").asText());
      assertThat(asOf).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
      assertThat(a.path("playbookLink").asText())
          .isEqualTo(
              rule.runbookUrl()
                  + "&from="
                  + since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                  + "&to="
                  + asOf);
      assertThat(a.path("activeSeconds").asLong())
          .isEqualTo(Duration.between(since, asOf).toSeconds());
    }
    // firing first (oldest first, then by name), the pending one last; the inactive rule absent
    List<String> firing = new ArrayList<>(FiringAlerts.names(Expect.FIRING));
    assertThat(seen.subList(0, 4)).containsExactlyInAnyOrderElementsOf(firing);
    assertThat(seen.subList(4, 5)).containsExactlyElementsOf(FiringAlerts.names(Expect.PENDING));
    assertThat(seen).doesNotContainAnyElementsOf(FiringAlerts.names(Expect.INACTIVE));
  }

  @Test
  void anotherPathHasNoneOfThemAndSaysWhereTheyAre() throws IOException {
    CliRun run = alerts("payments", sandbox.state().alertmanagerUrl(), "--json");
    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode report = json.readTree(run.out);
    assertThat(report.path("alerts").size()).isZero();
    assertThat(report.path("otherPaths").asInt()).isEqualTo(5);
    assertThat(report.path("headline").asText())
        .isEqualTo("No active alerts on path payments (5 more on other paths)");
  }

  @Test
  void alertmanagerUnavailableIsSaidAndPrometheusAlertsStillShown() {
    CliRun run = alerts("orders", "http://127.0.0.1:9");
    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.UNKNOWN);
    List<String> lines = run.out.lines().toList();
    assertThat(lines.get(0))
        .startsWith(
            "4 firing, 1 pending on path orders - incomplete: Alertmanager unavailable (as of ")
        .endsWith("; Prometheus only)");
    assertThat(lines.get(1))
        .isEqualTo(
            "Alertmanager unavailable: Alertmanager http://127.0.0.1:9 unreachable: connection"
                + " refused; is Alertmanager running there and the URL's port right?");
    assertThat(lines.get(2)).startsWith("STATE      SEVERITY  ALERT");
    assertThat(run.out).contains("firing     page      OrdersErpLatencyHigh         erp-adapter ");
    assertThat(run.out).doesNotContain("OrdersGatewayAuthFailures");
  }

  @Test
  void withoutAlertmanagerTheAnswerIsPrometheusOnlyAndComplete() throws IOException {
    CliRun run = alerts("orders", null, "--json");
    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode report = json.readTree(run.out);
    assertThat(report.path("basedOn").asText()).isEqualTo("Prometheus only");
    assertThat(report.path("backends").get(1).path("status").asText()).isEqualTo("not-configured");
    assertThat(report.path("alerts").size()).isEqualTo(5);
  }
}
