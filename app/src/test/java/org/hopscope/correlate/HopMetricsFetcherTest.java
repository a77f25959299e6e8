package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hopscope.model.HopMetrics;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.Test;

/** How the panels of a path are spread over requests, and what a failed combined request gives. */
class HopMetricsFetcherTest {

  private final PathDef path = OrdersPath.path();
  private final Instant first = Instant.parse("2026-11-26T10:00:00Z");

  private HopMetricsFetcher.Result fetch(CombiningMetrics metrics, String failing) {
    return new HopMetricsFetcher(
            metrics,
            (panel, hop, window, step) ->
                hop.name() + "/" + panel.title() + (panel.title().equals(failing) ? " boom" : ""),
            Runnable::run,
            Duration.ofMinutes(5))
        .fetch(path, first, first.plusSeconds(5), Cancellation.none());
  }

  @Test
  void aCombiningBackendGetsThePanelsInTwoRequestsAndEachPanelItsOwnSeries() {
    CombiningMetrics metrics = new CombiningMetrics();
    HopMetricsFetcher.Result result = fetch(metrics, null);
    assertThat(metrics.requests()).hasSize(HopMetricsFetcher.REQUESTS);
    assertThat(metrics.requests().get(0))
        .startsWith("api-gateway/Requests by status", "order-service/Requests/s");
    assertThat(metrics.requests().stream().mapToInt(List::size).sum()).isEqualTo(11);
    assertThat(result.notices()).isEmpty();
    assertThat(result.metrics()).hasSize(11);
    assertThat(result.metrics())
        .allSatisfy(m -> assertThat(m.series()).isEqualTo(CombiningMetrics.answer(m.query())));
    assertThat(result.metrics())
        .extracting(HopMetrics::query)
        .startsWith(
            "api-gateway/Requests by status",
            "api-gateway/Latency p95",
            "order-service/Requests/s");
  }

  @Test
  void aFailedCombinedRequestIsAskedAgainOnePanelPerRequestSoOnlyTheFailingPanelIsMissing() {
    CombiningMetrics metrics = new CombiningMetrics();
    HopMetricsFetcher.Result result = fetch(metrics, "Consumer lag");
    List<List<String>> requests = metrics.requests();
    // two combined requests; the one holding the failing panel again as single requests
    int failedGroupSize =
        requests.subList(0, 2).stream()
            .filter(r -> r.contains("orders.v1/Consumer lag boom"))
            .findFirst()
            .orElseThrow()
            .size();
    assertThat(requests).hasSize(2 + failedGroupSize);
    assertThat(requests.subList(2, requests.size())).allSatisfy(r -> assertThat(r).hasSize(1));
    assertThat(result.metrics()).hasSize(10);
    assertThat(result.metrics())
        .extracting(HopMetrics::panel)
        .doesNotContain("Consumer lag")
        .contains("Messages in/s");
    assertThat(result.notices())
        .extracting(Notice::text)
        .containsExactly("metrics unavailable: rejected orders.v1/Consumer lag boom");
  }

  @Test
  void aQueryTwoPanelsRenderAlikeIsAskedOnceAndAnswersBoth() {
    CombiningMetrics metrics = new CombiningMetrics();
    HopMetricsFetcher.Result result =
        new HopMetricsFetcher(
                metrics,
                (panel, hop, window, step) ->
                    panel.title().endsWith("/s") ? "sum(rate(same[1m]))" : panel.title(),
                Runnable::run,
                Duration.ofMinutes(5))
            .fetch(path, first, first.plusSeconds(5), Cancellation.none());
    // Requests/s, Messages in/s, Dead-lettered/s and Confirmations/s render alike
    assertThat(metrics.requests().stream().mapToInt(List::size).sum()).isEqualTo(8);
    assertThat(metrics.requests().stream().flatMap(List::stream))
        .containsOnlyOnce("sum(rate(same[1m]))");
    assertThat(result.metrics()).hasSize(11);
    assertThat(result.metrics())
        .filteredOn(m -> m.query().equals("sum(rate(same[1m]))"))
        .extracting(m -> m.hop() + ": " + m.panel())
        .containsExactly(
            "order-service: Requests/s",
            "orders.v1: Messages in/s",
            "fulfilment-service: Dead-lettered/s",
            "erp-confirmation: Confirmations/s");
    assertThat(result.metrics())
        .allSatisfy(m -> assertThat(m.series()).isEqualTo(CombiningMetrics.answer(m.query())));
  }
}
