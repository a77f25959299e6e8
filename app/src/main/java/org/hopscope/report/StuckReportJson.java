package org.hopscope.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hopscope.model.BlindSource;
import org.hopscope.model.HopCounts;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Evidence;

/**
 * A stuck analysis as {@link Evidence.Kind#WINDOW_REPORT} evidence: {@code {path, from, to, asOf,
 * hops: [{name, entered, left, stuck, failed, deadLettered, slow, unknown, blind: [{pattern,
 * reason, detail}]}], totals, messages: []}} (the shape of {@code stuck --json} without the message
 * list: a hop that could not be read has null counts, {@code unknown: true} and its unreadable
 * patterns), so the post-mortem's impact can be written with no backend reachable.
 */
public final class StuckReportJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StuckReportJson() {}

  /** The evidence bytes (UTF-8 JSON) of {@code report}. */
  public static byte[] write(StuckReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("path", report.path());
    root.put("from", report.window().from().toString());
    root.put("to", report.window().to().toString());
    root.put("asOf", report.asOf().toString());
    ArrayNode hops = root.putArray("hops");
    for (HopCounts c : report.hops()) {
      ObjectNode h = hops.addObject();
      h.put("name", c.hop());
      boolean unknown = !c.blind().isEmpty();
      count(h, "entered", c.entered(), unknown);
      count(h, "left", c.left(), unknown);
      count(h, "stuck", c.stuck(), unknown);
      count(h, "failed", c.failed(), unknown);
      count(h, "deadLettered", c.deadLettered(), unknown);
      count(h, "slow", c.slow(), unknown);
      h.put("unknown", unknown);
      ArrayNode blind = h.putArray("blind");
      for (BlindSource b : c.blind()) {
        blind
            .addObject()
            .put("pattern", b.pattern())
            .put("reason", b.reason().name())
            .put("detail", b.detail());
      }
    }
    StuckReport.Totals t = report.totals();
    ObjectNode totals = root.putObject("totals");
    totals.put("stuck", t.stuck());
    totals.put("failed", t.failed());
    totals.put("deadLettered", t.deadLettered());
    totals.put("slow", t.slow());
    root.putArray("messages");
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The report in {@code content}.
   *
   * @throws IllegalArgumentException when it is not a window report written by {@link #write}
   */
  public static StuckReport read(byte[] content) {
    try {
      JsonNode root = JSON.readTree(content);
      List<HopCounts> hops = new ArrayList<>();
      for (JsonNode h : root.path("hops")) {
        List<BlindSource> blind = new ArrayList<>();
        for (JsonNode b : h.path("blind")) {
          blind.add(
              new BlindSource(
                  b.path("pattern").asText(),
                  BlindSource.Reason.valueOf(b.path("reason").asText()),
                  b.path("detail").asText()));
        }
        hops.add(
            new HopCounts(
                h.path("name").asText(),
                h.path("entered").asLong(),
                h.path("left").asLong(),
                h.path("stuck").asLong(),
                h.path("failed").asLong(),
                h.path("deadLettered").asLong(),
                h.path("slow").asLong(),
                blind));
      }
      JsonNode t = root.path("totals");
      return new StuckReport(
          root.path("path").asText(),
          new TimeWindow(
              Instant.parse(root.path("from").asText()), Instant.parse(root.path("to").asText())),
          Instant.parse(root.path("asOf").asText()),
          hops,
          new StuckReport.Totals(
              t.path("stuck").asLong(),
              t.path("failed").asLong(),
              t.path("deadLettered").asLong(),
              t.path("slow").asLong()),
          List.of());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a window report: " + e.getMessage(), e);
    }
  }

  /** A count, or null when the hop could not be read. */
  private static void count(ObjectNode hop, String name, long value, boolean unknown) {
    if (unknown) {
      hop.putNull(name);
    } else {
      hop.put(name, value);
    }
  }

  /** The impact for the post-mortem: the newest readable window report among {@code evidence}. */
  public static Optional<StuckReport> latest(List<Evidence> evidence) {
    return evidence.stream()
        .filter(e -> e.kind() == Evidence.Kind.WINDOW_REPORT)
        .sorted(Comparator.comparing(Evidence::createdAt).reversed())
        .flatMap(
            e -> {
              try {
                return java.util.stream.Stream.of(read(e.content()));
              } catch (IllegalArgumentException bad) {
                return java.util.stream.Stream.empty(); // listed as evidence, not used as impact
              }
            })
        .findFirst();
  }
}
