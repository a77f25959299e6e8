package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.EvidenceSummary;
import org.hopscope.model.incident.Incident.Severity;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.oncall.FlowJson;
import org.hopscope.store.IncidentDatabase;
import org.hopscope.testing.ManualClock;
import org.hopscope.ui.chart.ChartModel;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.incident.EvidenceSaver;
import org.hopscope.ui.incident.EvidenceViewModel;
import org.hopscope.ui.incident.IncidentViewModel;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save as evidence (flow, chart) and the evidence list/viewer on a real SQLite file, no FX. */
class EvidenceActionsTest {

  private static final Instant T0 = Instant.parse("2026-11-26T03:00:00Z");
  private static final TimeWindow WINDOW = new TimeWindow(T0.minusSeconds(3600), T0);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private IncidentDatabase db;
  private IncidentViewModel incidents;
  private EvidenceSaver saver;
  private EvidenceActions actions;
  private EvidenceViewModel evidence;

  @BeforeEach
  void setUp() {
    ManualClock clock = new ManualClock(T0);
    db = IncidentDatabase.open(dir.resolve("hopscope.db"), clock);
    incidents =
        new IncidentViewModel(
            new org.hopscope.oncall.IncidentDesk(db, "alice"), new SynchronousTaskRunner(), null);
    saver = new EvidenceSaver(incidents);
    actions = new EvidenceActions(saver);
    evidence = new EvidenceViewModel(incidents);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void withoutAnIncidentNothingIsSavedAndTheReasonIsGiven() {
    assertThat(saver.availableProperty().get()).isFalse();
    actions.saveFlow(flow(), WINDOW);
    assertThat(saver.confirmationProperty().get()).isEqualTo("Open an incident to keep evidence.");
    assertThat(evidence.items()).isEmpty();
  }

  @Test
  void aFlowIsKeptAsTheFlowJsonContractAndListedAndViewed() throws Exception {
    incidents.open("orders stuck", Severity.SEV2, "orders", WINDOW);
    long id = incidents.currentProperty().get().id();
    assertThat(saver.availableProperty().get()).isTrue();
    Flow flow = flow();
    actions.saveFlow(flow, WINDOW);

    assertThat(saver.confirmationProperty().get()).isEqualTo("Saved flow ord-1 on incident #" + id);
    assertThat(evidence.items()).hasSize(1);
    EvidenceSummary s = evidence.items().get(0);
    assertThat(s.kind()).isEqualTo(Evidence.Kind.FLOW_JSON);
    assertThat(s.title()).isEqualTo("flow ord-1");
    assertThat(s.query())
        .isEqualTo("message ord-1 on path orders, 2026-11-26T02:00:00Z..2026-11-26T03:00:00Z");
    assertThat(s.mediaType()).isEqualTo("application/json");
    byte[] expected = FlowJson.withDocuments().bytes(flow);
    assertThat(db.evidence().load(s.id()).orElseThrow().content()).isEqualTo(expected);
    assertThat(s.size()).isEqualTo(expected.length);
    JsonNode root = JSON.readTree(expected);
    assertThat(root.path("hops").get(1).path("events")).hasSize(2);

    TimelineEntry last = incidents.timeline().get(incidents.timeline().size() - 1);
    assertThat(last.kind()).isEqualTo(TimelineEntry.Kind.EVIDENCE);
    assertThat(last.summary()).isEqualTo("evidence saved: flow ord-1");
    assertThat(EvidenceViewModel.evidenceId(last)).isEqualTo(s.id());

    evidence.show(s.id());
    EvidenceViewModel.Shown shown = evidence.shownProperty().get();
    assertThat(shown.image()).isFalse();
    assertThat(shown.note()).isEmpty();
    assertThat(JSON.readTree(shown.text())).isEqualTo(root);
    assertThat(shown.text()).contains("\n  \"verdict\" : \"STUCK\"");

    Path copy = dir.resolve(EvidenceViewModel.fileName(s));
    evidence.saveCopy(copy);
    assertThat(copy.getFileName().toString()).isEqualTo("evidence-" + s.id() + "-flow-ord-1.json");
    assertThat(Files.readAllBytes(copy)).isEqualTo(expected);
    assertThat(evidence.messageProperty().get()).isEqualTo("Copy saved to " + copy);
  }

  @Test
  void aChartIsKeptAsA1600x900PngAndItsSeriesWithThePromQl() throws Exception {
    incidents.open("lag", Severity.SEV3, "orders", WINDOW);
    ChartModel chart = chart();
    actions.save("fulfilment-service", chart, ChartTheme.DARK);

    assertThat(evidence.items())
        .extracting(EvidenceSummary::kind, EvidenceSummary::title, EvidenceSummary::query)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Evidence.Kind.CHART_PNG,
                "fulfilment-service: Consumer lag (chart)",
                "sum(kafka_consumergroup_lag{service=\"fulfilment-service\"})"),
            org.assertj.core.groups.Tuple.tuple(
                Evidence.Kind.METRIC_SERIES,
                "fulfilment-service: Consumer lag (series)",
                "sum(kafka_consumergroup_lag{service=\"fulfilment-service\"})"));
    assertThat(saver.confirmationProperty().get())
        .startsWith("Saved chart fulfilment-service: Consumer lag (2 items) on incident #");
    Evidence png = db.evidence().load(evidence.items().get(0).id()).orElseThrow();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.content()));
    assertThat(image.getWidth()).isEqualTo(1600);
    assertThat(image.getHeight()).isEqualTo(900);
    evidence.show(png.id());
    assertThat(evidence.shownProperty().get().image()).isTrue();

    Evidence series = db.evidence().load(evidence.items().get(1).id()).orElseThrow();
    JsonNode root = JSON.readTree(series.content());
    assertThat(root.path("hop").asText()).isEqualTo("fulfilment-service");
    assertThat(root.path("query").asText()).isEqualTo(chart.query());
    assertThat(root.path("series").get(0).path("label").asText()).isEqualTo("lag");
    assertThat(root.path("series").get(0).path("points").toString())
        .isEqualTo("[[1764122400,10.0],[1764122460,\"NaN\"],[1764122520,30.5]]");

    assertThat(incidents.timeline())
        .filteredOn(e -> e.kind() == TimelineEntry.Kind.EVIDENCE)
        .extracting(TimelineEntry::summary)
        .containsExactly(
            "evidence saved: fulfilment-service: Consumer lag (chart)",
            "evidence saved: fulfilment-service: Consumer lag (series)");

    Path out = dir.resolve("pm/incident.md");
    incidents.exportPostMortem(out);
    String md = Files.readString(out);
    assertThat(md)
        .contains("### 1. fulfilment-service: Consumer lag (chart)")
        .contains("![fulfilment-service: Consumer lag (chart)](images/1-")
        .contains("### 2. fulfilment-service: Consumer lag (series)")
        .contains("- Series: 1, 3 points");
    try (var images = Files.list(out.resolveSibling("images"))) {
      Path written = images.findFirst().orElseThrow();
      assertThat(Files.readAllBytes(written)).isEqualTo(png.content());
    }
  }

  @Test
  void longJsonIsTruncatedWithANoteAndBadJsonShownAsStored() {
    incidents.open("big", Severity.SEV4, null, null);
    String big = "[" + "1,".repeat(150_000) + "1]";
    saver.save(
        "big",
        () ->
            List.of(
                new org.hopscope.ui.incident.EvidenceDraft(
                    Evidence.Kind.METRIC_SERIES,
                    "big",
                    "",
                    "application/json",
                    big.getBytes(StandardCharsets.UTF_8)),
                new org.hopscope.ui.incident.EvidenceDraft(
                    Evidence.Kind.FLOW_JSON,
                    "broken",
                    "",
                    "application/json",
                    "{\"hops\": [".getBytes(StandardCharsets.UTF_8))));
    evidence.show(evidence.items().get(0).id());
    EvidenceViewModel.Shown shown = evidence.shownProperty().get();
    assertThat(shown.text()).hasSize(EvidenceViewModel.TEXT_LIMIT);
    assertThat(shown.note())
        .isEqualTo(
            "Showing the first 200,000 of 450,005 characters; use Save copy… for all of it.");
    evidence.show(evidence.items().get(1).id());
    assertThat(evidence.shownProperty().get().text()).isEqualTo("{\"hops\": [");
    assertThat(evidence.shownProperty().get().note()).isEqualTo("Not valid JSON; shown as stored.");

    incidents.select(0);
    assertThat(evidence.items()).isEmpty();
    assertThat(evidence.shownProperty().get()).isNull();
  }

  private static Flow flow() {
    FlowEvent a = event("order-service", 0);
    FlowEvent b = event("fulfilment-service", 100);
    FlowEvent c = event("fulfilment-service", 200);
    return new Flow(
        "orders",
        "ord-1",
        List.of("ord-1"),
        HopVerdict.STUCK,
        "fulfilment-service",
        List.of(
            new HopFlow("order-service", HopVerdict.OK, 1, T0, T0, 1L, List.of(a)),
            new HopFlow(
                "fulfilment-service",
                HopVerdict.STUCK,
                1,
                T0.plusMillis(100),
                T0.plusMillis(200),
                null,
                List.of(b, c))),
        List.of(),
        List.of());
  }

  private static FlowEvent event(String hop, long ms) {
    return new FlowEvent(
        hop,
        T0.plusMillis(ms),
        "logs-" + hop,
        hop + "-" + ms,
        "INFO",
        "msg",
        "trace-1",
        null,
        hop,
        1,
        false,
        false,
        List.of("ord-1"),
        Map.of());
  }

  private static ChartModel chart() {
    Instant t = Instant.ofEpochSecond(1764122400);
    return new ChartModel(
        "Consumer lag",
        "sum(kafka_consumergroup_lag{service=\"fulfilment-service\"})",
        "msgs",
        List.of(
            new ChartModel.Series(
                "lag",
                List.of(
                    new MetricSeries.Point(t, 10),
                    new MetricSeries.Point(t.plusSeconds(60), Double.NaN),
                    new MetricSeries.Point(t.plusSeconds(120), 30.5)))),
        List.of(),
        0,
        new TimeWindow(t, t.plusSeconds(180)),
        null);
  }
}
