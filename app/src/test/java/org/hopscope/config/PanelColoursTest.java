package org.hopscope.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.hopscope.faults.Fault;
import org.hopscope.model.SeriesColour;
import org.hopscope.model.SeriesColourRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A panel's {@code colors}: read into rules, and every bad value reported where it is. */
class PanelColoursTest {

  private static final String F = "queries/bad.yaml";
  private static final String PROMQL =
      "        promql: sum(rate(x_total{service=\"$service\"}[$rate]))\n";

  private static String withColours(String line) {
    return PathDefinitionProblemsTest.VALID.replace(PROMQL, PROMQL + line + "\n");
  }

  @Test
  void coloursAreReadInOrderByValueAndByLabel() {
    var path =
        new PathDefinitions()
            .parse(withColours("        colors: {failed: red, outcome=parked: amber}"), F);
    assertThat(path.hops().get(0).panels().get(0).colours())
        .containsExactly(
            new SeriesColourRule(null, "failed", SeriesColour.RED),
            new SeriesColourRule("outcome", "parked", SeriesColour.AMBER));
    assertThat(new PathDefinitions().parse(PathDefinitionProblemsTest.VALID, F).hops().get(0))
        .satisfies(h -> assertThat(h.panels().get(0).colours()).isEmpty());
  }

  static Stream<Arguments> bad() {
    return Stream.of(
        Arguments.of(
            "        colors: {failed: crimson}",
            F
                + ":14:26: 'colors' 'failed': unknown colour 'crimson' (expected one of red,"
                + " amber, green, blue, purple, teal, grey)"),
        Arguments.of(
            "        colors: {retry: ambre}",
            F
                + ":14:25: 'colors' 'retry': unknown colour 'ambre' (expected one of red,"
                + " amber, green, blue, purple, teal, grey; did you mean 'amber'?)"),
        Arguments.of(
            "        colors: [red]",
            F
                + ":14:17: 'colors': expected a mapping of label value (or label=value) to"
                + " colour, such as {failed: red, parked: amber}, got a list"),
        Arguments.of(
            "        colors: {failed: [red]}",
            F
                + ":14:26: 'colors' 'failed': expected one of red, amber, green, blue, purple,"
                + " teal, grey, got a list"),
        Arguments.of(
            "        colors: {\"out come=failed\": red}",
            F
                + ":14:18: 'colors' key 'out come=failed': 'out come' is not a Prometheus label"
                + " name (letters, digits and _, such as outcome=failed)"),
        Arguments.of(
            "        colors: {\"outcome=\": red}",
            F + ":14:18: 'colors' key 'outcome=': expected a label value, such as failed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad")
  @Fault(Fault.Area.FILES)
  void aBadColourIsReportedAtItsLine(String line, String expected) {
    assertThatThrownBy(() -> new PathDefinitions().parse(withColours(line), F))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems().stream().map(Problem::toString).toList())
                    .containsExactly(expected));
  }
}
