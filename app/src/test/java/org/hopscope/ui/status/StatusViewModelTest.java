package org.hopscope.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.hopscope.faults.Fault;
import org.hopscope.oncall.ConnectionReport;
import org.hopscope.oncall.ConnectionReport.SourceCheck;
import org.hopscope.oncall.ConnectionReport.State;
import org.hopscope.source.SourceException;
import org.hopscope.ui.status.SourceHealth.Level;
import org.hopscope.ui.task.ManualTaskRunner;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T13:02:11.734Z"), ZoneId.of("Europe/Berlin"));

  private static SourceCheck es(String health, String version) {
    return new SourceCheck(
        "Elasticsearch",
        State.REACHABLE,
        "http://127.0.0.1:9200",
        version,
        "c1",
        health,
        null,
        null,
        List.of());
  }

  private static SourceCheck prom(String version) {
    return new SourceCheck(
        "Prometheus",
        State.REACHABLE,
        "http://127.0.0.1:9090",
        version,
        null,
        null,
        null,
        null,
        List.of());
  }

  private static ConnectionReport report(SourceCheck es, SourceCheck prom) {
    return new ConnectionReport("p", es, prom, List.of());
  }

  @Test
  void showsEachSourcesHealthAfterRefresh() {
    StatusViewModel vm =
        new StatusViewModel(
            c -> report(es("green", "8.19.21"), prom("2.42.0")),
            new SynchronousTaskRunner(),
            CLOCK);
    assertThat(vm.elasticsearchProperty().get().text()).isEqualTo("not checked yet");
    assertThat(vm.elasticsearchProperty().get().level()).isEqualTo(Level.UNKNOWN);

    vm.refresh();

    assertThat(vm.elasticsearchProperty().get())
        .isEqualTo(
            new SourceHealth(
                "Elasticsearch",
                Level.HEALTHY,
                "green 8.19.21",
                "Elasticsearch http://127.0.0.1:9200\ncluster c1"));
    assertThat(vm.prometheusProperty().get().text()).isEqualTo("up 2.42.0");
    assertThat(vm.prometheusProperty().get().level()).isEqualTo(Level.HEALTHY);
  }

  @Fault(Fault.Area.BACKENDS)
  @Test
  void failuresAndAbsenceAreShownWithTheExactErrorInTheDetail() {
    String error =
        "Elasticsearch at http://127.0.0.1:1 is unreachable (connection refused) for GET /.";
    StatusViewModel vm =
        new StatusViewModel(
            c ->
                report(
                    SourceCheck.failed(
                        "Elasticsearch",
                        "http://127.0.0.1:1",
                        SourceException.Kind.UNREACHABLE,
                        error),
                    SourceCheck.notConfigured("Prometheus")),
            new SynchronousTaskRunner(),
            CLOCK);
    vm.refresh();
    assertThat(vm.elasticsearchProperty().get())
        .isEqualTo(
            new SourceHealth(
                "Elasticsearch", Level.DOWN, "unreachable: connection refused", error));
    assertThat(vm.prometheusProperty().get().text()).isEqualTo("not configured");
    assertThat(vm.prometheusProperty().get().level()).isEqualTo(Level.OFF);
  }

  @Test
  void yellowIsDegradedAndRedIsDown() {
    StatusViewModel vm =
        new StatusViewModel(
            c -> report(es("yellow", "8.19.21"), prom("2.42.0")),
            new SynchronousTaskRunner(),
            CLOCK);
    vm.refresh();
    assertThat(vm.elasticsearchProperty().get().level()).isEqualTo(Level.DEGRADED);
    vm.probeProperty().set(c -> report(es("red", "8.19.21"), prom("2.42.0")));
    assertThat(vm.elasticsearchProperty().get().level()).isEqualTo(Level.DOWN);
    assertThat(vm.elasticsearchProperty().get().text()).isEqualTo("red 8.19.21");
  }

  @Test
  void swappingTheProbeRefreshesAndTheOldAnswerIsDropped() {
    ManualTaskRunner runner = new ManualTaskRunner();
    StatusViewModel vm =
        new StatusViewModel(c -> report(es("red", "7.0.0"), prom("1.0.0")), runner, CLOCK);
    vm.refresh();
    assertThat(vm.refreshingProperty().get()).isTrue();

    vm.probeProperty().set(c -> report(es("green", "8.19.21"), prom("2.42.0")));

    assertThat(runner.started).hasSize(2);
    assertThat(runner.started.get(0).cancel.isCancelled()).isTrue();
    runner.started.get(1).complete();
    runner.started.get(0).complete();
    assertThat(vm.elasticsearchProperty().get().text()).isEqualTo("green 8.19.21");
    assertThat(vm.refreshingProperty().get()).isFalse();
  }

  @Test
  void pollSkipsWhileARefreshRuns() {
    ManualTaskRunner runner = new ManualTaskRunner();
    StatusViewModel vm =
        new StatusViewModel(c -> report(es("green", "8.19.21"), prom("2.42.0")), runner, CLOCK);
    vm.poll();
    vm.poll();
    assertThat(runner.started).hasSize(1);
    runner.started.get(0).complete();
    vm.poll();
    assertThat(runner.started).hasSize(2);
  }

  @Test
  void noProbeMeansNoProfile() {
    StatusViewModel vm = new StatusViewModel(null, new SynchronousTaskRunner(), CLOCK);
    vm.refresh();
    assertThat(vm.elasticsearchProperty().get().text()).isEqualTo("no profile");
    assertThat(vm.prometheusProperty().get().text()).isEqualTo("no profile");
  }

  @Test
  void recordsTheLastQueryWithLocalTime() {
    StatusViewModel vm = new StatusViewModel(null, new SynchronousTaskRunner(), CLOCK);
    assertThat(vm.lastQueryProperty().get()).isEmpty();
    vm.recordQuery("flow ord-123", Duration.ofMillis(412));
    assertThat(vm.lastQueryProperty().get()).isEqualTo("flow ord-123: 412 ms at 14:02:11");
    vm.recordQuery("stuck messages", Duration.ofMillis(45_027));
    assertThat(vm.lastQueryProperty().get()).isEqualTo("stuck messages: 45.0 s at 14:02:11");
  }
}
