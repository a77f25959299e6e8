package org.hopscope.oncall;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.store.IncidentDatabase;

/**
 * An incident built through the real store API on a real SQLite file: a flow search and its
 * FLOW_JSON evidence (from a real {@link Flow} through {@link FlowJson}), a metric series, a chart
 * PNG, notes, playbook steps, mitigated. Personal data to mask: an e-mail address in the title, the
 * notes, the flow's message, the series' labels; a password among the series' labels.
 */
final class BundleFixture {

  static final Instant T0 = Instant.parse("2026-11-26T02:30:00Z");
  static final String EMAIL = "jane.doe@example.com";
  static final String SECRET = "hunter2-s3cret";

  private BundleFixture() {}

  static Clock clock(Instant at) {
    return Clock.fixed(at, ZoneOffset.UTC);
  }

  static Path home() {
    return Path.of(System.getProperty("hopscope.home"));
  }

  /** Opens {@code file} as "alice" at {@code T0} and records the incident; returns its id. */
  static long build(Path file) throws IOException {
    try (IncidentDesk desk = IncidentDesk.open(file, clock(T0), "alice")) {
      IncidentDatabase db = desk.database();
      Incident i =
          desk.open(
              "orders stuck for " + EMAIL,
              Incident.Severity.SEV2,
              "orders",
              new TimeWindow(T0.minusSeconds(1800), T0.plusSeconds(1800)));
      long id = i.id();
      Flow flow = flow();
      desk.recordFlow(id, flow);
      StringWriter json = new StringWriter();
      new FlowJson().write(flow, json);
      desk.keep(
          id,
          Evidence.Kind.FLOW_JSON,
          "flow ord-4711",
          "ord-4711 in " + i.window(),
          "application/json",
          json.toString().getBytes(StandardCharsets.UTF_8));
      desk.keep(
          id,
          Evidence.Kind.METRIC_SERIES,
          "fulfilment-service: Processing outcomes",
          "sum by (outcome) (rate(orders_total{service=\"fulfilment\"}[1m]))",
          "application/json",
          ("{\"series\":[{\"labels\":{\"owner\":\""
                  + EMAIL
                  + "\",\"password\":\""
                  + SECRET
                  + "\"},\"points\":[[1764124200000,1.5],[1764124260000,\"NaN\"]]}]}")
              .getBytes(StandardCharsets.UTF_8));
      desk.keep(
          id,
          Evidence.Kind.CHART_PNG,
          "fulfilment-service: Processing outcomes",
          "",
          "image/png",
          png());
      db.notes().save(id, Note.Scope.INCIDENT, "", "## Summary\nCustomer " + EMAIL + " waited.\n");
      db.notes().save(id, Note.Scope.MESSAGE, "ord-4711", "asked " + EMAIL + " to retry");
      Playbooks playbooks = new Playbooks(home().resolve("playbooks"));
      var playbook = playbooks.load("consumer-lag");
      desk.tick(id, playbook, playbook.steps().get(0), T0.plusSeconds(60));
      desk.chose(id, playbook, playbook.steps().get(0), "yes");
      desk.mitigate(id);
      return id;
    }
  }

  static Flow flow() {
    FlowEvent event =
        new FlowEvent(
            "fulfilment-service",
            T0,
            "logs-fulfilment",
            "doc-1",
            "ERROR",
            "timeout calling ERP for " + EMAIL,
            "trace-1",
            null,
            "fulfilment-service",
            null,
            true,
            false,
            List.of("ord-4711"),
            Map.of("customer", EMAIL, "password", SECRET, "orderId", "ord-4711"),
            EventSourceDef.Kind.LOG,
            null,
            null,
            null);
    HopFlow hop =
        new HopFlow(
            "fulfilment-service",
            HopVerdict.STUCK,
            1,
            T0,
            T0,
            null,
            List.of(event),
            1,
            false,
            0,
            null,
            List.of(),
            List.of());
    return new Flow(
        "orders",
        "ord-4711",
        List.of("ord-4711"),
        HopVerdict.STUCK,
        "fulfilment-service",
        List.of(hop),
        List.of(),
        List.of());
  }

  static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(16, 9, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 4, Color.ORANGE.getRGB());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
