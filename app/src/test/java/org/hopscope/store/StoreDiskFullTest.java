package org.hopscope.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.hopscope.faults.Fault;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Incident.Severity;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while the store is open, simulated with {@code PRAGMA max_page_count}:
 * SQLite then fails a write that needs a new page with SQLITE_FULL, exactly as on a full disk (and
 * rolls the transaction back by itself, which used to hide the cause behind "cannot commit - no
 * transaction is active"). {@code StoreFullDiskCliTest} does the same on a real full file system.
 */
@Fault(Fault.Area.STORE)
class StoreDiskFullTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final String BIG = "x".repeat(200_000);

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);

  @Test
  void aNoteThatDoesNotFitIsOneClearErrorAndNothingStoredIsLost() {
    Path file = dir.resolve("hopscope.db");
    long id;
    try (IncidentDatabase db = IncidentDatabase.open(file, clock)) {
      id = db.incidents().open("orders stuck", Severity.SEV2, "orders", null, "ana").id();
      db.notes().save(id, Note.Scope.HOP, "erp-adapter", "slow SOAP");
      fillDisk(db);

      assertThatThrownBy(() -> db.notes().save(id, Note.Scope.HOP, "fulfilment", BIG))
          .isInstanceOf(StoreException.class)
          .hasMessage(diskFull(file));

      assertThat(db.incidents().list(null, 10))
          .extracting(Incident::title)
          .containsExactly("orders stuck");
      assertThat(db.notes().list(id)).extracting(Note::text).containsExactly("slow SOAP");
      freeSpace(db);
      db.notes().save(id, Note.Scope.HOP, "fulfilment", BIG); // no transaction was left open
    }
    try (IncidentDatabase reopened = IncidentDatabase.open(file, clock)) {
      assertThat(reopened.warnings()).isEmpty();
      assertThat(reopened.integrityCheck()).isEqualTo("ok");
      assertThat(reopened.notes().list(id))
          .extracting(Note::key)
          .containsExactly("erp-adapter", "fulfilment");
    }
  }

  @Test
  void anIncidentOpenedOnAFullDiskIsOneClearErrorAndLeavesNoHalf() throws Exception {
    Path file = dir.resolve("hopscope.db");
    try (IncidentDatabase db = IncidentDatabase.open(file, clock)) {
      db.incidents().open("orders stuck", Severity.SEV2, "orders", null, "ana");
      fillDisk(db);

      assertThatThrownBy(() -> db.incidents().open(BIG, Severity.SEV1, "orders", null, "ana"))
          .isInstanceOf(StoreException.class)
          .hasMessage(diskFull(file));

      assertThat(db.incidents().list(null, 10))
          .extracting(Incident::title)
          .containsExactly("orders stuck");
      assertThat(db.timeline().list(2)).isEmpty();
    }
    assertThat(StoreOpenRaceTest.siblings(file)).containsExactly("hopscope.db");
  }

  @Test
  void evidenceAndItsTimelineEntryOnAFullDiskLandNeitherOne() {
    Path file = dir.resolve("hopscope.db");
    try (IncidentDatabase db = IncidentDatabase.open(file, clock)) {
      long id = db.incidents().open("orders stuck", Severity.SEV2, "orders", null, "ana").id();
      fillDisk(db);

      assertThatThrownBy(
              () ->
                  db.inTransaction(
                      () -> {
                        db.timeline().append(id, TimelineEntry.Kind.EVIDENCE, "ana", "png", null);
                        return db.evidence()
                            .save(id, Evidence.Kind.CHART_PNG, "lag", null, "image/png", png());
                      }))
          .isInstanceOf(StoreException.class)
          .hasMessage(diskFull(file));

      assertThat(db.evidence().list(id)).isEmpty();
      assertThat(db.timeline().list(id))
          .extracting(TimelineEntry::kind)
          .containsExactly(TimelineEntry.Kind.OPENED);
    }
  }

  static String diskFull(Path file) {
    return "cannot write the local store "
        + file
        + ": the disk is full (SQLITE_FULL); free space on it and retry (nothing already stored"
        + " was lost)";
  }

  /** No page more than the file has now: the next write that needs one fails with SQLITE_FULL. */
  private static void fillDisk(IncidentDatabase db) {
    db.read(
        c -> {
          try (Statement statement = c.createStatement();
              ResultSet pages = statement.executeQuery("PRAGMA page_count")) {
            pages.next();
            statement.execute("PRAGMA max_page_count = " + pages.getLong(1));
          }
          return null;
        });
  }

  private static void freeSpace(IncidentDatabase db) {
    db.read(
        c -> {
          try (Statement statement = c.createStatement()) {
            statement.execute("PRAGMA max_page_count = 1000000");
          }
          return null;
        });
  }

  private static byte[] png() {
    return new byte[300_000];
  }
}
