package org.hopscope.oncall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hopscope.model.Flow;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry.Kind;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;

/**
 * The one format of each kind of timeline entry (summary line and detail JSON), whichever face
 * records it ({@link IncidentDesk} appends them). Detail JSON is written with Jackson, never by
 * string concatenation.
 */
public final class IncidentEntries {

  /** An entry about to be appended: its kind, one-line summary and detail JSON. */
  record Entry(Kind kind, String summary, String detail) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_TIME_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private IncidentEntries() {}

  /** SEARCH: "flow QUERY: VERDICT" plus " at HOP" when the flow is stuck somewhere. */
  static Entry flow(Flow f) {
    String verdict =
        org.hopscope.model.VerdictWords.label(
            f.verdict() == null ? org.hopscope.model.HopVerdict.NO_EVIDENCE : f.verdict());
    String at = f.stuckAt() == null || f.stuckAt().isBlank() ? "" : " at " + f.stuckAt();
    return new Entry(
        Kind.SEARCH,
        "flow " + f.query() + ": " + verdict + at,
        json(
            "query", f.query(),
            "verdict", f.verdict() == null ? null : f.verdict().name(),
            "stuckAt", f.stuckAt(),
            "ids", f.ids()));
  }

  /** WINDOW_ANALYSIS: "stuck messages WINDOW: N stuck, M failed, K dead-lettered". */
  static Entry stuck(StuckReport r) {
    StuckReport.Totals t = r.totals();
    return new Entry(
        Kind.WINDOW_ANALYSIS,
        stuckTitle(r),
        json(
            "path", r.path(),
            "from", r.window().from().toString(),
            "to", r.window().to().toString(),
            "stuck", t.stuck(),
            "failed", t.failed(),
            "deadLettered", t.deadLettered(),
            "slow", t.slow()));
  }

  /** The stuck-messages analysis in one line (also its WINDOW_REPORT evidence's title). */
  public static String stuckTitle(StuckReport r) {
    StuckReport.Totals t = r.totals();
    return String.format(
        Locale.ROOT,
        "stuck messages %s: %d stuck, %d failed, %d dead-lettered",
        windowText(r.window()),
        t.stuck(),
        t.failed(),
        t.deadLettered());
  }

  /** "2026-11-26 02:00–05:00 UTC", or both dates when the window spans days. */
  public static String windowText(TimeWindow w) {
    String to =
        DAY.format(w.from()).equals(DAY.format(w.to()))
            ? TIME.format(w.to())
            : DAY_TIME.format(w.to());
    return DAY_TIME.format(w.from()) + "–" + to + " UTC";
  }

  /**
   * CHECK: "consumer-lag/lag-growing: FAIL, 7336.13 (pass when < 1) as of 2026-11-26 02:50:00 UTC";
   * without a value the reason follows: "...: NO DATA (pass when < 1) as of ...: no series for
   * sum(...)", "...: PASS (no data, noData: pass) ... : no series for ...". An ERROR's message
   * (long, naming URLs) stays in the detail JSON.
   */
  static Entry check(Playbook playbook, CheckResult r) {
    String value =
        r.value() != null
            ? ", " + number(r.value())
            : r.outcome() == CheckResult.Outcome.PASS || r.outcome() == CheckResult.Outcome.FAIL
                ? " (no data, noData: " + r.outcome().name().toLowerCase(Locale.ROOT) + ")"
                : "";
    String reason = r.noData() ? ": " + noDataReason(r) : "";
    String summary =
        String.format(
            "%s/%s: %s%s (pass when %s %s) as of %s%s",
            playbook.id(),
            r.stepId(),
            r.outcome().label(),
            value,
            r.comparison().symbol(),
            number(r.threshold()),
            asOfText(r.asOf()),
            reason);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("playbook", playbook.id());
    d.put("step", r.stepId());
    d.put("query", r.query());
    if (r.value() != null) {
      d.put("value", r.value());
    }
    d.put("comparison", r.comparison().symbol());
    d.put("threshold", r.threshold());
    d.put("outcome", r.outcome().name());
    d.put("asOf", r.asOf().toString());
    if (r.noData()) {
      d.put("noData", true);
    }
    if (!r.detail().isEmpty()) {
      d.put("detail", r.detail());
    }
    return new Entry(Kind.CHECK, summary, json(d));
  }

  /** CHECK: "consumer-lag: run interrupted (Ctrl-C) after 3 of 5 checks". */
  static Entry interrupted(Playbook playbook, int finished, int checks) {
    return new Entry(
        Kind.CHECK,
        playbook.id()
            + ": run interrupted (Ctrl-C) after "
            + finished
            + " of "
            + checks
            + " checks",
        json(
            "playbook",
            playbook.id(),
            "interrupted",
            true,
            "finished",
            finished,
            "checks",
            checks));
  }

  /** "2026-11-26 02:50:00 UTC": when a check was evaluated as of. */
  public static String asOfText(Instant asOf) {
    return DAY_TIME_SECONDS.format(asOf) + " UTC";
  }

  /** The reason without the noData declaration the evaluator appends ("; noData: pass"). */
  private static String noDataReason(CheckResult r) {
    String d = r.detail();
    int declared = d.lastIndexOf("; noData: ");
    return declared >= 0 ? d.substring(0, declared) : d;
  }

  /** STEP_DONE: "consumer-lag/restart done: Restart the consumer". */
  static Entry tick(Playbook playbook, Step step, Instant at) {
    return new Entry(
        Kind.STEP_DONE,
        playbook.id() + "/" + step.id() + " done: " + step.title(),
        json("playbook", playbook.id(), "step", step.id(), "at", at.toString()));
  }

  /** BRANCH: {@code consumer-lag/lag-growing: chose "yes"}. */
  static Entry branch(Playbook playbook, Step step, String label) {
    return new Entry(
        Kind.BRANCH,
        playbook.id() + "/" + step.id() + ": chose \"" + label + "\"",
        json("playbook", playbook.id(), "step", step.id(), "choice", label));
  }

  /** EVIDENCE: "evidence saved: TITLE". */
  static Entry evidence(Evidence saved) {
    return new Entry(
        Kind.EVIDENCE,
        "evidence saved: " + saved.title(),
        json("evidenceId", saved.id(), "kind", saved.kind().name(), "title", saved.title()));
  }

  /** NOTE: "note on hop fulfilment-service: ERP pool exhausted" (first line, at most 100). */
  static Entry note(Note note) {
    return new Entry(
        Kind.NOTE,
        noteSummary(note),
        json("noteId", note.id(), "scope", note.scope().name(), "key", note.key()));
  }

  public static String noteSummary(Note note) {
    String what =
        switch (note.scope()) {
          case INCIDENT -> "incident note";
          case STEP -> "note on step " + note.key();
          case HOP -> "note on hop " + note.key();
          case MESSAGE -> "note on message " + note.key();
        };
    String first =
        note.text()
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .findFirst()
            .orElse("");
    if (first.length() > 100) {
      first = first.substring(0, 99) + "…";
    }
    return first.isEmpty() ? what + " edited" : what + ": " + first;
  }

  /**
   * A measured value readable at a glance: 7336.13, 26.04, 0.001834 (not 7336.134453781513); whole
   * numbers without decimals.
   */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    BigDecimal d = new BigDecimal(v);
    d =
        Math.abs(v) >= 100
            ? d.setScale(2, RoundingMode.HALF_UP)
            : d.round(new MathContext(4, RoundingMode.HALF_UP));
    return d.stripTrailingZeros().toPlainString();
  }

  /**
   * IMPORTED: "imported from bundle F, exported by X at T (incident #N of STORE)"; the detail holds
   * the bundle's manifest SHA-256, by which a second import of the same bundle is recognised.
   */
  static Entry imported(org.hopscope.model.bundle.Bundle b) {
    var m = b.manifest();
    return new Entry(
        Kind.IMPORTED,
        "imported from bundle "
            + b.origin().file().getFileName()
            + ", exported by "
            + m.exportedBy()
            + " at "
            + m.exportedAt()
            + " (incident #"
            + m.incidentId()
            + " of "
            + m.store()
            + (m.masked() ? ", masked)" : ", unmasked)"),
        json(
            "bundle", b.origin().file().toString(),
            "manifestSha256", b.origin().manifestSha256(),
            "exportedBy", m.exportedBy(),
            "exportedAt", m.exportedAt().toString(),
            "hopscopeVersion", m.hopscopeVersion(),
            "originalIncident", m.incidentId(),
            "originalStore", m.store(),
            "masked", m.masked()));
  }

  private static String json(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return json(map);
  }

  private static String json(Map<String, Object> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write timeline detail as JSON", e);
    }
  }
}
