package org.hopscope.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hopscope.config.ConfigException;
import org.hopscope.config.PathDefinitions;
import org.hopscope.config.Problem;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;

/** Each malformed playbook gives exactly the located problems that say what to do. */
@Fault(Fault.Area.FILES)
class PlaybookValidationTest {

  private static final String SAMPLE = read(PlaybookReaderTest.SAMPLE);

  private final PlaybookReader reader =
      new PlaybookReader(new PathDefinitions().readDirectory(Path.of("..", "queries")));

  @Test
  void truncatedFrontMatter() {
    assertProblems(
        SAMPLE.replaceFirst("\n---\n# Kafka", "\n# Kafka"),
        "consumer-lag.md:1:1: the front matter opened by '---' on line 1 is never closed; add a"
            + " line '---' after its last key, before the Markdown");
  }

  @Test
  void missingFrontMatter() {
    assertProblems(
        SAMPLE.substring(SAMPLE.indexOf("# Kafka")),
        "consumer-lag.md:1:1: missing front matter: the file must start with a line '---', the"
            + " YAML keys (id, title, applies_to, variables) and a closing line '---'");
  }

  @Test
  void unknownStepTarget() {
    assertProblems(
        SAMPLE.replace("fail: consumer-errors", "fail: consumer-error"),
        "consumer-lag.md:30:7: next of step 'lag-growing': unknown step target 'consumer-error';"
            + " steps are: lag-growing, consumer-errors, restart-check (or end)");
  }

  @Test
  void badPromQlUnclosedParenthesis() {
    assertProblems(
        SAMPLE.replace("[${window}]))", "[${window}])"),
        "consumer-lag.md:21:12: check of step 'lag-growing': bad PromQL: '(' is never closed"
            + " (missing ')'); fix the query in 'promql'");
  }

  @Test
  void badPromQlUnclosedString() {
    assertProblems(
        SAMPLE.replace("service=\"${hop}\"", "service=\"${hop}"),
        "consumer-lag.md:21:51: check of step 'lag-growing': bad PromQL: string opened with \" is"
            + " not closed; fix the query in 'promql'");
  }

  @Test
  void badPromQlInABlockScalarIsLocatedOnItsLine() {
    assertProblems(
        SAMPLE.replace(
            "promql: sum(delta(kafka_consumergroup_lag{service=\"${hop}\"}[${window}]))",
            "promql: |\n  sum(\n    delta(kafka_consumergroup_lag{service=\"${hop}\"}[${window}])]"),
        "consumer-lag.md:23:64: check of step 'lag-growing': bad PromQL: ']' does not match '('"
            + " at column 4 (expected ')'); fix the query in 'promql'");
  }

  @Test
  void emptyPromQl() {
    assertProblems(
        SAMPLE.replace(
            "promql: sum(delta(kafka_consumergroup_lag{service=\"${hop}\"}[${window}]))",
            "promql: \"  \""),
        "consumer-lag.md:21:10: check of step 'lag-growing': bad PromQL: the PromQL is empty; fix"
            + " the query in 'promql'");
  }

  @Test
  void unknownVariable() {
    assertProblems(
        SAMPLE.replace("[${window}]", "[${windw}]"),
        "consumer-lag.md:21:61: check of step 'lag-growing': unknown variable '${windw}'; known"
            + " are path, hop, window, message_id; declare it under 'variables:' in the front"
            + " matter");
  }

  @Test
  void unclosedVariableReference() {
    assertProblems(
        SAMPLE.replace("service=\"${hop}\"", "service=\"${hop\""),
        "consumer-lag.md:21:52: check of step 'lag-growing': '${' is not closed with '}'; write a"
            + " variable as ${name}");
  }

  @Test
  void unknownFrontMatterKeyWithSuggestion() {
    assertProblems(
        SAMPLE.replace("title:", "titel:"),
        "consumer-lag.md:2:1: front matter: missing required key 'title' (expected one line saying"
            + " what the playbook is for)",
        "consumer-lag.md:3:1: front matter: unknown key 'titel' (expected one of: id, title,"
            + " applies_to, variables; did you mean 'title'?)");
  }

  @Test
  void duplicateStepId() {
    assertProblems(
        SAMPLE.replace("{#restart-check}", "{#lag-growing}"),
        "consumer-lag.md:47:11: next of step 'consumer-errors': unknown step target"
            + " 'restart-check'; steps are: lag-growing, consumer-errors (or end)",
        "consumer-lag.md:52:24: duplicate step id 'lag-growing' (first at line 17); step ids must"
            + " be unique");
  }

  @Test
  void badAndMissingStepIds() {
    assertProblems(
        SAMPLE.replace("{#restart-check}", "{#Restart_check}").replace(" {#consumer-errors}", ""),
        "consumer-lag.md:30:7: next of step 'lag-growing': unknown step target 'consumer-errors';"
            + " steps are: lag-growing (or end)",
        "consumer-lag.md:33:1: step 'Does the consumer fail?' has no id; write the heading as '##"
            + " Does the consumer fail? {#step-id}' (lowercase letters, digits and '-')",
        "consumer-lag.md:47:11: next of step 'line 33': unknown step target 'restart-check'; steps"
            + " are: lag-growing (or end)",
        "consumer-lag.md:52:24: step id 'Restart_check': use lowercase letters, digits and '-'"
            + " such as lag-growing");
  }

  @Test
  void checkWithBothOrNeitherSource() {
    assertProblems(
        SAMPLE.replace(
            "pass_when: \"< 100\"", "es: {hop: erp-adapter, count: events}\npass_when: \"< 100\""),
        "consumer-lag.md:21:1: check of step 'lag-growing': give exactly one of 'promql' (a PromQL"
            + " query) or 'es' (an Elasticsearch count {hop, count, match}), not both");
    assertProblems(
        SAMPLE.replace(
            "promql: sum(delta(kafka_consumergroup_lag{service=\"${hop}\"}[${window}]))\n", ""),
        "consumer-lag.md:21:1: check of step 'lag-growing': give exactly one of 'promql' (a PromQL"
            + " query) or 'es' (an Elasticsearch count {hop, count, match}), got neither");
  }

  @Test
  void badPassWhenSeverityCountAndHopAllAtOnce() {
    assertProblems(
        SAMPLE
            .replace("\"< 100\"", "\"about 100\"")
            .replace("severity: critical", "severity: high")
            .replace("count: failures", "count: errors")
            .replace("hop: fulfilment-service, count", "hop: fulfilment, count"),
        "consumer-lag.md:22:12: check of step 'lag-growing': 'pass_when': expected an operator (<"
            + " <= > >= == !=) and a number, quoted, such as \"< 100\", got 'about 100'",
        "consumer-lag.md:23:11: check of step 'lag-growing': 'severity': expected info, warning or"
            + " critical, got 'high'",
        "consumer-lag.md:37:11: check of step 'consumer-errors': 'es': unknown hop 'fulfilment';"
            + " hops of the applies_to paths are: api-gateway, order-service, orders.v1,"
            + " fulfilment-service, erp-adapter, erp-confirmation",
        "consumer-lag.md:37:30: check of step 'consumer-errors': 'es': 'count': expected one of"
            + " events, failures, dead_letters, messages, got 'errors'");
  }

  @Test
  void unknownPathInAppliesTo() {
    assertProblems(
        SAMPLE.replace("paths: [orders]", "paths: [order]"),
        "consumer-lag.md:5:11: front matter: 'applies_to': unknown path 'order'; known paths are"
            + " orders, payments");
  }

  @Test
  void unquotedCommaInAFlowMapping() {
    assertProblems(
        SAMPLE.replace(
            "description: \"a message from the alert, if any\"",
            "description: a message from the alert, if any"),
        "consumer-lag.md:11:68: front matter: variable 'message_id': unknown key 'if any'"
            + " (expected one of: default, description, pinned; inside {...} a ', ' ends a value, so quote"
            + " text that holds commas)");
  }

  @Test
  void unclosedCodeBlockAndPassWithoutCheck() {
    assertProblems(
        SAMPLE.replace(
                "deploy/fulfilment-service\n```",
                "deploy/fulfilment-service\n```\n```next\npass: end\n```")
            + "\n```bash\nls\n",
        "consumer-lag.md:60:7: next of step 'restart-check': 'pass' needs a check in this step;"
            + " use 'choice' for the engineer's decision",
        "consumer-lag.md:63:1: the code block opened here with ``` is never closed; add a line ```"
            + " after it");
  }

  @Test
  void invalidYamlInACheckIsLocatedInTheFile() {
    assertProblems(
        SAMPLE.replace("severity: warning", "severity: [warning"),
        "consumer-lag.md:40:9: check of step 'consumer-errors': invalid YAML: expected ',' or ']',"
            + " but got : (while parsing a flow sequence at line 39, column 11)");
  }

  @Test
  void idMustMatchTheFileNameAndWindowMustBeADuration() {
    assertProblems(
        SAMPLE
            .replace("id: consumer-lag", "id: lag")
            .replace("default: 30m", "default: half an hour"),
        "consumer-lag.md:2:5: front matter: 'id' is 'lag' but the file is consumer-lag.md; name"
            + " the file lag.md or change the id",
        "consumer-lag.md:10:21: front matter: variable 'window': 'default': expected a duration"
            + " of one unit such as 30m, 2h or 90s (PromQL ranges take one unit), got 'half an"
            + " hour'");
  }

  @Test
  void aSecondCheckInAStepAndNoSteps() {
    assertProblems(
        SAMPLE.replace("```next\npass: end", "```check\npromql: up\n```\n```next\npass: end"),
        "consumer-lag.md:28:1: step 'lag-growing' has a second ```check block (first at line 20);"
            + " a step has at most one");
    assertProblems(
        SAMPLE.substring(0, SAMPLE.indexOf("## Is")),
        "consumer-lag.md: no steps: add at least one section '## Title {#step-id}'");
  }

  private void assertProblems(String text, String... expected) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> reader.parse(text, "consumer-lag.md"));
    assertThat(e).as("problems of the malformed playbook").isNotNull();
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(expected);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
