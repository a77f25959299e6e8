package org.hopscope.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hopscope.faults.Fault;
import org.hopscope.model.Condition;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.IdLink;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimestampFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathDefinitionsTest {

  static final Path ORDERS = Path.of("..", "queries", "orders.yaml");

  private final PathDefinitions definitions = new PathDefinitions();

  @Test
  void ordersPathLoadsWithItsHopsSlasAndLink() {
    PathDef orders = definitions.read(ORDERS);

    assertThat(orders.name()).isEqualTo("orders");
    assertThat(orders.origin()).isEqualTo(ORDERS.toString());
    assertThat(orders.description()).startsWith("Web orders from the API gateway");
    assertThat(orders.hops())
        .extracting(Hop::name)
        .containsExactly(
            "api-gateway",
            "order-service",
            "orders.v1",
            "fulfilment-service",
            "erp-adapter",
            "erp-confirmation");
    assertThat(orders.hops())
        .extracting(Hop::sla)
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofMinutes(5),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            null);
    assertThat(orders.hops()).extracting(Hop::service).element(2).isEqualTo("orders.v1");
    assertThat(orders.hops()).extracting(h -> h.sources().size()).containsExactly(1, 2, 1, 1, 1, 1);
    assertThat(orders.hops()).extracting(h -> h.panels().size()).containsExactly(2, 1, 2, 2, 3, 1);
    assertThat(orders.links())
        .containsExactly(
            new IdLink(
                "erp-adapter",
                FieldPath.parse("tags[key=erp.document_number].value"),
                "erp-confirmation",
                FieldPath.parse("labels.erp_document_number"),
                IdLink.Cardinality.ONE_TO_ONE));
  }

  @Test
  void ordersPathReadsJaegerKeyedFieldsEpochMicrosAndConditions() {
    PathDef orders = definitions.read(ORDERS);

    EventSourceDef jaeger = orders.hop("erp-adapter").orElseThrow().sources().get(0);
    assertThat(jaeger.kind()).isEqualTo(EventSourceDef.Kind.SPAN);
    assertThat(jaeger.fields().timestampFormat()).isEqualTo(TimestampFormat.EPOCH_MICROS);
    assertThat(jaeger.fields().messageIds())
        .containsExactly(
            new FieldPath("tags[key=message.id].value", "tags", "key", "message.id", "value"));
    assertThat(jaeger.fields().failure())
        .containsExactly(
            new Condition(
                FieldPath.parse("tags[key=http.status_code].value"),
                Condition.Op.IN,
                List.of("500")));

    EventSourceDef gateway = orders.hops().get(0).sources().get(0);
    assertThat(gateway.fields().timestampFormat()).isEqualTo(TimestampFormat.ISO);
    assertThat(gateway.fields().spanId()).isNull();
    assertThat(gateway.fields().failure())
        .containsExactly(
            new Condition(
                FieldPath.parse("http.response.status_code"),
                Condition.Op.AT_LEAST,
                List.of("400")));

    EventSourceDef fulfilment = orders.hop("fulfilment-service").orElseThrow().sources().get(0);
    assertThat(fulfilment.fields().attempt()).isEqualTo(FieldPath.parse("labels.attempt"));
    assertThat(fulfilment.fields().deadLetter())
        .containsExactly(
            new Condition(FieldPath.parse("labels.dlq_topic"), Condition.Op.EXISTS, List.of()));
    assertThat(fulfilment.fields().attemptStart())
        .containsExactly(
            new Condition(
                FieldPath.parse("event.action"),
                Condition.Op.IN,
                List.of("consumed", "erp-call-retry")));
    assertThat(orders.hop("orders.v1").orElseThrow().panels().get(0).promql())
        .isEqualTo("sum by (partition) (kafka_consumergroup_lag{topic=\"$hop\"})");
  }

  @Test
  @Fault(Fault.Area.FILES)
  void directoryGivesTheValidPathsAndTheProblemsOfTheOthers(@TempDir Path dir) throws Exception {
    Files.copy(ORDERS, dir.resolve("orders.yaml"));
    Files.writeString(
        dir.resolve("billing.yml"),
        PathDefinitionProblemsTest.VALID.replace("path: p", "path: billing"));
    Files.writeString(dir.resolve("broken.yaml"), "path: broken\nhops: {name: a}\n");
    Files.writeString(
        dir.resolve("zz-copy.yaml"), Files.readString(ORDERS).replace("sla: 5m", "sla: 6m"));
    Files.writeString(dir.resolve("notes.txt"), "not a path definition");

    PathCatalog catalog = definitions.readDirectory(dir);

    assertThat(catalog.paths()).extracting(PathDef::name).containsExactly("billing", "orders");
    assertThat(catalog.path("orders").orElseThrow().hops()).hasSize(6);
    assertThat(catalog.allValid()).isFalse();
    assertThat(catalog.problems())
        .extracting(Problem::toString)
        .containsExactly(
            dir.resolve("broken.yaml")
                + ":2:7: 'hops': expected the list of hops in path order, got a mapping",
            dir.resolve("zz-copy.yaml")
                + ": path 'orders' is already defined in "
                + dir.resolve("orders.yaml")
                + "; give each path its own name");
  }

  @Test
  @Fault(Fault.Area.FILES)
  void missingDirectoryIsOneProblem(@TempDir Path dir) {
    PathCatalog catalog = definitions.readDirectory(dir.resolve("nope"));

    assertThat(catalog.paths()).isEmpty();
    assertThat(catalog.problems())
        .extracting(Problem::toString)
        .containsExactly(
            dir.resolve("nope")
                + ": no such directory; path definitions are read from *.yaml files in it");
  }

  @Test
  @Fault(Fault.Area.FILES)
  void emptyFileAndWrongRootAreReported() {
    assertThatThrownBy(() -> definitions.parse("", "q/empty.yaml"))
        .hasMessage("q/empty.yaml: the file is empty");
    assertThatThrownBy(() -> definitions.parse("- a\n- b\n", "q/list.yaml"))
        .hasMessage(
            "q/list.yaml:1:1: path definition: expected a mapping with keys path, description, maxJourney,"
                + " hops, links, got a list");
  }
}
