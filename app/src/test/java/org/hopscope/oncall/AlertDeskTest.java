package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hopscope.model.Hop;
import org.hopscope.model.PathDef;
import org.hopscope.model.alert.ActiveAlert;
import org.hopscope.model.alert.AlertOrigin;
import org.hopscope.model.alert.AlertState;
import org.hopscope.model.alert.AlertsReport;
import org.hopscope.model.alert.PathAlert;
import org.hopscope.source.AlertSource;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.junit.jupiter.api.Test;

/** The alerts operation's rules: merge, path filter by labels, links, failed backends said. */
class AlertDeskTest {

  private static final Instant NOW = Instant.parse("2026-11-26T16:25:00Z");
  private static final Instant T0 = Instant.parse("2026-11-26T15:35:00.400Z");

  /** A path unlike the sandbox's: hop names and a hop whose metrics service differs. */
  private static final PathDef PATH =
      new PathDef(
          "claims",
          "",
          List.of(
              new Hop("intake", "http", "intake-api", List.of(), null, List.of()),
              new Hop("claims.in", "topic", "claims.in", List.of(), null, List.of()),
              new Hop("scorer", "consumer", "scorer", List.of(), null, List.of())),
          List.of(),
          "test");

  private static ActiveAlert alert(
      AlertOrigin origin, AlertState state, Instant since, Map<String, String> labels) {
    return new ActiveAlert(
        labels,
        Map.of("summary", "s", "runbook_url", "hopscope://playbook/lag?path=claims&hop=scorer"),
        state,
        since,
        origin);
  }

  private static AlertSource source(AlertOrigin origin, List<ActiveAlert> alerts) {
    return new AlertSource() {
      @Override
      public AlertOrigin origin() {
        return origin;
      }

      @Override
      public String url() {
        return "http://" + origin.label().toLowerCase() + ":1";
      }

      @Override
      public List<ActiveAlert> activeAlerts(Cancellation cancel) {
        return alerts;
      }
    };
  }

  private static AlertSource failing(AlertOrigin origin) {
    return new AlertSource() {
      @Override
      public AlertOrigin origin() {
        return origin;
      }

      @Override
      public String url() {
        return "http://down:1";
      }

      @Override
      public List<ActiveAlert> activeAlerts(Cancellation cancel) {
        throw new SourceException(
            origin.label(), SourceException.Kind.UNREACHABLE, "it is down", null);
      }
    };
  }

  @Test
  void bothCopiesOfAnAlertAreOneWithBothSourcesAndTheEarliestStart() {
    Map<String, String> labels = Map.of("alertname", "Lag", "topic", "claims.in");
    AlertsReport report =
        new AlertDesk(
                source(
                    AlertOrigin.PROMETHEUS,
                    List.of(alert(AlertOrigin.PROMETHEUS, AlertState.FIRING, T0, labels))),
                source(
                    AlertOrigin.ALERTMANAGER,
                    List.of(
                        alert(
                            AlertOrigin.ALERTMANAGER,
                            AlertState.FIRING,
                            T0.plusSeconds(10),
                            labels))))
            .alerts(PATH, NOW, Cancellation.none());
    assertThat(report.alerts()).hasSize(1);
    PathAlert a = report.alerts().get(0);
    assertThat(a.origins()).containsExactly(AlertOrigin.PROMETHEUS, AlertOrigin.ALERTMANAGER);
    assertThat(a.since()).isEqualTo(T0);
    assertThat(a.hop()).isEqualTo("claims.in");
    assertThat(a.matchedBy()).isEqualTo("topic=claims.in");
    assertThat(a.playbookLink())
        .isEqualTo(
            "hopscope://playbook/lag?path=claims&hop=scorer"
                + "&from=2026-11-26T15:35:00Z&to=2026-11-26T16:25:00Z");
    assertThat(report.headline()).isEqualTo("1 firing on path claims");
    assertThat(report.basedOn()).isEqualTo("Prometheus + Alertmanager");
  }

  @Test
  void aHopMatchesByNameOrMetricsServiceAndOtherPathsAreCounted() {
    AlertsReport report =
        new AlertDesk(
                source(
                    AlertOrigin.PROMETHEUS,
                    List.of(
                        alert(
                            AlertOrigin.PROMETHEUS,
                            AlertState.PENDING,
                            T0,
                            Map.of("alertname", "Slow", "job", "intake-api")),
                        alert(
                            AlertOrigin.PROMETHEUS,
                            AlertState.FIRING,
                            T0.plusSeconds(60),
                            Map.of("alertname", "Down", "service", "billing")),
                        alert(
                            AlertOrigin.PROMETHEUS,
                            AlertState.FIRING,
                            T0.plusSeconds(120),
                            Map.of("alertname", "Any", "path", "claims")))),
                null)
            .alerts(PATH, NOW, Cancellation.none());
    assertThat(report.alerts())
        .extracting(PathAlert::name, PathAlert::hop, PathAlert::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Any", null, AlertState.FIRING),
            org.assertj.core.groups.Tuple.tuple("Slow", "intake", AlertState.PENDING));
    assertThat(report.otherPaths()).isEqualTo(1);
    assertThat(report.headline())
        .isEqualTo("1 firing, 1 pending on path claims (1 more on other paths)");
    assertThat(report.basedOn()).isEqualTo("Prometheus only");
    assertThat(report.complete()).isTrue();
  }

  @Test
  void alertmanagerDownIsSaidAndPrometheusAlertsStay() {
    AlertsReport report =
        new AlertDesk(
                source(
                    AlertOrigin.PROMETHEUS,
                    List.of(
                        alert(
                            AlertOrigin.PROMETHEUS,
                            AlertState.FIRING,
                            T0,
                            Map.of("alertname", "Lag", "hop", "scorer")))),
                failing(AlertOrigin.ALERTMANAGER))
            .alerts(PATH, NOW, Cancellation.none());
    assertThat(report.alerts()).extracting(PathAlert::name).containsExactly("Lag");
    assertThat(report.complete()).isFalse();
    assertThat(report.known()).isTrue();
    assertThat(report.problems()).containsExactly("Alertmanager unavailable: it is down");
    assertThat(report.headline())
        .isEqualTo("1 firing on path claims - incomplete: Alertmanager unavailable");
  }

  @Test
  void nothingAnsweringIsUnknownNeverNoAlerts() {
    AlertsReport report =
        new AlertDesk(failing(AlertOrigin.PROMETHEUS), failing(AlertOrigin.ALERTMANAGER))
            .alerts(PATH, NOW, Cancellation.none());
    assertThat(report.known()).isFalse();
    assertThat(report.headline())
        .isEqualTo("Alerts on path claims unknown: no alert backend answered");
    AlertsReport none = new AlertDesk(null, null).alerts(PATH, NOW, Cancellation.none());
    assertThat(none.headline())
        .isEqualTo(
            "Alerts on path claims unknown: the profile names no Prometheus or Alertmanager to ask");
  }

  @Test
  void aBrokenHopscopeLinkGivesNoLinkButSaysWhy() {
    ActiveAlert broken =
        new ActiveAlert(
            Map.of("alertname", "Lag", "hop", "scorer"),
            Map.of("runbook_url", "hopscope://playbook/Bad Id"),
            AlertState.FIRING,
            T0,
            AlertOrigin.PROMETHEUS);
    PathAlert a =
        new AlertDesk(source(AlertOrigin.PROMETHEUS, List.of(broken)), null)
            .alerts(PATH, NOW, Cancellation.none())
            .alerts()
            .get(0);
    assertThat(a.playbookLink()).isNull();
    assertThat(a.linkProblem()).startsWith("its runbook_url is not a usable playbook link: ");
  }
}
