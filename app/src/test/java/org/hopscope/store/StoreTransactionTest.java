package org.hopscope.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident.Severity;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.model.incident.TimelineEntry.Kind;
import org.hopscope.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several store writes as one transaction, on a real SQLite file (checked after reopening it). */
class StoreTransactionTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final long NO_SUCH_INCIDENT = 999;

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);

  @Test
  void aFailingSecondWriteRollsBackTheEvidenceSavedFirst() {
    Path file = dir.resolve("hopscope.db");
    long id;
    try (IncidentDatabase db = IncidentDatabase.open(file, clock)) {
      id = db.incidents().open("orders stuck", Severity.SEV2, "orders", null, "alice").id();
      assertThatThrownBy(
              () ->
                  db.inTransaction(
                      () -> {
                        db.evidence()
                            .save(
                                id, Evidence.Kind.FLOW_JSON, "flow ord-1", "ord-1", "a/j", json());
                        assertThat(db.evidence().list(id)).hasSize(1); // seen inside
                        return db.timeline()
                            .append(NO_SUCH_INCIDENT, Kind.EVIDENCE, "alice", "x", null);
                      }))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("FOREIGN KEY");
      assertThat(db.evidence().list(id)).isEmpty();
      // the store goes on working after the rollback
      db.timeline().append(id, Kind.NOTE, "alice", "after", null);
    }
    try (IncidentDatabase reopened = IncidentDatabase.open(file, clock)) {
      assertThat(reopened.evidence().list(id)).isEmpty();
      assertThat(reopened.timeline().list(id))
          .extracting(TimelineEntry::summary)
          .containsExactly("opened SEV2: orders stuck", "after");
    }
  }

  @Test
  void aFailingSecondWriteRollsBackTheStepStateWrittenFirst() {
    Path file = dir.resolve("hopscope.db");
    long id;
    try (IncidentDatabase db = IncidentDatabase.open(file, clock)) {
      id = db.incidents().open("orders stuck", Severity.SEV2, "orders", null, "alice").id();
      assertThatThrownBy(
              () ->
                  db.inTransaction(
                      () -> {
                        db.stepStates().recordOutcome(id, "consumer-lag", "lag-growing", "FAIL");
                        return db.timeline().append(id, Kind.CHECK, null, "no actor", null);
                      }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("actor is required");
      assertThat(db.stepStates().find(id, "consumer-lag", "lag-growing")).isEmpty();
    }
    try (IncidentDatabase reopened = IncidentDatabase.open(file, clock)) {
      assertThat(reopened.stepStates().listAll(id)).isEmpty();
      assertThat(reopened.timeline().list(id))
          .extracting(TimelineEntry::kind)
          .containsExactly(Kind.OPENED);
    }
  }

  @Test
  void writesInOneTransactionAreCommittedTogether() {
    Path file = dir.resolve("hopscope.db");
    long id;
    try (IncidentDatabase db = IncidentDatabase.open(file, clock)) {
      id = db.incidents().open("orders stuck", Severity.SEV2, "orders", null, "alice").id();
      TimelineEntry entry =
          db.inTransaction(
              () -> {
                db.stepStates().recordOutcome(id, "consumer-lag", "lag-growing", "FAIL");
                return db.timeline()
                    .append(id, Kind.CHECK, "alice", "consumer-lag/lag-growing: FAIL", null);
              });
      assertThat(entry.kind()).isEqualTo(Kind.CHECK);
    }
    try (IncidentDatabase reopened = IncidentDatabase.open(file, clock)) {
      assertThat(
              reopened
                  .stepStates()
                  .find(id, "consumer-lag", "lag-growing")
                  .orElseThrow()
                  .lastOutcome())
          .isEqualTo("FAIL");
      assertThat(reopened.timeline().list(id))
          .extracting(TimelineEntry::summary)
          .containsExactly("opened SEV2: orders stuck", "consumer-lag/lag-growing: FAIL");
    }
  }

  private static byte[] json() {
    return "{\"query\":\"ord-1\"}".getBytes(StandardCharsets.UTF_8);
  }
}
