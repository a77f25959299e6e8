package org.hopscope.ui.bundle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hopscope.model.Flow;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.bundle.Bundle;
import org.hopscope.model.bundle.BundleManifest;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.oncall.FlowJson;
import org.hopscope.ui.chart.ChartModel;
import org.hopscope.ui.chart.ChartPng;
import org.hopscope.ui.chart.ChartSeriesJson;
import org.hopscope.ui.chart.ChartTheme;

/** Bundles as the reader gives them: an incident with a flow, chart series, a PNG, a report. */
public final class BundleFixtures {

  public static final Instant AT = Instant.parse("2026-11-26T03:10:00Z");

  private BundleFixtures() {}

  public static ChartModel chart() {
    Instant t0 = Instant.parse("2026-11-26T02:00:00Z");
    List<MetricSeries.Point> a =
        List.of(
            new MetricSeries.Point(t0, 3),
            new MetricSeries.Point(t0.plusSeconds(60), 14),
            new MetricSeries.Point(t0.plusSeconds(120), 212));
    List<MetricSeries.Point> b =
        List.of(new MetricSeries.Point(t0, 1), new MetricSeries.Point(t0.plusSeconds(60), 2));
    return new ChartModel(
        "Consumer lag",
        "sum by (partition) (kafka_consumergroup_lag{topic=\"orders.v1\"})",
        "msgs",
        List.of(
            new ChartModel.Series("partition=\"0\"", a),
            new ChartModel.Series("partition=\"1\"", b)),
        List.of(),
        0,
        new TimeWindow(t0.minusSeconds(30), t0.plusSeconds(150)),
        null);
  }

  static Bundle bundle(Path file, Flow flow, byte[] flowJson) {
    Incident incident =
        new Incident(
            12,
            "ERP outage: orders stuck at fulfilment",
            Incident.Severity.SEV2,
            flow.path(),
            new TimeWindow(AT.minusSeconds(3600), AT),
            Incident.Status.MITIGATED,
            AT.minusSeconds(3000),
            AT.minusSeconds(3300),
            AT.minusSeconds(600),
            null,
            "alice");
    List<Evidence> evidence =
        List.of(
            new Evidence(
                31,
                12,
                Evidence.Kind.FLOW_JSON,
                "flow " + flow.query(),
                "message " + flow.query(),
                AT.minusSeconds(2000),
                "application/json",
                flowJson),
            new Evidence(
                32,
                12,
                Evidence.Kind.METRIC_SERIES,
                "fulfilment: Consumer lag (series)",
                chart().query(),
                AT.minusSeconds(1900),
                "application/json",
                ChartSeriesJson.bytes("fulfilment", chart())),
            new Evidence(
                33,
                12,
                Evidence.Kind.CHART_PNG,
                "fulfilment: Consumer lag (chart)",
                chart().query(),
                AT.minusSeconds(1900),
                "image/png",
                ChartPng.bytes(chart(), ChartTheme.DARK, 800, 450)),
            new Evidence(
                34,
                12,
                Evidence.Kind.WINDOW_REPORT,
                "stuck messages 02:00-03:00",
                "window",
                AT.minusSeconds(1800),
                "application/json",
                "{\"stuck\": 212, \"hops\": [\"fulfilment\"]}".getBytes(StandardCharsets.UTF_8)));
    List<TimelineEntry> timeline =
        List.of(
            new TimelineEntry(
                1,
                12,
                AT.minusSeconds(3000),
                TimelineEntry.Kind.OPENED,
                "alice",
                "Opened: ERP outage",
                null),
            new TimelineEntry(
                2,
                12,
                AT.minusSeconds(2000),
                TimelineEntry.Kind.EVIDENCE,
                "alice",
                "Saved flow " + flow.query(),
                "evidence #31"),
            new TimelineEntry(
                3,
                12,
                AT.minusSeconds(600),
                TimelineEntry.Kind.STATUS,
                "bob",
                "Mitigated",
                "ERP adapter pool raised to 60"));
    List<Note> notes =
        List.of(
            new Note(
                1,
                12,
                Note.Scope.INCIDENT,
                "",
                "Pool exhausted after the 02:00 deploy.",
                AT.minusSeconds(900)));
    BundleManifest manifest =
        new BundleManifest(
            BundleManifest.FORMAT_VERSION,
            "1.4.0",
            AT,
            "alice",
            true,
            false,
            12,
            "/home/alice/.local/share/hopscope/hopscope.db",
            List.of("Chart images are left out of a masked bundle; their series are kept."),
            List.of());
    return new Bundle(
        manifest,
        incident,
        timeline,
        notes,
        List.of(),
        evidence,
        Map.of(),
        Map.of(),
        "# PM",
        Map.of(),
        new Bundle.Origin(file, 4096, "ab".repeat(32)));
  }

  static Bundle bundle(Path file, Flow flow) {
    return bundle(file, flow, FlowJson.withDocuments().bytes(flow));
  }
}
