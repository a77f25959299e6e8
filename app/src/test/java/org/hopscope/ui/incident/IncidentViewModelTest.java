package org.hopscope.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hopscope.model.Flow;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Incident.Severity;
import org.hopscope.model.incident.Incident.Status;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.model.incident.TimelineEntry.Kind;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.IncidentEntries;
import org.hopscope.store.IncidentDatabase;
import org.hopscope.testing.ManualClock;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.stuck.StuckViewModel;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incidents view model and recorder on a real SQLite file, no FX toolkit. */
class IncidentViewModelTest {

  private static final Instant T0 = Instant.parse("2026-11-26T03:00:00Z");
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-11-26T02:00:00Z"), Instant.parse("2026-11-26T05:00:00Z"));

  @TempDir Path dir;
  private ManualClock clock;
  private IncidentDatabase db;
  private IncidentViewModel vm;

  @BeforeEach
  void setUp() {
    clock = new ManualClock(T0);
    db = IncidentDatabase.open(dir.resolve("hopscope.db"), clock);
    vm = new IncidentViewModel(new IncidentDesk(db, "alice"), new SynchronousTaskRunner(), null);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void opensListsSearchesNewestFirstAndResolves() {
    vm.refresh();
    assertThat(vm.incidents()).isEmpty();
    assertThat(vm.currentProperty().get()).isNull();

    vm.open("orders stuck at fulfilment", Severity.SEV2, "orders", WINDOW);
    clock.advance(Duration.ofMinutes(5));
    vm.open("  gateway 401s after token rotation ", Severity.SEV3, "", null);

    Incident second = vm.currentProperty().get();
    assertThat(second.title()).isEqualTo("gateway 401s after token rotation");
    assertThat(second.path()).isNull();
    assertThat(second.openedBy()).isEqualTo("alice");
    assertThat(second.openedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(vm.incidents())
        .extracting(Incident::title)
        .containsExactly("gateway 401s after token rotation", "orders stuck at fulfilment");

    vm.searchProperty().set("ORDERS");
    assertThat(vm.incidents())
        .extracting(Incident::title)
        .containsExactly("orders stuck at fulfilment");
    vm.searchProperty().set("");

    long firstId = vm.incidents().get(1).id();
    vm.select(firstId);
    Incident first = vm.currentProperty().get();
    assertThat(first.id()).isEqualTo(firstId);
    assertThat(first.window()).isEqualTo(WINDOW);
    assertThat(first.severity()).isEqualTo(Severity.SEV2);
    assertThat(vm.timeline()).extracting(TimelineEntry::kind).containsExactly(Kind.OPENED);

    clock.advance(Duration.ofMinutes(10));
    vm.mitigate();
    assertThat(vm.currentProperty().get().status()).isEqualTo(Status.MITIGATED);
    assertThat(vm.currentProperty().get().mitigatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    vm.resolve();
    assertThat(vm.currentProperty().get().status()).isEqualTo(Status.RESOLVED);
    assertThat(vm.currentProperty().get().resolvedAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    assertThat(vm.timeline())
        .extracting(TimelineEntry::kind)
        .containsExactly(Kind.OPENED, Kind.STATUS, Kind.STATUS);
    assertThat(vm.incidents())
        .extracting(Incident::status)
        .containsExactly(Status.OPEN, Status.RESOLVED);
    assertThat(vm.problemProperty().get()).isEmpty();

    vm.open(" ", Severity.SEV1, "orders", null);
    assertThat(vm.problemProperty().get())
        .isEqualTo("An incident needs a title: say in a few words what is wrong.");
    assertThat(db.incidents().list(null, 10)).hasSize(2);
    vm.select(0);
    assertThat(vm.currentProperty().get()).isNull();
    assertThat(vm.timeline()).isEmpty();
  }

  @Test
  void recorderAppendsExactlyTheSearchAndWindowEntriesOnlyInsideAnIncident() {
    Flow[] answer = {stuckFlow("ord-7")};
    FlowViewModel flows =
        new FlowViewModel((q, w, asOf, c) -> answer[0], new SynchronousTaskRunner(), clock);
    StuckViewModel windows =
        new StuckViewModel(
            (w, asOf, messages, c) -> windowReport(), new SynchronousTaskRunner(), clock);
    windows.windowProperty().set(WINDOW);
    new IncidentRecorder(vm, flows, windows);

    // no current incident: nothing recorded anywhere
    flows.queryProperty().set("ord-7");
    flows.search();
    windows.analyze();
    assertThat(flows.flowProperty().get()).isNotNull();
    assertThat(windows.reportProperty().get()).isNotNull();
    assertThat(db.incidents().list(null, 10)).isEmpty();

    vm.open("orders stuck", Severity.SEV2, "orders", WINDOW);
    long id = vm.currentProperty().get().id();
    clock.advance(Duration.ofMinutes(1));
    flows.search(); // the very same answer as before the incident: recorded all the same
    clock.advance(Duration.ofMinutes(1));
    answer[0] = okFlow("ord-2");
    flows.queryProperty().set("ord-2");
    flows.search();
    windows.analyze();
    flows.queryProperty().set(" ");
    flows.search(); // refused (blank): nothing recorded

    List<TimelineEntry> stored = db.timeline().list(id);
    assertThat(stored)
        .extracting(TimelineEntry::kind)
        .containsExactly(
            Kind.OPENED, Kind.SEARCH, Kind.SEARCH, Kind.WINDOW_ANALYSIS, Kind.EVIDENCE);
    assertThat(stored)
        .extracting(TimelineEntry::summary)
        .containsExactly(
            "opened SEV2: orders stuck",
            "flow ord-7: STUCK at fulfilment-service",
            "flow ord-2: OK",
            "stuck messages 2026-11-26 02:00–05:00 UTC: 312 stuck, 40 failed, 12 dead-lettered",
            "evidence saved: stuck messages 2026-11-26 02:00–05:00 UTC: 312 stuck, 40 failed,"
                + " 12 dead-lettered");
    // the analysis is kept as evidence, so the post-mortem's impact needs no backend later
    List<org.hopscope.model.incident.Evidence> saved = new java.util.ArrayList<>();
    db.evidence().list(id).forEach(e -> db.evidence().load(e.id()).ifPresent(saved::add));
    assertThat(saved)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind())
                  .isEqualTo(org.hopscope.model.incident.Evidence.Kind.WINDOW_REPORT);
              assertThat(org.hopscope.report.StuckReportJson.read(e.content()).totals())
                  .isEqualTo(new org.hopscope.model.StuckReport.Totals(312, 40, 12, 7));
            });
    assertThat(org.hopscope.report.StuckReportJson.latest(saved).orElseThrow().window())
        .isEqualTo(
            new org.hopscope.model.TimeWindow(
                java.time.Instant.parse("2026-11-26T02:00:00Z"),
                java.time.Instant.parse("2026-11-26T05:00:00Z")));
    assertThat(stored.get(1).detail())
        .isEqualTo(
            "{\"query\":\"ord-7\",\"verdict\":\"STUCK\",\"stuckAt\":\"fulfilment-service\","
                + "\"ids\":[\"ord-7\",\"ERP-9\"]}");
    assertThat(stored.get(3).detail())
        .isEqualTo(
            "{\"path\":\"orders\",\"from\":\"2026-11-26T02:00:00Z\",\"to\":\"2026-11-26T05:00:00Z\","
                + "\"stuck\":312,\"failed\":40,\"deadLettered\":12,\"slow\":7}");
    assertThat(stored).extracting(TimelineEntry::actor).containsOnly("alice");
    assertThat(stored.get(1).at()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    assertThat(vm.timeline()).isEqualTo(stored);
  }

  @Test
  void aNotesTimelineSummaryIsItsScopeAndFirstLineOfText() {
    Instant at = T0;
    assertThat(
            IncidentEntries.noteSummary(
                new Note(1, 7, Note.Scope.HOP, "erp-adapter", "\n pool gone \nx", at)))
        .isEqualTo("note on hop erp-adapter: pool gone");
    assertThat(
            IncidentEntries.noteSummary(
                new Note(1, 7, Note.Scope.INCIDENT, "", "## Summary\n", at)))
        .isEqualTo("incident note edited");
    assertThat(
            IncidentEntries.noteSummary(
                new Note(1, 7, Note.Scope.MESSAGE, "ord-1", "y".repeat(150), at)))
        .isEqualTo("note on message ord-1: " + "y".repeat(99) + "…");
    assertThat(
            IncidentEntries.noteSummary(
                new Note(1, 7, Note.Scope.STEP, "consumer-lag/lag-growing", "ok", at)))
        .isEqualTo("note on step consumer-lag/lag-growing: ok");
  }

  @Test
  void exportWritesThePostMortemWithTheMaskedNoteAndEvidence() throws Exception {
    vm.open("orders stuck", Severity.SEV2, "orders", WINDOW);
    long id = vm.currentProperty().get().id();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      NoteModel note =
          new NoteModel(
              vm.desk(),
              id,
              Note.Scope.INCIDENT,
              "",
              PostMortemTemplate.TEXT,
              new SynchronousTaskRunner(),
              scheduler);
      assertThat(note.loadedProperty().get()).isTrue();
      assertThat(note.textProperty().get()).isEqualTo(PostMortemTemplate.TEXT);
      assertThat(db.notes().find(id, Note.Scope.INCIDENT, "")).isEmpty();
      note.textProperty()
          .set(
              "## Summary\nOrders stalled; reported by jane.doe@example.com\n## Root cause\nERP pool\n");
      note.close();
      assertThat(db.notes().find(id, Note.Scope.INCIDENT, "").orElseThrow().text())
          .startsWith("## Summary\nOrders stalled; reported by jane.doe@example.com");
      assertThat(note.savedAtProperty().get()).isEqualTo(T0);
    } finally {
      scheduler.shutdown();
      assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
    new EvidenceSaver(vm)
        .save(
            "flow ord-1",
            () ->
                List.of(
                    new EvidenceDraft(
                        Evidence.Kind.FLOW_JSON,
                        "flow ord-1",
                        "ord-1",
                        EvidenceDraft.JSON,
                        "{\"query\":\"ord-1\",\"verdict\":\"STUCK\",\"stuckAt\":\"fulfilment-service\",\"ids\":[\"ord-1\"],\"hops\":[]}"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    assertThat(vm.timeline())
        .extracting(TimelineEntry::summary)
        .containsExactly(
            "opened SEV2: orders stuck",
            "incident note: Orders stalled; reported by jane.doe@example.com",
            "evidence saved: flow ord-1");

    Path out = dir.resolve("out/pm.md");
    vm.exportPostMortem(out);
    assertThat(vm.problemProperty().get()).isEmpty();
    assertThat(vm.exportedProperty().get()).isEqualTo(out);
    String md = Files.readString(out);
    assertThat(md).contains("Orders stalled; reported by").contains("ERP pool");
    assertThat(md).doesNotContain("jane.doe@example.com");
    assertThat(md).contains("evidence saved: flow ord-1").contains("flow ord-1");

    vm.exportPostMortem(dir.resolve("hopscope.db/cannot.md"));
    assertThat(vm.problemProperty().get()).contains("hopscope.db");
  }

  @Test
  void exportUsesTheConfiguredMaskingFileAndABadOneStopsTheExport() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(
        config.resolve("masking.yaml"),
        "patterns:\n  - name: customer-number\n    regex: 'CUST-[0-9]{6}'\n    replace: 'CUST-masked'\n");
    IncidentViewModel configured =
        new IncidentViewModel(new IncidentDesk(db, "alice"), new SynchronousTaskRunner(), config);
    configured.open("customer CUST-123456 sees no confirmation", Severity.SEV3, "orders", WINDOW);
    db.timeline()
        .append(
            configured.currentProperty().get().id(),
            Kind.NOTE,
            "alice",
            "called CUST-654321 and jane.doe@example.com",
            null);

    Path out = dir.resolve("out/configured.md");
    configured.exportPostMortem(out);
    assertThat(configured.problemProperty().get()).isEmpty();
    String md = Files.readString(out);
    assertThat(md)
        .contains("customer CUST-masked sees no confirmation")
        .contains("called CUST-masked and")
        .doesNotContain("CUST-123456")
        .doesNotContain("CUST-654321")
        .doesNotContain("jane.doe@example.com");

    Files.writeString(
        config.resolve("masking.yaml"), "patterns:\n  - name: broken\n    regex: '[unclosed'\n");
    Path refused = dir.resolve("out/refused.md");
    configured.exportPostMortem(refused);
    assertThat(configured.problemProperty().get())
        .isEqualTo(
            "The post-mortem was not exported: the masking rules cannot be used.\n"
                + config.resolve("masking.yaml")
                + ":3:12: pattern 'broken' is not a valid Java regular expression: Unclosed"
                + " character class near index 8\n"
                + "Fix the masking file (format: docs/post-mortem.md) and export again.");
    assertThat(refused).doesNotExist();
    assertThat(configured.exportedProperty().get()).isEqualTo(out);
  }

  static Flow stuckFlow(String id) {
    return new Flow(
        "orders",
        id,
        List.of(id, "ERP-9"),
        HopVerdict.STUCK,
        "fulfilment-service",
        List.of(),
        List.of(),
        List.of());
  }

  static Flow okFlow(String id) {
    return new Flow(
        "orders", id, List.of(id), HopVerdict.OK, null, List.of(), List.of(), List.of());
  }

  static StuckReport windowReport() {
    return new StuckReport(
        "orders",
        WINDOW,
        WINDOW.to(),
        List.of(new HopCounts("fulfilment-service", 5000, 4600, 312, 40, 12, 7)),
        new StuckReport.Totals(312, 40, 12, 7),
        List.of());
  }
}
