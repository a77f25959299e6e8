package org.hopscope.report;

import static org.hopscope.report.MarkdownText.fenced;
import static org.hopscope.report.MarkdownText.inline;
import static org.hopscope.report.MarkdownText.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hopscope.model.incident.Evidence;

/**
 * The "Evidence" part of a post-mortem: each snapshot's title, query, time range and a summary of
 * its content (a flow's verdict, not its whole JSON); chart images are handed to {@link
 * ChartImages} and linked. All text is masked; JSON is masked field by field before it is read.
 */
final class EvidenceSection {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Masking masking;
  private final ChartImages images;

  EvidenceSection(Masking masking, ChartImages images) {
    this.masking = masking;
    this.images = images;
  }

  String render(List<Evidence> evidence) throws IOException {
    List<Evidence> sorted = new ArrayList<>(evidence);
    sorted.sort(
        Comparator.comparing(Evidence::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Evidence::id));
    if (sorted.isEmpty()) {
      return "_No evidence was saved during the incident._\n";
    }
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (Evidence e : sorted) {
      n++;
      String title = masking.mask(e.title() == null ? e.kind().name() : e.title());
      out.append("### ").append(n).append(". ").append(inline(title)).append("\n\n");
      out.append("- Kind: ").append(kind(e.kind())).append('\n');
      out.append("- Saved: ").append(time(e.createdAt())).append('\n');
      StringBuilder body = new StringBuilder();
      if (e.kind() == Evidence.Kind.CHART_PNG) {
        String file = "images/" + n + "-" + MarkdownText.slug(title) + ".png";
        images.write(file, e.content());
        body.append("![").append(inline(title)).append("](").append(file).append(")\n");
      } else {
        summarize(e, out, body);
      }
      if (e.query() != null && !e.query().isBlank()) {
        out.append("- Query:\n\n").append(indent(fenced("", masking.mask(e.query()))));
      }
      out.append('\n');
      if (!body.isEmpty()) {
        out.append(body).append('\n');
      }
    }
    return out.toString();
  }

  private void summarize(Evidence e, StringBuilder facts, StringBuilder body) {
    JsonNode root = parse(e.content());
    if (root == null) {
      facts
          .append("- Content: ")
          .append(e.content().length)
          .append(" bytes of ")
          .append(e.mediaType() == null ? "unknown type" : inline(masking.mask(e.mediaType())))
          .append(", not JSON; not shown\n");
      return;
    }
    root = JsonMasking.maskTree(root, masking);
    switch (e.kind()) {
      case FLOW_JSON -> flow(root, facts);
      case METRIC_SERIES -> series(root, facts);
      case WINDOW_REPORT -> window(root, facts);
      default -> facts.append("- Content: JSON, ").append(e.content().length).append(" bytes\n");
    }
  }

  private static void flow(JsonNode flow, StringBuilder out) {
    range(out, earliest(flow.path("hops"), "firstSeen"), latest(flow.path("hops"), "lastSeen"));
    out.append("- Verdict: ").append(inline(flow.path("verdict").asText("unknown")));
    if (flow.hasNonNull("stuckAt")) {
      out.append(", stuck at ").append(inline(flow.path("stuckAt").asText()));
    }
    out.append('\n');
    List<String> ids = new ArrayList<>();
    flow.path("ids").forEach(id -> ids.add(inline(id.asText())));
    if (!ids.isEmpty()) {
      out.append("- IDs: ").append(String.join(", ", ids)).append('\n');
    }
    List<String> hops = new ArrayList<>();
    flow.path("hops")
        .forEach(
            hop ->
                hops.add(
                    inline(hop.path("name").asText())
                        + " "
                        + inline(hop.path("verdict").asText())));
    if (!hops.isEmpty()) {
      out.append("- Hops: ").append(String.join(", ", hops)).append('\n');
    }
  }

  private static void series(JsonNode metrics, StringBuilder out) {
    List<JsonNode> panels = new ArrayList<>();
    if (metrics.isArray()) {
      metrics.forEach(panels::add);
    } else {
      panels.add(metrics);
    }
    Instant from = null;
    Instant to = null;
    int seriesCount = 0;
    int points = 0;
    for (JsonNode panel : panels) {
      for (JsonNode s : panel.path("series")) {
        seriesCount++;
        for (JsonNode point : s.path("points")) {
          points++;
          if (point.path(0).canConvertToLong()) {
            Instant t = Instant.ofEpochSecond(point.path(0).asLong());
            from = from == null || t.isBefore(from) ? t : from;
            to = to == null || t.isAfter(to) ? t : to;
          }
        }
      }
    }
    range(out, from, to);
    out.append("- Series: ").append(seriesCount).append(", ").append(points).append(" points\n");
  }

  private static void window(JsonNode report, StringBuilder out) {
    range(out, instant(report.path("from")), instant(report.path("to")));
    List<String> hops = new ArrayList<>();
    for (JsonNode hop : report.path("hops")) {
      List<String> counts = new ArrayList<>();
      count(hop, "stuck", "stuck", counts);
      count(hop, "failed", "failed", counts);
      count(hop, "deadLettered", "dead-lettered", counts);
      count(hop, "slow", "slow", counts);
      if (!counts.isEmpty()) {
        hops.add(inline(hop.path("name").asText()) + ": " + String.join(", ", counts));
      }
    }
    out.append("- Found: ")
        .append(hops.isEmpty() ? "nothing stuck, failed or dead-lettered" : String.join("; ", hops))
        .append('\n');
    out.append("- Messages listed: ").append(report.path("messages").size());
    if (report.path("truncated").asBoolean(false)) {
      out.append(" (truncated)");
    }
    out.append('\n');
  }

  private static void count(JsonNode hop, String field, String label, List<String> out) {
    long n = hop.path(field).asLong(0);
    if (n > 0) {
      out.add(label + " " + n);
    }
  }

  private static void range(StringBuilder out, Instant from, Instant to) {
    if (from != null && to != null) {
      out.append("- Time range: ").append(time(from)).append(" – ").append(time(to)).append('\n');
    }
  }

  private static Instant earliest(JsonNode hops, String field) {
    Instant best = null;
    for (JsonNode hop : hops) {
      Instant t = instant(hop.path(field));
      best = t != null && (best == null || t.isBefore(best)) ? t : best;
    }
    return best;
  }

  private static Instant latest(JsonNode hops, String field) {
    Instant best = null;
    for (JsonNode hop : hops) {
      Instant t = instant(hop.path(field));
      best = t != null && (best == null || t.isAfter(best)) ? t : best;
    }
    return best;
  }

  private static Instant instant(JsonNode node) {
    if (!node.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(node.textValue());
    } catch (DateTimeParseException e) {
      return null; // not a time: no range shown
    }
  }

  private static JsonNode parse(byte[] content) {
    try {
      JsonNode node = JSON.readTree(new String(content, StandardCharsets.UTF_8));
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      return null; // reported as "not JSON"
    }
  }

  private static String kind(Evidence.Kind kind) {
    return switch (kind) {
      case FLOW_JSON -> "flow snapshot";
      case METRIC_SERIES -> "metric series";
      case CHART_PNG -> "chart image";
      case WINDOW_REPORT -> "stuck analysis";
    };
  }

  private static String indent(String block) {
    return ("  " + block.replace("\n", "\n  ")).stripTrailing() + "\n";
  }
}
