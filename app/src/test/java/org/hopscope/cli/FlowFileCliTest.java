package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flow --file} through the real entry point on each of the four formats (the shared samples
 * and the shop fixtures): verdicts per hop, event counts, links, exit codes; no profile or backend.
 */
class FlowFileCliTest {

  private static final String FILES = "src/test/resources/trace-files/";
  private static final String PATHS = FILES + "paths";
  private static final String SHOP = FILES + "shop/";

  private static CliRun flow(String path, String id, String... files) {
    List<String> args = new ArrayList<>(List.of("flow", "--paths-dir", PATHS, "--path", path));
    for (String f : files) {
      args.add("--file");
      args.add(f);
    }
    args.addAll(List.of("--id", id, "--json"));
    return CliRun.run(args.toArray(String[]::new));
  }

  private static JsonNode json(CliRun run) throws IOException {
    return new ObjectMapper().readTree(run.out);
  }

  private static List<String> hops(JsonNode flow, String field) {
    List<String> out = new ArrayList<>();
    flow.path("hops").forEach(h -> out.add(h.path("name").asText() + "=" + h.path(field).asText()));
    return out;
  }

  private static List<String> warnings(JsonNode flow) {
    List<String> out = new ArrayList<>();
    flow.path("warnings").forEach(w -> out.add(w.asText()));
    return out;
  }

  @Test
  void otlpExampleFile() throws IOException {
    CliRun run =
        flow(
            "otlp-sample",
            "some value",
            FILES + "samples/otlp-trace.json",
            FILES + "samples/otlp-logs.json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode flow = json(run);
    assertThat(flow.path("verdict").asText()).isEqualTo("OK");
    assertThat(hops(flow, "verdict")).containsExactly("my.service=OK");
    assertThat(flow.path("hops").path(0).path("events")).hasSize(1);
    assertThat(flow.path("hops").path(0).path("events").path(0).path("traceId").asText())
        .isEqualTo("5b8efff798038103d269b633813fc60c");
    assertThat(flow.path("basis").path("asOf").asText()).isEqualTo("2018-12-13T14:51:00.300Z");
    assertThat(flow.path("basis").path("from").isNull()).isTrue();
    assertThat(warnings(flow))
        .contains(
            "read " + FILES + "samples/otlp-trace.json as OTLP JSON: 1 event",
            "metrics unavailable: a flow read from files has no metrics backend");
  }

  @Test
  void jaegerDownload() throws IOException {
    CliRun run = flow("jaeger-sample", "service-y", FILES + "samples/jaeger-ui-from-es_01.json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode flow = json(run);
    assertThat(flow.path("verdict").asText()).isEqualTo("ERROR");
    assertThat(hops(flow, "verdict")).containsExactly("service-x=ERROR");
    assertThat(hops(flow, "failures")).containsExactly("service-x=1");
  }

  @Test
  void zipkinArrayFollowsTheTraceToTheFailingConsumer() throws IOException {
    CliRun run =
        flow(
            "zipkin-sample",
            "e1b2f8b5-dd1e-11e8-93d1-0050568b53f5",
            FILES + "samples/zipkin-messaging-kafka.json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode flow = json(run);
    assertThat(flow.path("verdict").asText()).isEqualTo("ERROR");
    assertThat(hops(flow, "verdict")).containsExactly("servicea=OK", "serviceb=ERROR");
    assertThat(flow.path("hops").path(0).path("events")).hasSize(22);
    assertThat(flow.path("hops").path(1).path("events")).hasSize(6);
    assertThat(flow.path("basis").path("asOf").asText()).isEqualTo("2018-11-05T08:09:57.849Z");
  }

  @Test
  void ecsLogLines() throws IOException {
    CliRun run = flow("ecs-sample", "28b7fb8d5aba51f1", FILES + "samples/ecs-logging-intro.ndjson");

    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode flow = json(run);
    assertThat(hops(flow, "verdict")).containsExactly("spring-petclinic=OK");
    assertThat(flow.path("hops").path(0).path("events").path(0).path("docId").asText())
        .isEqualTo("line 3");
  }

  @Test
  void fourFormatsInOneFlowWithAChangedIdAndATraceId() throws IOException {
    String[] files = {
      SHOP + "checkout.otlp.jsonl",
      SHOP + "billing.jaeger.json",
      SHOP + "shipping.zipkin.json",
      SHOP + "notify.ndjson"
    };

    JsonNode ok = json(flow("shop", "M-1", files));
    assertThat(ok.path("verdict").asText()).isEqualTo("OK");
    assertThat(ok.path("ids").toString()).isEqualTo("[\"M-1\",\"S-1\"]");
    assertThat(hops(ok, "verdict"))
        .containsExactly("checkout=OK", "billing=OK", "shipping=OK", "notify=OK");
    // billing's second span carries no message ID: found by the trace ID
    assertThat(hops(ok, "attempts"))
        .containsExactly("checkout=1", "billing=2", "shipping=1", "notify=1");
    assertThat(ok.path("hops").path(3).path("events").path(0).path("index").asText())
        .isEqualTo("logs-notify-2026.11.20");
    assertThat(warnings(ok))
        .startsWith(
            "flow read from 4 files: "
                + String.join(", ", files)
                + "; judged as of 2026-11-20T10:02:08Z, the newest event in the files, not now");

    assertThat(hops(json(flow("shop", "M-2", files)), "verdict"))
        .containsExactly(
            "checkout=OK", "billing=ERROR", "shipping=NO_EVIDENCE", "notify=NO_EVIDENCE");
    JsonNode stuck = json(flow("shop", "M-3", files));
    assertThat(stuck.path("verdict").asText()).isEqualTo("STUCK");
    assertThat(stuck.path("stuckAt").asText()).isEqualTo("billing");
    JsonNode skewed = json(flow("shop", "M-4", files));
    assertThat(hops(skewed, "verdict"))
        .containsExactly("checkout=OK", "billing=OK", "shipping=SLOW", "notify=OK");
    assertThat(warnings(skewed))
        .contains(
            "clock skew: billing first seen 1000 ms before checkout (its clock runs behind); its"
                + " times are corrected by +1000 ms and the hand-over checkout -> billing shown as"
                + " 0");
    // 2 s at billing by the newest event in the files: in flight, not stuck by today's clock
    JsonNode inFlight = json(flow("shop", "M-5", files));
    assertThat(hops(inFlight, "verdict"))
        .containsExactly(
            "checkout=OK", "billing=IN_FLIGHT", "shipping=NO_EVIDENCE", "notify=NO_EVIDENCE");
  }

  @Test
  void aHopNoFileCoversIsUnknownNotAbsent() {
    CliRun run =
        CliRun.run(
            "flow",
            "--paths-dir",
            PATHS,
            "--path",
            "shop",
            "--file",
            SHOP + "checkout.otlp.jsonl",
            "--file",
            SHOP + "billing.jaeger.json",
            "--id",
            "M-3");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.UNKNOWN);
    assertThat(run.out)
        .contains(
            "warning: hop shipping: index pattern zipkin-span-* cannot be read (unavailable: no"
                + " event in the files ("
                + SHOP
                + "checkout.otlp.jsonl, "
                + SHOP
                + "billing.jaeger.json) belongs to it: none matched the hop by service name and no"
                + " --file HOP=FILE named the hop); its events are unknown, not absent");
    // what the answer is based on is a note; only what is missing or doubtful is a warning
    assertThat(run.out)
        .contains(
            "note: read " + SHOP + "checkout.otlp.jsonl as OTLP JSON lines: 5 events\n",
            "note: flow read from 2 files: ")
        .doesNotContain("warning: read ", "warning: flow read from");
  }

  @Test
  void aFileNamedForAHopPutsItsEventsThere() throws IOException {
    CliRun byService =
        flow("ecs-sample", "x-1", "ecs=" + FILES + "samples/ecs-logging-intro.ndjson");
    assertThat(byService.exitCode).as(byService.toString()).isEqualTo(2);
    assertThat(byService.err)
        .contains(
            "--file ecs="
                + FILES
                + "samples/ecs-logging-intro.ndjson: no hop 'ecs' in path"
                + " ecs-sample (hops: spring-petclinic)");

    CliRun named =
        flow(
            "zipkin-sample",
            "e1b2f8b5-dd1e-11e8-93d1-0050568b53f5",
            "serviceb=" + FILES + "samples/zipkin-messaging-kafka.json");
    JsonNode flow = json(named);
    // both hops read zipkin-span-*, so servicea is not blind (blindness is per index pattern)
    assertThat(hops(flow, "verdict")).containsExactly("servicea=NO_EVIDENCE", "serviceb=OK");
    assertThat(flow.path("hops").path(1).path("events")).hasSize(28);
  }

  @Test
  @Fault(Fault.Area.FILES)
  void aBadFileIsAUsageErrorWithItsLocation(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("t.json"), "{\n \"traces\": []\n}\n");
    CliRun run = flow("shop", "M-1", bad.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
    assertThat(run.err)
        .startsWith("hopscope: " + bad + ":1: a JSON object with fields [traces]; expected OTLP");

    CliRun window =
        CliRun.run(
            "flow",
            "--paths-dir",
            PATHS,
            "--path",
            "shop",
            "--file",
            SHOP + "notify.ndjson",
            "--id",
            "M-1",
            "--from",
            "now-1h");
    assertThat(window.exitCode).isEqualTo(2);
    assertThat(window.err).contains("--from/--to do not apply to --file");
  }

  @Test
  void skippedLinesAreSaidPerFileAndNothingFoundIsExit3(@TempDir Path dir) throws IOException {
    Path notify = dir.resolve("petclinic.ndjson");
    Files.writeString(
        notify,
        Files.readString(Path.of(FILES + "samples/ecs-logging-intro.ndjson"))
            + "{\"_source\": {\n\nnot json\n");
    CliRun run = flow("ecs-sample", "nobody", notify.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.NO_EVIDENCE);
    assertThat(warnings(json(run)))
        .contains(
            "read "
                + notify
                + " as NDJSON documents: 3 events; 2 lines skipped; 2 problems, e.g. "
                + notify
                + ":4: not JSON (Unexpected end-of-input: expected close marker for Object at"
                + " column 14): skipped");
    assertThat(run.err).isEqualTo("note: nothing about nobody in the files given\n");
  }
}
