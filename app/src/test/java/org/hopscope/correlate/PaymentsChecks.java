package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.FlowJson;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.sandbox.seed.PaymentsManifest;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;

/**
 * The engine against the payments path's ground truth ({@code payments-manifest.json}), for any
 * {@link EventSource} holding the seed. Flows are read as {@code flow --json} writes them ({@link
 * FlowJson}), so the checks pin the JSON contract: per payment {@code verdict}, {@code stuckAt},
 * per hop {@code verdict}, {@code attempts}, {@code failures}, {@code recovered} and {@code parts:
 * {reached, total}}, and {@code parts[]} with each part's {@code id}, {@code verdict}, {@code hop},
 * {@code reached} and {@code batch}.
 */
final class PaymentsChecks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EventSource events;
  private final PaymentsManifest manifest;
  private final PathDef path = PaymentsPath.path();
  private final FlowAssembler assembler;
  private final Instant now;
  private final TimeWindow recorded;

  PaymentsChecks(EventSource events, PaymentsManifest manifest) {
    this.events = events;
    this.manifest = manifest;
    this.assembler = new FlowAssembler(events, null, FlowOptions.defaults());
    this.now = Instant.parse(manifest.now());
    this.recorded = new TimeWindow(Instant.parse(manifest.from()), now.plusMillis(1));
  }

  /** The flow of {@code id} as {@code flow --json} prints it. */
  JsonNode flow(String id) {
    byte[] json =
        new FlowJson().bytes(assembler.assemble(path, id, recorded, now, Cancellation.none()));
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Manifest class and hop -> the expected "VERDICT@hop" of the flow. */
  static String expected(String paymentClass, String hop) {
    return switch (paymentClass) {
      case "HEALTHY", "RECOVERED" -> "OK@-";
      case "FAILED" -> "ERROR@" + hop;
      default -> paymentClass + "@" + hop;
    };
  }

  /** The flow's verdict and the hop it refers to, read from the hop verdicts. */
  static String actual(JsonNode flow) {
    String verdict = flow.path("verdict").asText();
    String hop = "-";
    for (JsonNode h : flow.path("hops")) {
      String v = h.path("verdict").asText();
      boolean first = hop.equals("-");
      if (verdict.equals("ERROR") && v.equals("ERROR")) {
        hop = h.path("name").asText(); // the last one
      } else if (first && !verdict.equals("ERROR") && !verdict.equals("OK") && v.equals(verdict)) {
        hop = h.path("name").asText(); // the first one
      }
    }
    if (verdict.equals("STUCK")) {
      hop = flow.path("stuckAt").asText();
    }
    return verdict + "@" + hop;
  }

  /**
   * Every detailed payment of the manifest (all non-healthy ones listed, at most {@code healthy}
   * HEALTHY ones): its verdict and stopping hop, attempts, failures and recoveries per hop, and
   * each part's progress, verdict and batch.
   */
  void everyPaymentHasItsVerdictAttemptsAndParts(int healthy) {
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> actual = new LinkedHashMap<>();
    int healthySeen = 0;
    for (PaymentsManifest.PaymentTruth t : manifest.journeys().payments()) {
      if (t.paymentClass().equals("HEALTHY") && healthySeen++ >= healthy) {
        continue;
      }
      JsonNode flow = flow(t.id());
      expected.put(t.id(), expected(t.paymentClass(), t.hop()) + " " + details(t));
      actual.put(t.id(), actual(flow) + " " + details(flow));
    }
    assertThat(expected).hasSizeGreaterThan(100);
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
  }

  /** What the manifest says beside the verdict, in one comparable line. */
  private static String details(PaymentsManifest.PaymentTruth t) {
    StringBuilder sb = new StringBuilder();
    for (String hop : t.attempts().keySet()) {
      sb.append(hop).append(" attempts=").append(t.attempts().get(hop)).append("; ");
    }
    for (String hop : new TreeSet<>(t.failures().keySet())) {
      sb.append(hop)
          .append(" failures=")
          .append(t.failures().get(hop))
          .append(" recovered=")
          .append(t.recovered().getOrDefault(hop, 0).equals(t.failures().get(hop)))
          .append("; ");
    }
    Map<String, Integer> reached = new LinkedHashMap<>();
    for (PaymentsManifest.PartTruth p : t.parts()) {
      sb.append(p.id())
          .append(' ')
          .append(p.verdict())
          .append('@')
          .append(p.hop() == null ? "-" : p.hop())
          .append(" reached=")
          .append(p.reached())
          .append(" batch=")
          .append(p.batch())
          .append("; ");
      boolean counting = true;
      for (String hop : HOPS) {
        if (counting) {
          reached.merge(hop, 1, Integer::sum);
        }
        counting &= !hop.equals(p.reached());
      }
    }
    if (!t.parts().isEmpty()) {
      for (String hop : SPLIT_HOPS) {
        sb.append(hop)
            .append(" parts ")
            .append(reached.getOrDefault(hop, 0))
            .append('/')
            .append(t.parts().size())
            .append("; ");
      }
    }
    return sb.toString();
  }

  private static final List<String> HOPS =
      List.of("payments-api", "payment-service", "ledger", "settlement-batcher", "clearing");

  /** The hops a split payment's parts progress along (from the split link's downstream hop). */
  private static final List<String> SPLIT_HOPS = HOPS.subList(2, HOPS.size());

  /** The same line read from a flow's JSON. */
  private static String details(JsonNode flow) {
    StringBuilder sb = new StringBuilder();
    Map<String, JsonNode> hops = new LinkedHashMap<>();
    flow.path("hops").forEach(h -> hops.put(h.path("name").asText(), h));
    for (String hop : List.of("payments-api", "payment-service")) {
      int attempts = hops.get(hop).path("attempts").asInt();
      if (attempts > 0) {
        sb.append(hop).append(" attempts=").append(attempts).append("; ");
      }
    }
    for (String hop : new TreeSet<>(hops.keySet())) {
      int failures = hops.get(hop).path("failures").asInt();
      if (failures > 0) {
        sb.append(hop)
            .append(" failures=")
            .append(failures)
            .append(" recovered=")
            .append(hops.get(hop).path("recovered").asBoolean())
            .append("; ");
      }
    }
    for (JsonNode p : flow.path("parts")) {
      sb.append(p.path("id").asText())
          .append(' ')
          .append(p.path("verdict").asText())
          .append('@')
          .append(p.path("hop").isNull() ? "-" : p.path("hop").asText())
          .append(" reached=")
          .append(p.path("reached").asText())
          .append(" batch=")
          .append(p.path("batch").isNull() ? null : p.path("batch").asText())
          .append("; ");
    }
    if (flow.path("parts").size() > 0) {
      for (String hop : SPLIT_HOPS) {
        JsonNode parts = hops.get(hop).path("parts");
        sb.append(hop)
            .append(" parts ")
            .append(parts.path("reached").asInt())
            .append('/')
            .append(parts.path("total").asInt())
            .append("; ");
      }
    }
    return sb.toString();
  }

  /** The blind source is named in the flow's warnings and decides no verdict. */
  void theBlindSourceIsNamedNotJudged() {
    PaymentsManifest.PaymentTruth healthy =
        manifest.journeys().payments().stream()
            .filter(t -> t.paymentClass().equals("HEALTHY"))
            .findFirst()
            .orElseThrow();
    JsonNode flow = flow(healthy.id());
    assertThat(flow.path("verdict").asText()).isEqualTo("OK");
    List<String> warnings = new ArrayList<>();
    flow.path("warnings").forEach(w -> warnings.add(w.asText()));
    assertThat(warnings).anyMatch(w -> w.contains("ledger-audit-*"));
    for (JsonNode h : flow.path("hops")) {
      assertThat(h.path("verdict").asText()).as(h.path("name").asText()).isEqualTo("OK");
    }
  }

  /**
   * The incident window's counts per hop (in payments) and its stuck and failed payments equal the
   * manifest's.
   */
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
    Map<String, Set<String>> found = new TreeMap<>();
    for (StuckMessage m : streamed) {
      found.computeIfAbsent(m.verdict().name(), k -> new TreeSet<>()).add(m.id() + "@" + m.hop());
    }
    Map<String, Set<String>> wanted = new TreeMap<>();
    wanted.put(HopVerdict.STUCK.name(), ids(manifest.incidentMessages().stuck()));
    wanted.put(HopVerdict.ERROR.name(), ids(manifest.incidentMessages().failed()));
    assertThat(found).isEqualTo(wanted);
    assertThat(report.totals().stuck()).isEqualTo(manifest.incidentMessages().stuck().size());
    assertThat(report.totals().failed()).isEqualTo(manifest.incidentMessages().failed().size());
  }

  private static Set<String> ids(List<Manifest.ClassMessage> messages) {
    Set<String> out = new TreeSet<>();
    messages.forEach(m -> out.add(m.id() + "@" + m.hop()));
    return out;
  }
}
