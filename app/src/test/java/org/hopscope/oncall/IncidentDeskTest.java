package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.incident.Incident.Severity;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.model.incident.TimelineEntry.Kind;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incident operations on a real SQLite file: entry formats, located errors, the NOTE rule. */
class IncidentDeskTest {

  private static final Instant T0 = Instant.parse("2026-11-26T03:00:00Z");
  private static final Instant AS_OF = Instant.parse("2026-11-26T02:50:00Z");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);
  private IncidentDesk desk;
  private long id;

  @BeforeEach
  void open() {
    desk = IncidentDesk.open(dir.resolve("hopscope.db"), clock, "alice");
    id = desk.open("orders stuck", Severity.SEV2, "orders", null).id();
  }

  @AfterEach
  void close() {
    desk.close();
  }

  private static Playbook playbook() {
    return new Playbook(
        "consumer-lag",
        "Consumer lag",
        new Playbook.AppliesTo(List.of("orders"), List.of(), List.of()),
        List.of(),
        List.of(new Step("lag-growing", "Is lag growing?", "", null, List.of(), 1)),
        "consumer-lag.md");
  }

  @Test
  void aCheckIsTheStepsOutcomeAndOneEntryInTheOneFormat() {
    CheckResult r =
        new CheckResult(
            "lag-growing",
            "sum(lag)",
            7336.134453781513,
            Check.Comparison.LT,
            1,
            CheckResult.Outcome.FAIL,
            null,
            AS_OF);
    TimelineEntry e = desk.recordCheck(id, playbook(), r);
    assertThat(e.kind()).isEqualTo(Kind.CHECK);
    assertThat(e.actor()).isEqualTo("alice");
    assertThat(e.summary())
        .isEqualTo(
            "consumer-lag/lag-growing: FAIL, 7336.13 (pass when < 1) as of 2026-11-26 02:50:00"
                + " UTC");
    assertThat(e.detail())
        .isEqualTo(
            "{\"playbook\":\"consumer-lag\",\"step\":\"lag-growing\",\"query\":\"sum(lag)\","
                + "\"value\":7336.134453781513,\"comparison\":\"<\",\"threshold\":1.0,"
                + "\"outcome\":\"FAIL\",\"asOf\":\"2026-11-26T02:50:00Z\"}");
    CheckResult error =
        new CheckResult(
            "lag-growing",
            "sum(lag)",
            null,
            Check.Comparison.LT,
            1,
            CheckResult.Outcome.ERROR,
            "down",
            AS_OF);
    assertThat(desk.recordCheck(id, playbook(), error).summary())
        .isEqualTo("consumer-lag/lag-growing: ERROR (pass when < 1) as of 2026-11-26 02:50:00 UTC");
    Step step = playbook().steps().get(0);
    assertThat(desk.chose(id, playbook(), step, "yes").summary())
        .isEqualTo("consumer-lag/lag-growing: chose \"yes\"");
    assertThat(desk.tick(id, playbook(), step, T0).detail())
        .isEqualTo(
            "{\"playbook\":\"consumer-lag\",\"step\":\"lag-growing\",\"at\":\"" + T0 + "\"}");
    assertThat(desk.timeline(id))
        .extracting(TimelineEntry::kind)
        .containsExactly(Kind.OPENED, Kind.CHECK, Kind.CHECK, Kind.BRANCH, Kind.STEP_DONE);
  }

  @Test
  void aNoDataCheckReadsNoDataOnTheTimelineInTheStepStateAndInThePostMortem() throws Exception {
    CheckResult noData =
        new CheckResult(
            "lag-growing",
            "sum(delta(kafka_consumergroup_lag{group=\"nobody\"}[50m]))",
            null,
            Check.Comparison.LT,
            1,
            CheckResult.Outcome.NO_DATA,
            "no series for sum(delta(kafka_consumergroup_lag{group=\"nobody\"}[50m]))",
            AS_OF);
    TimelineEntry e = desk.recordCheck(id, playbook(), noData);
    assertThat(e.summary())
        .isEqualTo(
            "consumer-lag/lag-growing: NO DATA (pass when < 1) as of 2026-11-26 02:50:00 UTC:"
                + " no series for sum(delta(kafka_consumergroup_lag{group=\"nobody\"}[50m]))");
    assertThat(e.detail())
        .isEqualTo(
            "{\"playbook\":\"consumer-lag\",\"step\":\"lag-growing\",\"query\":"
                + "\"sum(delta(kafka_consumergroup_lag{group=\\\"nobody\\\"}[50m]))\","
                + "\"comparison\":\"<\",\"threshold\":1.0,\"outcome\":\"NO_DATA\","
                + "\"asOf\":\"2026-11-26T02:50:00Z\",\"noData\":true,\"detail\":\"no series for"
                + " sum(delta(kafka_consumergroup_lag{group=\\\"nobody\\\"}[50m]))\"}");
    CheckResult declared =
        new CheckResult(
            "lag-growing",
            "count events at api-gateway in gateway-access-* [...)",
            null,
            Check.Comparison.EQ,
            0,
            CheckResult.Outcome.PASS,
            "index pattern gateway-access-* matches no index; noData: pass",
            AS_OF);
    assertThat(desk.recordCheck(id, playbook(), declared).summary())
        .isEqualTo(
            "consumer-lag/lag-growing: PASS (no data, noData: pass) (pass when == 0) as of"
                + " 2026-11-26 02:50:00 UTC: index pattern gateway-access-* matches no index");
    desk.recordCheck(id, playbook(), noData);

    Path out = desk.exportPostMortem(id, dir.resolve("pm.md"), null, null);
    String md = java.nio.file.Files.readString(out);
    assertThat(md)
        .contains(
            "- 03:00:00 UTC — consumer-lag/lag-growing: NO DATA (pass when &lt; 1) as of"
                + " 2026-11-26 02:50:00 UTC: no series for"
                + " sum(delta(kafka\\_consumergroup\\_lag{group=\"nobody\"}\\[50m\\])) (alice)\n");
    assertThat(md).contains("| consumer-lag | lag-growing | no |  |  | NO DATA |\n");
  }

  @Test
  void anUnknownIncidentIsALocatedErrorAndNothingIsWritten() {
    String expected =
        "no incident #42 in " + dir.resolve("hopscope.db") + " (see: hopscope incident list)";
    assertThatThrownBy(() -> desk.get(42)).hasMessage(expected);
    Step step = playbook().steps().get(0);
    assertThatThrownBy(() -> desk.tick(42, playbook(), step, T0)).hasMessage(expected);
    assertThatThrownBy(() -> desk.resolve(42)).hasMessage(expected);
    assertThat(desk.timeline(42)).isEmpty();
  }

  @Test
  void onlyAFinishedNoteReachesTheTimelineNeverAnAutosavedDraft() {
    ManualScheduler scheduler = new ManualScheduler(clock);
    List<Note> saved = new ArrayList<>();
    NoteAutosave outside =
        desk.keepNote(0, Note.Scope.MESSAGE, "ord-1", scheduler, listener(saved));
    try (NoteAutosave keeper =
        desk.keepNote(id, Note.Scope.HOP, "erp-adapter", scheduler, listener(saved))) {
      keeper.changed("pool gone since 22:");
      scheduler.advance(NoteAutosave.INTERVAL); // the autosave writes the draft
      assertThat(saved).extracting(Note::text).containsExactly("pool gone since 22:");
      assertThat(desk.timeline(id)).filteredOn(e -> e.kind() == Kind.NOTE).isEmpty();
      keeper.changed("pool gone since 22:10");
      keeper.flush(); // saved explicitly: finished
      clock.advance(Duration.ofMinutes(1));
      keeper.flush(); // nothing new: no second entry
      keeper.changed("pool gone since 22:10, back at 22:40");
      scheduler.advance(NoteAutosave.INTERVAL);
      outside.changed("seen twice");
      outside.close();
    } // the editor is left: finished again
    assertThat(saved)
        .extracting(Note::text)
        .containsExactly(
            "pool gone since 22:",
            "pool gone since 22:10",
            "pool gone since 22:10, back at 22:40",
            "seen twice");
    assertThat(desk.timeline(id))
        .filteredOn(e -> e.kind() == Kind.NOTE)
        .extracting(TimelineEntry::summary)
        .containsExactly(
            "note on hop erp-adapter: pool gone since 22:10",
            "note on hop erp-adapter: pool gone since 22:10, back at 22:40");
    assertThat(desk.note(0, Note.Scope.MESSAGE, "ord-1").orElseThrow().text())
        .isEqualTo("seen twice");
  }

  private static NoteAutosave.Listener listener(List<Note> saved) {
    return new NoteAutosave.Listener() {
      @Override
      public void saved(Note note) {
        saved.add(note);
      }

      @Override
      public void failed(RuntimeException error) {
        throw new AssertionError("note write failed", error);
      }
    };
  }
}
