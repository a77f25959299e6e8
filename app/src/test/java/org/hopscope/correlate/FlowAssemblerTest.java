package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hopscope.faults.Fault;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.FindResult;
import org.hopscope.source.IdQuery;
import org.hopscope.source.MetricSource;
import org.hopscope.source.SourceException;
import org.junit.jupiter.api.Test;

class FlowAssemblerTest {

  private final PathDef path = OrdersPath.path();
  private final InMemoryEventSource es = new InMemoryEventSource();
  private final Docs docs = new Docs(es);
  private final Instant asOf = Docs.at(3_600_000);

  private Flow assemble(String id, FlowOptions options) {
    return new FlowAssembler(es, null, options).assemble(path, id, null, asOf, Cancellation.none());
  }

  @Test
  void firstRoundAsksEveryHopSourceForTheIdAndAsATraceInOneCall() {
    docs.journey("ord-1", "4500000001", 0);
    Flow f = assemble("ord-1", FlowOptions.defaults());
    List<IdQuery> first = es.findCalls.get(0);
    assertThat(first)
        .extracting(q -> q.hop() + " " + q.source().index() + " " + q.field() + " " + q.values())
        .contains(
            "api-gateway gateway-access-* x_correlation_id [ord-1]",
            "api-gateway gateway-access-* trace.id [ord-1]",
            "order-service apm-order-service-* labels.message_id [ord-1]",
            "order-service logs-order-service-* labels.message_id [ord-1]",
            "erp-adapter jaeger-span-* tags[key=message.id].value [ord-1]",
            "erp-adapter jaeger-span-* tags[key=erp.document_number].value [ord-1]",
            "erp-confirmation logs-erp-confirmation-* labels.erp_document_number [ord-1]");
    assertThat(f.verdict()).isEqualTo(HopVerdict.OK);
    assertThat(f.ids()).containsExactly("ord-1", "4500000001");
    assertThat(f.hops()).extracting(h -> h.events().size()).containsExactly(1, 1, 2, 1, 1, 1);
    assertThat(f.hops())
        .extracting(HopFlow::latencyMs)
        .containsExactly(1_000L, 1_000L, 1_000L, 1_000L, 1_000L, null);
    // round 2 follows the ERP number and both traces, round 3 finds nothing new
    assertThat(es.finds.get()).isEqualTo(2);
    assertThat(es.findCalls.get(1)).allSatisfy(q -> assertThat(q.values()).doesNotContain("ord-1"));
    // following a trace leaves out what the ID queries bring anyway (no second copy of the events)
    assertThat(es.findCalls.get(1))
        .filteredOn(q -> q.field().equals(q.source().fields().traceId()))
        .isNotEmpty()
        .allSatisfy(
            q ->
                assertThat(q.excludingMessageIds())
                    .containsExactlyInAnyOrder("ord-1", "4500000001"));
  }

  @Test
  void theErpNumberAndATraceIdFindTheSameMessage() {
    docs.journey("ord-1", "4500000001", 0);
    docs.journey("ord-2", "4500000002", 60_000);
    Flow byId = assemble("ord-1", FlowOptions.defaults());
    for (String q : List.of("4500000001", "back-ord-1", "front-ord-1")) {
      Flow f = assemble(q, FlowOptions.defaults());
      assertThat(f.hops()).as(q).isEqualTo(byId.hops());
      assertThat(f.ids()).as(q).contains("ord-1", "4500000001").doesNotContain("ord-2");
    }
  }

  @Test
  void aFollowedTraceDoesNotPullInAnotherMessage() {
    docs.journey("ord-1", "4500000001", 0);
    docs.fulfilment("ord-9", "back-ord-1", 9_000, "consumed");
    Flow f = assemble("ord-1", FlowOptions.defaults());
    assertThat(f.ids()).doesNotContain("ord-9");
    assertThat(f.hops().get(3).events()).hasSize(1);
    assertThat(f.notices())
        .extracting(Notice::text)
        .containsExactly(
            "left out 1 event(s) that share a trace ID with this message but carry other message"
                + " IDs, e.g. logs-fulfilment-2026.11.26/d8 on trace back-ord-1 with ID(s) [ord-9]");
  }

  @Test
  void linkDepthAndIdLimitsStopTheSearchAndSaySo() {
    docs.journey("ord-1", "4500000001", 0);
    Flow shallow = assemble("ord-1", new FlowOptions(0, 1_000, 100));
    assertThat(shallow.hops().get(5).verdict()).isEqualTo(HopVerdict.NO_EVIDENCE);
    assertThat(shallow.verdict()).isEqualTo(HopVerdict.STUCK);
    assertThat(shallow.notices())
        .extracting(Notice::text)
        .singleElement()
        .asString()
        .startsWith(
            "stopped following IDs after 1 rounds (link depth limit); 3 value(s) not followed")
        .endsWith("raise maxLinkDepth (now 0) to follow them");
    Flow few = assemble("ord-1", new FlowOptions(4, 3, 100));
    assertThat(few.notices())
        .extracting(Notice::text)
        .singleElement()
        .asString()
        .isEqualTo(
            "ID limit reached: 2 value(s) not followed, e.g. front-ord-1; raise maxIds (now 3) to follow them");
    // the ERP number (found first) was followed within the limit, the two trace IDs were not
    assertThat(few.hops().get(5).events()).hasSize(1);
  }

  @Test
  void eventsAreDeduplicatedAndTruncationIsReported() {
    docs.journey("ord-1", "4500000001", 0);
    for (int i = 0; i < 3; i++) {
      docs.fulfilment("ord-1", "back-ord-1", 10_000 + i, "erp-call-retry");
    }
    Flow f = assemble("ord-1", new FlowOptions(4, 1_000, 2));
    assertThat(f.hops().get(3).events()).extracting(e -> e.docId()).doesNotHaveDuplicates();
    assertThat(f.notices())
        .filteredOn(Notice.EventsTruncated.class::isInstance)
        .extracting(
            n -> ((Notice.EventsTruncated) n).hop() + " " + ((Notice.EventsTruncated) n).limit())
        .containsExactly("fulfilment-service 2");
  }

  @Test
  void attemptsCountRetriesAndDeliveriesPerSource() {
    docs.journey("ord-1", "4500000001", 0);
    docs.fulfilment("ord-1", "back-ord-1", 3_500, "erp-call-retry");
    docs.erp("ord-1", "back-ord-1", 3_900, null, 0);
    docs.topic("ord-1", "back-ord-1", 40_000, "receive");
    Flow f = assemble("ord-1", FlowOptions.defaults());
    assertThat(f.hops()).extracting(HopFlow::attempts).containsExactly(1, 1, 2, 2, 2, 1);
    assertThat(f.verdict()).isEqualTo(HopVerdict.OK);
  }

  @Test
  void aClockThatRunsBehindIsCorrectedWithAWarning() {
    docs.journey("ord-1", "4500000001", 0);
    docs.order("ord-1", "front-ord-1", -50);
    Flow f = assemble("ord-1", FlowOptions.defaults());
    assertThat(f.hops().get(0).latencyMs()).isZero();
    assertThat(f.hops()).extracting(HopFlow::skewMs).containsExactly(0L, 50L, 0L, 0L, 0L, 0L);
    assertThat(f.notices())
        .extracting(Notice::text)
        .containsExactly(
            "clock skew: order-service first seen 50 ms before api-gateway (its clock runs"
                + " behind); its times are corrected by +50 ms and the hand-over api-gateway ->"
                + " order-service shown as 0");
  }

  @Test
  void unreadableTimestampsAreSkippedAndNamed() {
    docs.journey("ord-1", "4500000001", 0);
    String bad =
        docs.add(
            "logs-fulfilment-2026.11.26",
            Docs.map("@timestamp", "yesterday", "labels", Docs.map("message_id", "ord-1")));
    Flow f = assemble("ord-1", FlowOptions.defaults());
    assertThat(f.hops().get(3).events()).hasSize(1);
    assertThat(f.notices())
        .extracting(Notice::text)
        .containsExactly(
            "skipped 1 document(s) of hop fulfilment-service in index logs-fulfilment-2026.11.26"
                + " without a readable timestamp (field @timestamp, format iso), e.g. document "
                + bad
                + ": 'yesterday' is not a timestamp in format iso");
  }

  @Test
  void nothingFoundIsNoEvidence() {
    docs.journey("ord-1", "4500000001", 0);
    Flow f = assemble("ord-\"1\" OR *", FlowOptions.defaults());
    assertThat(f.verdict()).isEqualTo(HopVerdict.NO_EVIDENCE);
    assertThat(f.hops()).allSatisfy(h -> assertThat(h.verdict()).isEqualTo(HopVerdict.NO_EVIDENCE));
    assertThat(f.ids()).containsExactly("ord-\"1\" OR *");
  }

  @Fault(Fault.Area.BACKENDS)
  @Test
  void metricsOfEveryHopOverTheFlowSpanAndAFailingBackendIsOnlyAWarning() {
    docs.journey("ord-1", "4500000001", 0);
    List<String> asked = new ArrayList<>();
    AtomicInteger executed = new AtomicInteger();
    MetricSource prometheus =
        new FakeMetrics(
            (promql, from, to, step) -> {
              asked.add(promql + " " + from + " " + to + " " + step);
              return List.of(new MetricSeries(Map.of("service", "x"), List.of()));
            });
    HopMetricsFetcher fetcher =
        new HopMetricsFetcher(
            prometheus,
            (panel, hop, window, step) ->
                panel.promql().replace("$service", hop.name()).replace("$rate", window.toString()),
            r -> {
              executed.incrementAndGet();
              r.run();
            },
            Duration.ofMinutes(5));
    Flow f =
        new FlowAssembler(es, fetcher, FlowOptions.defaults())
            .assemble(path, "ord-1", null, asOf, Cancellation.none());
    assertThat(executed.get()).isEqualTo(11); // the panels of queries/orders.yaml
    assertThat(f.metrics()).hasSize(11);
    assertThat(f.metrics().get(0).query())
        .isEqualTo("sum by (status) (rate(http_requests_total{service=\"api-gateway\"}[PT10M5S]))");
    assertThat(asked.get(0))
        .isEqualTo(f.metrics().get(0).query() + " 2026-11-26T09:55:00Z 2026-11-26T10:05:05Z PT15S");

    MetricSource down =
        new FakeMetrics(
            (promql, from, to, step) -> {
              throw new SourceException(
                  "Prometheus",
                  SourceException.Kind.UNREACHABLE,
                  "Prometheus at http://x:9 is unreachable",
                  null);
            });
    Flow g =
        new FlowAssembler(
                es,
                new HopMetricsFetcher(
                    down, (p, h, w, s) -> p.promql(), Runnable::run, Duration.ofMinutes(5)),
                FlowOptions.defaults())
            .assemble(path, "ord-1", null, asOf, Cancellation.none());
    assertThat(g.verdict()).isEqualTo(HopVerdict.OK);
    assertThat(g.metrics()).isEmpty();
    assertThat(g.notices())
        .extracting(Notice::text)
        .containsExactly("metrics unavailable: Prometheus at http://x:9 is unreachable");
  }

  @Test
  void anEventBackendFailurePropagates() {
    InMemoryEventSource failing =
        new InMemoryEventSource() {
          @Override
          public synchronized FindResult find(
              List<IdQuery> q,
              TimeWindow w,
              int l,
              Cancellation c,
              org.hopscope.source.FirstPages.Listener early) {
            throw new SourceException(
                "Elasticsearch", SourceException.Kind.UNREACHABLE, "down", null);
          }
        };
    assertThatThrownBy(
            () ->
                new FlowAssembler(failing, null, FlowOptions.defaults())
                    .assemble(path, "x", null, asOf, Cancellation.none()))
        .isInstanceOf(SourceException.class)
        .hasMessage("down");
  }

  @Test
  void aCancelledSearchStops() {
    Cancellation cancel = new Cancellation();
    cancel.cancel();
    assertThatThrownBy(
            () ->
                new FlowAssembler(es, null, FlowOptions.defaults())
                    .assemble(path, "x", null, asOf, cancel))
        .isInstanceOf(Cancellation.CancelledException.class);
  }
}
