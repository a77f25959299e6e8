package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.Flow;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.Test;

/** The tier's flow from files: arguments, placement notices, the basis. */
class FileFlowsTest {

  private static final Path FILES = Path.of("src/test/resources/trace-files");

  private static PathDef path(String name) {
    return new PathDefinitions().readDirectory(FILES.resolve("paths")).path(name).orElseThrow();
  }

  @Test
  void fileArgumentsNameAHopOrNot(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws java.io.IOException {
    Path dir = Path.of("/tmp/x");
    assertThat(FileFlows.Input.parse("a.json", dir))
        .isEqualTo(new FileFlows.Input(dir.resolve("a.json"), "a.json", null));
    assertThat(FileFlows.Input.parse("billing=b.json", dir))
        .isEqualTo(new FileFlows.Input(dir.resolve("b.json"), "b.json", "billing"));
    // an existing file whose name holds '=' is a file
    java.nio.file.Files.writeString(tmp.resolve("a=b.json"), "[]");
    assertThat(FileFlows.Input.parse("a=b.json", tmp))
        .isEqualTo(new FileFlows.Input(tmp.resolve("a=b.json"), "a=b.json", null));
    assertThatThrownBy(() -> FileFlows.Input.parse("=b.json", dir))
        .hasMessage("--file =b.json: expected HOP=FILE with both a hop and a file");
  }

  @Test
  void eventsOfNoHopAreLeftOutAndSaidSo() {
    Path otlp = FILES.resolve("samples/otlp-trace.json");
    Flow flow =
        new FileFlows()
            .flow(
                path("shop"),
                "M-1",
                List.of(
                    new FileFlows.Input(otlp, "otlp-trace.json", null),
                    new FileFlows.Input(
                        FILES.resolve("shop/checkout.otlp.jsonl"), "checkout.otlp.jsonl", null)),
                Cancellation.none());

    assertThat(flow.notices())
        .filteredOn(n -> n instanceof Notice.FileDocumentsUnplaced)
        .extracting(Notice::text)
        .containsExactly(
            "1 event of otlp-trace.json matches no hop by service name (services my.service): left"
                + " out; to read them for a hop, give --file HOP=otlp-trace.json");
    assertThat(flow.notices().get(0).text())
        .isEqualTo(
            "flow read from 2 files: otlp-trace.json, checkout.otlp.jsonl; judged as of"
                + " 2026-11-20T10:02:05Z, the newest event in the files, not now");
    assertThat(flow.basis().asOf()).hasToString("2026-11-20T10:02:05Z");
    // saved as evidence (flow JSON), the notices come back as the same records
    assertThat(new FlowJsonReader().read(new FlowJson().bytes(flow)).flow().notices())
        .isEqualTo(flow.notices());
  }
}
