package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;

/**
 * The engine against a seed's ground truth, for any {@link EventSource} holding the seed (the
 * in-memory one, or the real Elasticsearch adapter in the sandbox tests).
 */
final class ManifestChecks {

  private final EventSource events;
  private final Manifest manifest;
  private final PathDef path = OrdersPath.path();
  private final FlowAssembler assembler;
  private final Instant now;
  private final TimeWindow recorded;

  ManifestChecks(EventSource events, Manifest manifest) {
    this.events = events;
    this.manifest = manifest;
    this.assembler = new FlowAssembler(events, null, FlowOptions.defaults());
    this.now = Instant.parse(manifest.now());
    this.recorded = new TimeWindow(Instant.parse(manifest.from()), now.plusMillis(1));
  }

  Flow flow(String id) {
    return assembler.assemble(path, id, recorded, now, Cancellation.none());
  }

  /** Manifest class -> expected "VERDICT@hop" of the flow. */
  static String expected(String messageClass, String hop) {
    return switch (messageClass) {
      case "HEALTHY", "RETRIED", "CHATTY" -> "OK@-";
      case "FAILED" -> "ERROR@" + hop;
      default -> messageClass + "@" + hop;
    };
  }

  /** The flow's verdict and the hop it refers to, read from the hop verdicts. */
  static String actual(Flow f) {
    String hop =
        switch (f.verdict()) {
          case STUCK -> f.stuckAt();
          case ERROR -> last(f, HopVerdict.ERROR);
          case OK, NO_EVIDENCE -> "-";
          default -> first(f, f.verdict());
        };
    return f.verdict() + "@" + hop;
  }

  private static String first(Flow f, HopVerdict v) {
    return f.hops().stream()
        .filter(h -> h.verdict() == v)
        .map(HopFlow::hop)
        .findFirst()
        .orElse("?");
  }

  private static String last(Flow f, HopVerdict v) {
    String out = "?";
    for (HopFlow h : f.hops()) {
      if (h.verdict() == v) {
        out = h.hop();
      }
    }
    return out;
  }

  /** At least {@code minimum} IDs: every non-healthy one listed, then healthy/retried samples. */
  Map<String, String> sample(int minimum) {
    Map<String, String> expected = new LinkedHashMap<>();
    for (String c : List.of("STUCK", "FAILED", "DEAD_LETTERED", "SLOW", "IN_FLIGHT", "CHATTY")) {
      manifest.classes().get(c).messages().forEach(m -> expected.put(m.id(), expected(c, m.hop())));
    }
    for (String id : manifest.hostileIds()) {
      expected.put(id, "OK@-");
    }
    List<Manifest.ClassMessage> healthy = manifest.classes().get("HEALTHY").messages();
    List<Manifest.ClassMessage> retried = manifest.classes().get("RETRIED").messages();
    for (int i = 0; expected.size() < minimum || i < 40; i++) {
      if (i < retried.size()) {
        expected.put(retried.get(i).id(), "OK@-");
      }
      if (i < healthy.size()) {
        expected.put(healthy.get(i).id(), "OK@-");
      }
      if (i >= retried.size() && i >= healthy.size()) {
        break;
      }
    }
    return expected;
  }

  void everyClassHasItsVerdict(int minimum) {
    Map<String, String> expected = sample(minimum);
    assertThat(expected).hasSizeGreaterThanOrEqualTo(minimum);
    Map<String, String> actual = new LinkedHashMap<>();
    for (String id : expected.keySet()) {
      Flow f = flow(id);
      actual.put(id, actual(f));
      if (!expected.get(id).startsWith("STUCK")) {
        assertThat(f.stuckAt()).as(id).isNull();
      }
    }
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
  }

  /** Re-keyed messages reach erp-confirmation; the ERP number and trace IDs find the same flow. */
  void reKeyedAndTraceSearchesFindTheSameMessage(int pairs) {
    int confirmed = 0;
    List<Manifest.ReKey> sample = manifest.reKeys().pairs();
    for (Manifest.ReKey k : sample.subList(0, Math.min(pairs, sample.size()))) {
      Flow byId = flow(k.messageId());
      assertThat(byId.ids()).as(k.messageId()).contains(k.messageId(), k.erpDocumentNumber());
      HopFlow conf = byId.hops().get(5);
      if (conf.verdict() != HopVerdict.NO_EVIDENCE) {
        confirmed++;
        assertThat(conf.verdict()).isEqualTo(HopVerdict.OK);
        assertThat(conf.events())
            .allSatisfy(e -> assertThat(e.ids()).containsExactly(k.erpDocumentNumber()));
      }
      Flow byNumber = flow(k.erpDocumentNumber());
      assertThat(docs(byNumber)).as(k.erpDocumentNumber()).isEqualTo(docs(byId));
      assertThat(actual(byNumber)).isEqualTo(actual(byId));
      for (String trace : traces(byId)) {
        Flow byTrace = flow(trace);
        assertThat(docs(byTrace)).as("trace " + trace).isEqualTo(docs(byId));
      }
    }
    assertThat(confirmed).isPositive();
  }

  private static Set<String> docs(Flow f) {
    Set<String> out = new TreeSet<>();
    f.hops().forEach(h -> h.events().forEach(e -> out.add(e.index() + "/" + e.docId())));
    return out;
  }

  private static Set<String> traces(Flow f) {
    Set<String> out = new TreeSet<>();
    f.hops()
        .forEach(
            h ->
                h.events().stream()
                    .map(FlowEvent::traceId)
                    .filter(t -> t != null)
                    .forEach(out::add));
    return out;
  }

  /** The incident window's counts per hop and its stuck messages equal the manifest's. */
  void incidentWindowEqualsManifest() {
    TimeWindow incident = new TimeWindow(Instant.parse(manifest.incidentStart()), now);
    List<StuckMessage> streamed = new ArrayList<>();
    StuckReport report =
        new StuckAnalyzer(events, StuckOptions.defaults())
            .analyze(path, incident, now, streamed::add, Cancellation.none());
    Map<String, Manifest.HopWindow> actual = new LinkedHashMap<>();
    for (HopCounts c : report.hops()) {
      actual.put(
          c.hop(),
          new Manifest.HopWindow(
              c.entered(), c.left(), c.stuck(), c.failed(), c.deadLettered(), c.slow()));
    }
    assertThat(actual).isEqualTo(manifest.incidentWindow().hops());
    Set<String> stuck = new TreeSet<>();
    for (StuckMessage m : streamed) {
      if (m.verdict() == HopVerdict.STUCK) {
        stuck.add(m.id() + "@" + m.hop());
      }
    }
    Set<String> expected = new TreeSet<>();
    for (Manifest.ClassMessage m : manifest.classes().get("STUCK").messages()) {
      Instant first = flow(m.id()).hops().get(path.indexOf(m.hop())).firstSeen();
      if (incident.contains(first)) {
        expected.add(m.id() + "@" + m.hop());
      }
    }
    assertThat(stuck).isEqualTo(expected);
    assertThat(report.totals().stuck()).isEqualTo(expected.size());
  }
}
