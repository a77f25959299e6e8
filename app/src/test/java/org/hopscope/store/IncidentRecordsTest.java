package org.hopscope.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.EvidenceSummary;
import org.hopscope.model.incident.Incident.Severity;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.Note.Scope;
import org.hopscope.model.incident.StepState;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeline, notes, step state and evidence of an incident, and the constraints that guard them. */
class IncidentRecordsTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);
  private IncidentDatabase db;
  private long incident;

  @BeforeEach
  void open() {
    db = IncidentDatabase.open(dir.resolve("hopscope.db"), clock);
    incident = db.incidents().open("lag", Severity.SEV2, "orders", null, "ana").id();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void timelineInTimeOrder() {
    clock.advance(Duration.ofSeconds(5));
    TimelineEntry search =
        db.timeline()
            .append(
                incident,
                TimelineEntry.Kind.SEARCH,
                "ana",
                "flow ord-1: STUCK at fulfilment-service",
                "{\"messageId\":\"ord-1\"}");
    TimelineEntry check =
        db.timeline().append(incident, TimelineEntry.Kind.CHECK, "ana", "lag 5400 > 100", null);

    assertThat(search)
        .isEqualTo(
            new TimelineEntry(
                2,
                incident,
                T0.plusSeconds(5),
                TimelineEntry.Kind.SEARCH,
                "ana",
                "flow ord-1: STUCK at fulfilment-service",
                "{\"messageId\":\"ord-1\"}"));
    assertThat(db.timeline().list(incident))
        .extracting(TimelineEntry::id)
        .containsExactly(1L, search.id(), check.id());
    assertThat(db.timeline().list(incident).get(2).detail()).isEqualTo("{}");
    assertThatThrownBy(
            () -> db.timeline().append(99, TimelineEntry.Kind.NOTE, "ana", "nowhere", null))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("FOREIGN KEY constraint failed");
  }

  @Test
  void notesAreUpsertedPerIncidentScopeAndKey() {
    Note first = db.notes().save(incident, Scope.STEP, "consumer-lag/lag-growing", "lag grows");
    clock.advance(Duration.ofSeconds(2));
    Note second =
        db.notes().save(incident, Scope.STEP, "consumer-lag/lag-growing", "lag grows, 5k");
    db.notes().save(incident, Scope.HOP, "fulfilment-service", "pool exhausted");
    db.notes().save(incident, Scope.INCIDENT, null, "summary");
    Note loose = db.notes().save(0, Scope.MESSAGE, "ord-1", "outside any incident");
    Note looseAgain = db.notes().save(0, Scope.MESSAGE, "ord-1", "still outside");

    assertThat(second)
        .isEqualTo(
            new Note(
                first.id(),
                incident,
                Scope.STEP,
                "consumer-lag/lag-growing",
                "lag grows, 5k",
                T0.plusSeconds(2)));
    assertThat(looseAgain.id()).isEqualTo(loose.id());
    assertThat(db.notes().find(incident, Scope.STEP, "consumer-lag/lag-growing")).contains(second);
    assertThat(db.notes().find(incident, Scope.STEP, "other")).isEmpty();
    assertThat(db.notes().find(0, Scope.MESSAGE, "ord-1"))
        .contains(
            new Note(loose.id(), 0, Scope.MESSAGE, "ord-1", "still outside", T0.plusSeconds(2)));
    assertThat(db.notes().list(incident))
        .extracting(Note::scope, Note::key, Note::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Scope.HOP, "fulfilment-service", "pool exhausted"),
            org.assertj.core.groups.Tuple.tuple(Scope.INCIDENT, "", "summary"),
            org.assertj.core.groups.Tuple.tuple(
                Scope.STEP, "consumer-lag/lag-growing", "lag grows, 5k"));
    assertThat(db.notes().list(0)).extracting(Note::text).containsExactly("still outside");
    assertThatThrownBy(() -> db.notes().save(99, Scope.INCIDENT, "", "no such incident"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("FOREIGN KEY constraint failed");
  }

  @Test
  void theSchemaItselfRefusesDuplicateNotesAndUnknownScopes() throws SQLException {
    db.notes().save(incident, Scope.HOP, "erp-adapter", "a");
    db.notes().save(0, Scope.HOP, "erp-adapter", "b");
    db.close();

    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hopscope.db"));
        Statement sql = raw.createStatement()) {
      assertThatThrownBy(
              () ->
                  sql.execute(
                      "INSERT INTO notes (incident_id, scope, key, text, updated_at)"
                          + " VALUES ("
                          + incident
                          + ", 'HOP', 'erp-adapter', 'dup', 0)"))
          .hasMessageContaining("UNIQUE constraint failed");
      assertThatThrownBy(
              () ->
                  sql.execute(
                      "INSERT INTO notes (incident_id, scope, key, text, updated_at)"
                          + " VALUES (NULL, 'HOP', 'erp-adapter', 'dup', 0)"))
          .hasMessageContaining("UNIQUE constraint failed");
      assertThatThrownBy(
              () ->
                  sql.execute(
                      "INSERT INTO notes (incident_id, scope, key, text, updated_at)"
                          + " VALUES (NULL, 'TEAM', 'x', 'bad scope', 0)"))
          .hasMessageContaining("CHECK constraint failed");
    }
    db = IncidentDatabase.open(dir.resolve("hopscope.db"), clock);
  }

  @Test
  void stepsAreTickedAndRememberTheirOutcome() {
    db.stepStates().recordOutcome(incident, "consumer-lag", "lag-growing", "FAIL");
    clock.advance(Duration.ofMinutes(1));
    StepState ticked = db.stepStates().tick(incident, "consumer-lag", "lag-growing", "ana");
    db.stepStates().tick(incident, "consumer-lag", "consumer-errors", "bo");
    db.stepStates().tick(incident, "erp-timeouts", "erp-latency", "bo");

    assertThat(ticked)
        .isEqualTo(
            new StepState(
                incident, "consumer-lag", "lag-growing", true, "ana", T0.plusSeconds(60), "FAIL"));
    assertThat(db.stepStates().list(incident, "consumer-lag"))
        .extracting(StepState::stepId, StepState::done, StepState::doneBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("lag-growing", true, "ana"),
            org.assertj.core.groups.Tuple.tuple("consumer-errors", true, "bo"));
    assertThat(db.stepStates().find(incident, "consumer-lag", "nope")).isEmpty();
    assertThatThrownBy(() -> db.stepStates().tick(99, "consumer-lag", "lag-growing", "ana"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("FOREIGN KEY constraint failed");
  }

  @Test
  void evidenceKeepsItsBytesAndListsWithoutThem() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
    byte[] json = "{\"messageId\":\"ord-1\"}".getBytes(StandardCharsets.UTF_8);
    Evidence chart =
        db.evidence()
            .save(
                incident,
                Evidence.Kind.CHART_PNG,
                "fulfilment-service: lag",
                "sum(kafka_consumergroup_lag)",
                "image/png",
                png);
    clock.advance(Duration.ofSeconds(1));
    Evidence flow =
        db.evidence()
            .save(incident, Evidence.Kind.FLOW_JSON, "flow ord-1", null, "application/json", json);

    assertThat(db.evidence().list(incident))
        .containsExactly(
            new EvidenceSummary(
                chart.id(),
                incident,
                Evidence.Kind.CHART_PNG,
                "fulfilment-service: lag",
                "sum(kafka_consumergroup_lag)",
                T0,
                "image/png",
                8),
            new EvidenceSummary(
                flow.id(),
                incident,
                Evidence.Kind.FLOW_JSON,
                "flow ord-1",
                "",
                T0.plusSeconds(1),
                "application/json",
                json.length));
    Evidence loaded = db.evidence().load(chart.id()).orElseThrow();
    assertThat(loaded.content()).containsExactly(png);
    assertThat(loaded.title()).isEqualTo("fulfilment-service: lag");
    assertThat(loaded.createdAt()).isEqualTo(T0);
    assertThat(db.evidence().load(999)).isEmpty();
    assertThatThrownBy(
            () -> db.evidence().save(99, Evidence.Kind.CHART_PNG, "x", null, "image/png", png))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("FOREIGN KEY constraint failed");
  }

  @Test
  void writesFromManyThreadsAllLand() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    db.timeline()
                        .append(incident, TimelineEntry.Kind.NOTE, "t" + thread, "n" + i, null);
                    db.notes().save(incident, Scope.HOP, "hop-" + thread, "text " + i);
                    db.notes().list(incident);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(db.timeline().list(incident)).hasSize(1 + 4 * 50);
    assertThat(db.notes().list(incident))
        .extracting(Note::key, Note::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hop-0", "text 49"),
            org.assertj.core.groups.Tuple.tuple("hop-1", "text 49"),
            org.assertj.core.groups.Tuple.tuple("hop-2", "text 49"),
            org.assertj.core.groups.Tuple.tuple("hop-3", "text 49"));
  }
}
