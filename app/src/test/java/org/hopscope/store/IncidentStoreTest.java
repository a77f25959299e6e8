package org.hopscope.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hopscope.faults.Fault;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Incident.Severity;
import org.hopscope.model.incident.Incident.Status;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123Z");
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-11-26T07:00:00Z"), Instant.parse("2026-11-26T10:00:00Z"));

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);
  private IncidentDatabase db;

  @BeforeEach
  void open() {
    db = IncidentDatabase.open(dir.resolve("hopscope.db"), clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void opensAnIncidentAndReadsItBackAfterReopening() {
    Incident opened =
        db.incidents().open("orders stuck at fulfilment", Severity.SEV2, "orders", WINDOW, "ana");

    Incident expected =
        new Incident(
            1,
            "orders stuck at fulfilment",
            Severity.SEV2,
            "orders",
            WINDOW,
            Status.OPEN,
            T0,
            null,
            null,
            null,
            "ana");
    assertThat(opened).isEqualTo(expected);
    db.close();
    db = IncidentDatabase.open(dir.resolve("hopscope.db"), clock);
    assertThat(db.warnings()).isEmpty();
    assertThat(db.incidents().get(1)).contains(expected);
    assertThat(db.incidents().get(2)).isEmpty();
    assertThat(db.timeline().list(1))
        .containsExactly(
            new TimelineEntry(
                1,
                1,
                T0,
                TimelineEntry.Kind.OPENED,
                "ana",
                "opened SEV2: orders stuck at fulfilment",
                "{}"));
  }

  @Test
  void withoutPathOrWindow() {
    Incident opened = db.incidents().open("something odd", Severity.SEV4, null, null, "ana");

    assertThat(db.incidents().get(opened.id()).orElseThrow().path()).isNull();
    assertThat(db.incidents().get(opened.id()).orElseThrow().window()).isNull();
  }

  @Test
  void movesThroughMitigatedAndResolved() {
    long id = db.incidents().open("erp timeouts", Severity.SEV1, "orders", WINDOW, "ana").id();
    Instant mitigated = Instant.parse("2026-11-26T10:20:00Z");

    clock.advance(Duration.ofMinutes(30));
    Incident afterMitigate = db.incidents().mitigate(id, mitigated, "bo");
    clock.advance(Duration.ofMinutes(30));
    Incident resolved = db.incidents().resolve(id, "bo");

    assertThat(afterMitigate.status()).isEqualTo(Status.MITIGATED);
    assertThat(resolved)
        .isEqualTo(
            new Incident(
                id,
                "erp timeouts",
                Severity.SEV1,
                "orders",
                WINDOW,
                Status.RESOLVED,
                T0,
                null,
                mitigated,
                T0.plus(Duration.ofHours(1)),
                "ana"));
    assertThat(db.timeline().list(id))
        .extracting(TimelineEntry::kind, TimelineEntry::actor, TimelineEntry::summary)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                TimelineEntry.Kind.OPENED, "ana", "opened SEV1: erp timeouts"),
            org.assertj.core.groups.Tuple.tuple(
                TimelineEntry.Kind.STATUS, "bo", "status MITIGATED"),
            org.assertj.core.groups.Tuple.tuple(
                TimelineEntry.Kind.STATUS, "bo", "status RESOLVED"));
  }

  @Test
  void changingAnUnknownIncidentSaysWhich() {
    assertThatThrownBy(() -> db.incidents().resolve(42, "ana"))
        .isInstanceOf(StoreException.class)
        .hasMessage("there is no incident 42");
    assertThat(db.timeline().list(42)).isEmpty();
  }

  @Fault(Fault.Area.HOSTILE_DATA)
  @Test
  void listsNewestFirstAndSearchesTitleAndPathLiterally() {
    long a = openAt("orders stuck at fulfilment", "orders");
    long b = openAt("Gateway 401 after token rotation", "orders");
    long c = openAt("payments 100% failing", "payments");
    long d = openAt("ERP_ADAPTER pool exhausted", "orders");
    long e = openAt("payments 100x slower", "payments");

    assertThat(ids(db.incidents().list(null, 10))).containsExactly(e, d, c, b, a);
    assertThat(ids(db.incidents().list("  ", 2))).containsExactly(e, d);
    assertThat(ids(db.incidents().list("ORDERS", 10))).containsExactly(d, b, a);
    assertThat(ids(db.incidents().list("gateway", 10))).containsExactly(b);
    assertThat(ids(db.incidents().list("payments", 10))).containsExactly(e, c);
    assertThat(ids(db.incidents().list("100%", 10))).containsExactly(c);
    assertThat(ids(db.incidents().list("p_ol", 10))).isEmpty();
    assertThat(ids(db.incidents().list("erp_adapter", 10))).containsExactly(d);
    assertThat(ids(db.incidents().list("nothing like it", 10))).isEmpty();
    assertThatThrownBy(() -> db.incidents().list(null, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesABlankTitle() {
    assertThatThrownBy(() -> db.incidents().open(" ", Severity.SEV3, "orders", WINDOW, "ana"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an incident needs a title");
    assertThat(db.incidents().list(null, 10)).isEmpty();
  }

  private long openAt(String title, String path) {
    clock.advance(Duration.ofMinutes(1));
    return db.incidents().open(title, Severity.SEV3, path, WINDOW, "ana").id();
  }

  private static List<Long> ids(List<Incident> incidents) {
    return incidents.stream().map(Incident::id).toList();
  }
}
