package org.hopscope.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.hopscope.faults.Fault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed file gives exactly these messages, each with its file:line:column. */
@Fault(Fault.Area.FILES)
class PathDefinitionProblemsTest {

  private static final String F = "queries/bad.yaml";

  /** A valid two-hop path; cases replace one line of it. */
  static final String VALID =
      """
      path: p
      hops:
        - name: a
          sla: 5s
          sources:
            - index: a-*
              kind: log
              fields:
                timestamp: "@timestamp"
                messageId: labels.id
          panels:
            - title: Rate
              promql: sum(rate(x_total{service="$service"}[$rate]))
        - name: b
          sources:
            - index: b-*
              kind: span
              fields: {timestamp: startTime, timestampFormat: epoch_micros, messageId: [id]}
      links:
        - from: {hop: a, field: labels.next}
          to: {hop: b, field: id}
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "truncated file",
            VALID.substring(0, VALID.indexOf("messageId: [id]") + 13),
            List.of(
                F
                    + ":18:84: invalid YAML: expected ',' or ']', but got <stream end>"
                    + " (while parsing a flow sequence at line 18, column 82)")),
        Arguments.of(
            "unknown key with a suggestion",
            VALID.replace("    sla: 5s", "    sla_ms: 5000"),
            List.of(
                F
                    + ":3:5: hop 'a': missing required key 'sla' (expected a duration such as 5s,"
                    + " 2m, 1h or 250ms (units ms, s, m, h, d; e.g. 1h30m): the longest time to"
                    + " the next hop)",
                F
                    + ":4:5: unknown key 'sla_ms' (expected one of: name, kind, service, sla,"
                    + " sources, panels; did you mean 'sla'?)")),
        Arguments.of(
            "missing messageId",
            VALID.replace("          messageId: labels.id\n", ""),
            List.of(
                F
                    + ":9:11: fields of source 1 of hop 'a': missing required key 'messageId'"
                    + " (expected the field(s) carrying the message ID, e.g. messageId:"
                    + " [labels.message_id])")),
        Arguments.of(
            "duplicate hop",
            VALID.replace("- name: b", "- name: a"),
            List.of(
                F
                    + ":14:11: duplicate hop name 'a' (first at line 3); hop names must be unique"
                    + " within a path",
                F + ":21:15: link 'to': unknown hop 'b' (hops of this path: a)")),
        Arguments.of(
            "bad duration",
            VALID.replace("sla: 5s", "sla: 5 seconds"),
            List.of(
                F
                    + ":4:10: 'sla': expected a duration such as 5s, 2m, 1h or 250ms (units ms, s,"
                    + " m, h, d; e.g. 1h30m), got '5 seconds'")),
        Arguments.of(
            "bad field path",
            VALID.replace("messageId: labels.id", "messageId: \"tags[key=message.id\""),
            List.of(
                F
                    + ":10:22: 'messageId': expected ARRAY[FIELD=VALUE].FIELD such as"
                    + " tags[key=message.id].value, got 'tags[key=message.id'")),
        Arguments.of(
            "unknown link hop",
            VALID.replace("to: {hop: b,", "to: {hop: c,"),
            List.of(F + ":21:15: link 'to': unknown hop 'c' (hops of this path: a, b)")),
        Arguments.of(
            "link backwards",
            VALID.replace("from: {hop: a", "from: {hop: b").replace("to: {hop: b", "to: {hop: a"),
            List.of(
                F
                    + ":21:15: link 'to': hop 'a' must come after 'b' in the path (a link carries"
                    + " the ID forwards to a later hop)")),
        Arguments.of(
            "unknown promql variable",
            VALID.replace("$rate]", "$range]"),
            List.of(
                F
                    + ":13:17: 'promql' column 38: unknown variable $range; known are $hop,"
                    + " $service, $window and $rate")),
        Arguments.of(
            "unbalanced braces in promql",
            VALID.replace("\"$service\"}", "\"$service\""),
            List.of(
                F
                    + ":13:17: 'promql' column 43: ')' does not match '{' at column 17"
                    + " (expected '}')")),
        Arguments.of(
            "several problems in one file",
            VALID
                .replace("kind: log", "kind: logs")
                .replace("path: p", "path: p\ndescripton: x")
                .replace("sla: 5s", "sla: 0s"),
            List.of(
                F
                    + ":2:1: unknown key 'descripton' (expected one of: path, description, maxJourney, hops,"
                    + " links; did you mean 'description'?)",
                F + ":5:10: 'sla': expected a duration above zero, got '0s'",
                F + ":8:15: 'kind': expected log or span, got 'logs'")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void malformedFileGivesExactProblems(String name, String yaml, List<String> expected) {
    assertThatThrownBy(() -> new PathDefinitions().parse(yaml, F))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems().stream().map(Problem::toString).toList())
                    .containsExactlyElementsOf(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theValidBaseOfEachCaseLoads(String name, String yaml, List<String> expected) {
    assertThat(new PathDefinitions().parse(VALID, F).hops()).hasSize(2);
  }
}
