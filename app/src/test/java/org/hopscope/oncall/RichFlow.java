package org.hopscope.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.BlindSource;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopMetrics;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.Notice;
import org.hopscope.model.TimeWindow;

/**
 * A flow with everything the JSON contract carries: parts, batches, basis, clock skew, metrics
 * (NaN, fractional times), a blind hop (UNKNOWN), span and log events with documents.
 */
public final class RichFlow {

  public static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

  private RichFlow() {}

  public static Flow flow() {
    FlowEvent gate =
        new FlowEvent(
            "gateway",
            T0.plusMillis(12),
            "gateway-2026.11.26",
            "g1",
            "info",
            "POST /orders 202",
            "trace-1",
            "span-1",
            "api-gateway",
            1,
            false,
            false,
            List.of("ord-1"),
            document("POST /orders 202", 12),
            EventSourceDef.Kind.SPAN,
            "POST /orders",
            Duration.ofNanos(12_345_678),
            "success");
    FlowEvent fail =
        new FlowEvent(
            "fulfilment",
            T0.plusSeconds(5),
            "fulfil-2026.11.26",
            "f1",
            "error",
            "ERP adapter pool exhausted",
            "trace-1",
            null,
            "fulfilment-service",
            2,
            true,
            false,
            List.of("ord-1", "4500012345"),
            document("ERP adapter pool exhausted", 2),
            EventSourceDef.Kind.LOG,
            null,
            null,
            null);
    FlowEvent parked =
        new FlowEvent(
            "fulfilment",
            T0.plusSeconds(6),
            "fulfil-2026.11.26",
            "f2",
            "warn",
            "message parked",
            null,
            null,
            null,
            null,
            false,
            true,
            List.of("4500012345"),
            document("message parked", 3));
    HopFlow gateway =
        new HopFlow(
            "gateway",
            HopVerdict.OK,
            1,
            gate.timestamp(),
            gate.timestamp(),
            4988L,
            List.of(gate),
            0,
            false,
            0,
            new HopFlow.PartProgress(2, 3),
            List.of(),
            List.of());
    HopFlow fulfilment =
        new HopFlow(
            "fulfilment",
            HopVerdict.DEAD_LETTERED,
            2,
            fail.timestamp(),
            parked.timestamp(),
            null,
            List.of(fail, parked),
            1,
            false,
            250,
            null,
            List.of("batch-7"),
            List.of());
    BlindSource blind =
        new BlindSource("erp-*", BlindSource.Reason.NO_PRIVILEGE, "security_exception: no read");
    HopFlow erp =
        new HopFlow(
            "erp",
            HopVerdict.UNKNOWN,
            0,
            null,
            null,
            null,
            List.of(),
            0,
            false,
            0,
            null,
            List.of(),
            List.of(blind));
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("partition", "0");
    labels.put("topic", "orders.v1");
    HopMetrics lag =
        new HopMetrics(
            "fulfilment",
            "Consumer lag",
            "sum by (partition) (lag{topic=\"orders.v1\"})",
            List.of(
                new MetricSeries(
                    labels,
                    List.of(
                        new MetricSeries.Point(T0, 12),
                        new MetricSeries.Point(T0.plusMillis(15_250), Double.NaN),
                        new MetricSeries.Point(T0.plusSeconds(30), 3.5)))));
    return new Flow(
        "orders",
        "ord-1",
        List.of("ord-1", "4500012345"),
        HopVerdict.UNKNOWN,
        null,
        List.of(gateway, fulfilment, erp),
        List.of(lag),
        List.of(
            new Notice.ClockSkew("gateway", "fulfilment", 250),
            new Notice.SourceUnreadable("erp", blind),
            new Notice.EventsLeftOut(1, "fulfil-x", "d9", "trace-1", List.of("ord-2")),
            new Notice.MetricsUnavailable("Prometheus at http://p:9090 is unreachable")),
        new Flow.Basis(
            new TimeWindow(T0.minusSeconds(3600), T0.plusSeconds(3600)),
            new TimeWindow(T0.minusSeconds(7200), T0.plusSeconds(7200)),
            T0.plusSeconds(3600),
            0,
            1),
        List.of(
            new Flow.Part("ord-1/1", HopVerdict.OK, null, "erp", null),
            new Flow.Part("ord-1/2", HopVerdict.DEAD_LETTERED, "fulfilment", "fulfilment", "b-7")),
        List.of(
            new Flow.Batch(
                "batch-7",
                "fulfilment",
                3,
                List.of("ord-2", "ord-3"),
                List.of(new Flow.Member("ord-2", HopVerdict.OK, null)))));
  }

  private static Map<String, Object> document(String message, int attempt) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("message", message);
    doc.put("attempt", attempt);
    doc.put("labels", Map.of("env", "prod"));
    doc.put("tags", List.of("a", "b"));
    doc.put("ok", true);
    doc.put("ratio", 0.25);
    doc.put("none", null);
    return doc;
  }
}
