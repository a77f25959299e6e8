package org.hopscope.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.alert.AlertBackend;
import org.hopscope.model.alert.AlertOrigin;
import org.hopscope.model.alert.AlertState;
import org.hopscope.model.alert.AlertsReport;
import org.hopscope.model.alert.PathAlert;
import org.hopscope.model.playbook.PlaybookLink;
import org.hopscope.source.SourceException;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;

/** The alerts panel's model: badge words, failures never shown as "no alerts", opening links. */
class AlertsViewModelTest {

  private static final Instant NOW = Instant.parse("2026-11-26T16:25:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String LINK =
      "hopscope://playbook/consumer-lag?path=orders&hop=fulfilment-service"
          + "&from=2026-11-26T15:35:00Z&to=2026-11-26T16:25:00Z";

  private static PathAlert alert(AlertState state, String link) {
    return new PathAlert(
        "Lag",
        state,
        "page",
        "fulfilment-service",
        "hop=fulfilment-service",
        "lag grows",
        Map.of("alertname", "Lag"),
        Map.of(),
        Instant.parse("2026-11-26T15:35:00Z"),
        link,
        link,
        null,
        List.of(AlertOrigin.PROMETHEUS));
  }

  private static AlertsReport report(List<PathAlert> alerts, AlertBackend alertmanager) {
    return new AlertsReport(
        "orders",
        NOW,
        alerts,
        0,
        List.of(AlertBackend.answered(AlertOrigin.PROMETHEUS, "http://p:9090", 1), alertmanager));
  }

  @Test
  void theBadgeCountsFiringAndAsksWhenABackendFailed() {
    List<String> asked = new ArrayList<>();
    AlertsViewModel vm =
        new AlertsViewModel(
            (path, asOf, c) -> {
              asked.add(path + " " + asOf);
              return report(
                  List.of(alert(AlertState.FIRING, LINK)),
                  AlertBackend.unavailable(AlertOrigin.ALERTMANAGER, "http://a:9093", "down"));
            },
            new SynchronousTaskRunner(),
            CLOCK,
            link -> {});
    vm.pathProperty().set("orders");
    assertThat(asked).containsExactly("orders 2026-11-26T16:25:00Z");
    assertThat(vm.badgeProperty().get()).isEqualTo("1 firing?");
    assertThat(vm.reportProperty().get().problems())
        .containsExactly("Alertmanager unavailable: down");
  }

  @Test
  void aFailureIsAlertsUnknownWithItsReasonNeverNoAlerts() {
    AlertsViewModel vm =
        new AlertsViewModel(
            (path, asOf, c) -> {
              throw new SourceException(
                  "Prometheus", SourceException.Kind.UNREACHABLE, "Prometheus x unreachable", null);
            },
            new SynchronousTaskRunner(),
            CLOCK,
            link -> {});
    vm.pathProperty().set("orders");
    assertThat(vm.badgeProperty().get()).isEqualTo("alerts unknown");
    assertThat(vm.problemProperty().get()).isEqualTo("Alerts unknown: Prometheus x unreachable");
    assertThat(vm.reportProperty().get()).isNull();
  }

  @Test
  void openingAnAlertHandsItsLinkOverAndClosesThePanel() {
    List<PlaybookLink> opened = new ArrayList<>();
    AlertsViewModel vm =
        new AlertsViewModel(
            (path, asOf, c) ->
                report(List.of(), AlertBackend.notConfigured(AlertOrigin.ALERTMANAGER)),
            new SynchronousTaskRunner(),
            CLOCK,
            opened::add);
    vm.pathProperty().set("orders");
    assertThat(vm.badgeProperty().get()).isEqualTo("no alerts");
    vm.openProperty().set(true);
    assertThat(vm.open(alert(AlertState.FIRING, null))).isFalse();
    assertThat(vm.openProperty().get()).isTrue();
    assertThat(vm.open(alert(AlertState.FIRING, LINK))).isTrue();
    assertThat(opened).containsExactly(PlaybookLink.parse(LINK));
    assertThat(vm.openProperty().get()).isFalse();
  }
}
