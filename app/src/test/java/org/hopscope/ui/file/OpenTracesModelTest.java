package org.hopscope.ui.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.PathDef;
import org.hopscope.oncall.FileFlows;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Open traces dialog's view model with a synchronous runner and the real tier. */
class OpenTracesModelTest {

  private static final Path FILES = Path.of("src/test/resources/trace-files");

  private static OpenTracesModel model() {
    List<PathDef> paths = new PathDefinitions().readDirectory(FILES.resolve("paths")).paths();
    return new OpenTracesModel(paths, new FileFlows(), new SynchronousTaskRunner());
  }

  private static void choose(OpenTracesModel vm, String path) {
    vm.pathProperty().set(vm.paths().stream().filter(p -> p.name().equals(path)).findFirst().get());
  }

  @Test
  void opensTheFourShopFilesIntoTheFlow() {
    OpenTracesModel vm = model();
    choose(vm, "shop");
    assertThat(vm.missing()).isEqualTo("choose one or more trace or log files");
    vm.add(
        List.of(
            FILES.resolve("shop/checkout.otlp.jsonl"),
            FILES.resolve("shop/billing.jaeger.json"),
            FILES.resolve("shop/shipping.zipkin.json"),
            FILES.resolve("shop/notify.ndjson"),
            FILES.resolve("shop/notify.ndjson")));
    assertThat(vm.files()).hasSize(4);
    assertThat(vm.missing())
        .isEqualTo(
            "the message ID is empty: give the message ID, ERP number or trace ID to follow");
    assertThat(vm.canOpen().get()).isFalse();
    vm.idProperty().set("M-3");
    assertThat(vm.canOpen().get()).isTrue();

    List<Flow> shown = new ArrayList<>();
    vm.open(shown::add);

    assertThat(vm.errorProperty().get()).isNull();
    assertThat(vm.runningProperty().get()).isFalse();
    assertThat(shown).singleElement().isSameAs(vm.flowProperty().get());
    Flow flow = shown.get(0);
    assertThat(flow.verdict()).isEqualTo(HopVerdict.STUCK);
    assertThat(flow.hops())
        .extracting(HopFlow::verdict)
        .containsExactly(
            HopVerdict.OK, HopVerdict.STUCK, HopVerdict.NO_EVIDENCE, HopVerdict.NO_EVIDENCE);
  }

  @Test
  void aFilePlacedAtAHopGoesThere() {
    OpenTracesModel vm = model();
    choose(vm, "zipkin-sample");
    vm.add(List.of(FILES.resolve("samples/zipkin-messaging-kafka.json")));
    vm.place(vm.files().get(0), "serviceb");
    assertThat(vm.files().get(0).words()).isEqualTo("zipkin-messaging-kafka.json  -> serviceb");
    vm.idProperty().set("e1b2f8b5-dd1e-11e8-93d1-0050568b53f5");

    vm.open(f -> {});

    assertThat(vm.flowProperty().get().hops().get(1).events()).hasSize(28);
  }

  @Test
  void aBadFileShowsItsLocationAndNoFlow(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("t.json"), "{\n \"traces\": []\n}\n");
    OpenTracesModel vm = model();
    vm.add(List.of(bad));
    vm.idProperty().set("M-1");
    List<Flow> shown = new ArrayList<>();

    vm.open(shown::add);

    assertThat(shown).isEmpty();
    assertThat(vm.flowProperty().get()).isNull();
    assertThat(vm.errorProperty().get())
        .startsWith(bad + ":1: a JSON object with fields [traces]; expected OTLP JSON");
  }
}
