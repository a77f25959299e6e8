package org.hopscope.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.NextRule;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.junit.jupiter.api.Test;

/** A whole playbook file read into exactly the records it describes. */
public class PlaybookReaderTest {

  public static final Path SAMPLE =
      Path.of("src", "test", "resources", "playbooks", "consumer-lag.md");

  @Test
  void readsTheSamplePlaybookIntoExactRecords() {
    Playbook playbook =
        new PlaybookReader(new PathDefinitions().readDirectory(Path.of("..", "queries")))
            .read(SAMPLE);

    assertThat(playbook).isEqualTo(expected(SAMPLE.toString()));
  }

  @Test
  void readsWithoutPathDefinitionsToo() {
    assertThat(new PlaybookReader().read(SAMPLE)).isEqualTo(expected(SAMPLE.toString()));
  }

  @Test
  void aStepWithoutNextAndAnUnquotedPassWhenAndBlockPromQl() {
    String text =
        """
        ---
        id: tiny
        title: Tiny
        ---
        ## Only {#only}
        ```check
        promql: |
          sum(rate(http_requests_total{service="${hop}"}[5m]))
        pass_when: <= 2.5
        severity: info
        expected: quiet
        meaning: noisy
        ```
        """;

    Playbook playbook = new PlaybookReader().parse(text, "tiny.md");

    assertThat(playbook)
        .isEqualTo(
            new Playbook(
                "tiny",
                "Tiny",
                new Playbook.AppliesTo(List.of(), List.of(), List.of()),
                List.of(),
                List.of(
                    new Step(
                        "only",
                        "Only",
                        "",
                        new Check(
                            Check.Kind.PROMQL,
                            "sum(rate(http_requests_total{service=\"${hop}\"}[5m]))",
                            Check.Comparison.LE,
                            2.5,
                            Check.Severity.INFO,
                            "quiet",
                            "noisy",
                            6),
                        List.of(),
                        5)),
                "tiny.md"));
  }

  @Test
  void esCountQueryRoundTrips() {
    EsCount count = new EsCount("erp-adapter", EsCount.Count.EVENTS, "timed out, retrying");
    assertThat(count.query())
        .isEqualTo("hop: erp-adapter, count: events, match: timed out, retrying");
    assertThat(EsCount.parse(count.query())).isEqualTo(count);
    assertThat(EsCount.parse("hop: ${hop}, count: dead_letters"))
        .isEqualTo(new EsCount("${hop}", EsCount.Count.DEAD_LETTERS, null));
  }

  public static Playbook expected(String origin) {
    return new Playbook(
        "consumer-lag",
        "Kafka consumer lag growing on orders.v1",
        new Playbook.AppliesTo(
            List.of("orders"), List.of("fulfilment-service"), List.of("OrdersConsumerLagGrowing")),
        List.of(
            new Playbook.Variable("hop", "fulfilment-service", "the consumer hop"),
            new Playbook.Variable("window", "30m", "how far back to look"),
            new Playbook.Variable("message_id", "", "a message from the alert, if any")),
        List.of(
            new Step(
                "lag-growing",
                "Is the lag still growing?",
                "Look at the lag of the consumer group over the window.",
                new Check(
                    Check.Kind.PROMQL,
                    "sum(delta(kafka_consumergroup_lag{service=\"${hop}\"}[${window}]))",
                    Check.Comparison.LT,
                    100.0,
                    Check.Severity.CRITICAL,
                    "lag is flat or shrinking",
                    "the consumer falls behind; go on to find out why",
                    20),
                List.of(
                    new NextRule(NextRule.On.PASS, "", "end"),
                    new NextRule(NextRule.On.FAIL, "", "consumer-errors")),
                17),
            new Step(
                "consumer-errors",
                "Does the consumer fail?",
                "Failures at the consumer hop.",
                new Check(
                    Check.Kind.ES_COUNT,
                    "hop: fulfilment-service, count: failures, match: timeout",
                    Check.Comparison.EQ,
                    0.0,
                    Check.Severity.WARNING,
                    "no failures",
                    "the consumer fails; see the ERP playbook",
                    36),
                List.of(
                    new NextRule(
                        NextRule.On.CHOICE, "consumer was restarted recently", "restart-check"),
                    new NextRule(NextRule.On.CHOICE, "nothing changed", "end")),
                33),
            new Step(
                "restart-check",
                "Was it restarted?",
                "Check the deployment history.\n\n```bash\n## not a step: a heading inside a code"
                    + " block\nkubectl rollout history deploy/fulfilment-service\n```",
                null,
                List.of(),
                52)),
        origin);
  }
}
