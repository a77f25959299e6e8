package org.hopscope.model.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;

class PromQlTemplateTest {

  private static Map<String, String> vars(String hop) {
    return Map.of("hop", hop, "service", hop, "window", "3h", "rate", "5m");
  }

  @Test
  void substitutesEveryVariableWhereItStands() {
    PromQlTemplate t =
        PromQlTemplate.parse(
            "Error ratio",
            "sum(rate(x{service=\"$service\",hop='${hop}'}[$rate])) / count_over_time(y[$window])");
    assertThat(t.variables()).containsExactly("service", "hop", "rate", "window");
    assertThat(t.render(vars("erp-adapter")))
        .isEqualTo(
            "sum(rate(x{service=\"erp-adapter\",hop='erp-adapter'}[5m]))"
                + " / count_over_time(y[3h])");
  }

  @Fault(Fault.Area.HOSTILE_DATA)
  @Test
  void escapesHostileValuesInsideDoubleQuotes() {
    PromQlTemplate t = PromQlTemplate.parse("Lag", "kafka_consumergroup_lag{topic=\"$hop\"}");
    assertThat(t.render(vars("a\"} or vector(1) #")))
        .isEqualTo("kafka_consumergroup_lag{topic=\"a\\\"} or vector(1) #\"}");
    assertThat(t.render(vars("x\\\""))).isEqualTo("kafka_consumergroup_lag{topic=\"x\\\\\\\"\"}");
    assertThat(t.render(vars("a\nb\rc\td\u0001e")))
        .isEqualTo("kafka_consumergroup_lag{topic=\"a\\nb\\rc\\td\\u0001e\"}");
    assertThat(t.render(vars("注文-✓-😀"))).isEqualTo("kafka_consumergroup_lag{topic=\"注文-✓-😀\"}");
  }

  @Fault(Fault.Area.HOSTILE_DATA)
  @Test
  void escapesForTheQuoteThatOpenedTheString() {
    PromQlTemplate t = PromQlTemplate.parse("Lag", "lag{topic='$hop'}");
    assertThat(t.render(vars("it's \"x\""))).isEqualTo("lag{topic='it\\'s \"x\"'}");
  }

  @Fault(Fault.Area.HOSTILE_DATA)
  @Test
  void regexMatcherValuesMatchLiterally() {
    PromQlTemplate t = PromQlTemplate.parse("Lag", "lag{topic=~ \"$hop\", x!~\"$hop|b\"}");
    assertThat(t.render(vars("orders.v1(*)")))
        .isEqualTo(
            "lag{topic=~ \"orders\\\\.v1\\\\(\\\\*\\\\)\", x!~\"orders\\\\.v1\\\\(\\\\*\\\\)|b\"}");
  }

  @Test
  void rawStringsRefuseBackticks() {
    PromQlTemplate t = PromQlTemplate.parse("Lag", "lag{topic=`$hop`}");
    assertThat(t.render(vars("a\"b\\c"))).isEqualTo("lag{topic=`a\"b\\c`}");
    assertThatThrownBy(() -> t.render(vars("a`b")))
        .isInstanceOf(PromQlTemplateException.class)
        .hasMessage(
            "PromQL of panel 'Lag', column 12: the value of $hop holds a backtick, which a raw"
                + " string (`...`) cannot carry; use \"...\"");
  }

  @Test
  void labelValueOutsideAStringIsRefusedNamingThePanel() {
    assertThatThrownBy(() -> PromQlTemplate.parse("Requests/s", "rate(x{}[$rate]) > $hop"))
        .isInstanceOf(PromQlTemplateException.class)
        .hasMessage(
            "PromQL of panel 'Requests/s', column 20: $hop stands outside a quoted string; only the"
                + " durations $window and $rate may, put it inside a label matcher's quotes, e.g."
                + " {service=\"$hop\"}")
        .satisfies(e -> assertThat(((PromQlTemplateException) e).column()).isEqualTo(20));
  }

  @Test
  void durationsOutsideStringsMustBeDurations() {
    PromQlTemplate t = PromQlTemplate.parse("Rate", "rate(x[$rate])");
    assertThat(t.render(Map.of("rate", "250ms"))).isEqualTo("rate(x[250ms])");
    for (String bad : new String[] {"5m] or vector(1", "5", "1h30m", "-5m", "5 m", ""}) {
      assertThatThrownBy(() -> t.render(Map.of("rate", bad)))
          .as(bad)
          .isInstanceOf(PromQlTemplateException.class)
          .hasMessageContaining("panel 'Rate', column 8: $rate stands outside a quoted string");
    }
  }

  @Test
  void unknownVariablesAndBrokenTemplatesAreRefused() {
    assertThatThrownBy(() -> PromQlTemplate.parse("P", "x{a=\"$instance\"}"))
        .hasMessage(
            "PromQL of panel 'P', column 6: unknown variable $instance; known are $hop, $service,"
                + " $window and $rate");
    assertThatThrownBy(() -> PromQlTemplate.parse("P", "x{a=\"$hop}"))
        .hasMessage("PromQL of panel 'P', column 5: string opened with \" is not closed");
    assertThatThrownBy(() -> PromQlTemplate.parse("P", "x[${rate]"))
        .hasMessage("PromQL of panel 'P', column 3: ${ is not closed with }");
    assertThatThrownBy(() -> PromQlTemplate.parse("P", "sum(x{a=\"(\"]) # ("))
        .hasMessage(
            "PromQL of panel 'P', column 12: ']' does not match '{' at column 6 (expected '}')");
    assertThatThrownBy(() -> PromQlTemplate.parse("P", "sum(rate(x[$rate])"))
        .hasMessage("PromQL of panel 'P', column 4: '(' is never closed (missing ')')");
    assertThatThrownBy(() -> PromQlTemplate.parse("P", "x{a=\"b\"}}"))
        .hasMessage("PromQL of panel 'P', column 9: '}' closes nothing");
    assertThatThrownBy(() -> PromQlTemplate.parse("P", "  "))
        .hasMessage("PromQL of panel 'P', column 1: the PromQL is empty");
    assertThatThrownBy(() -> PromQlTemplate.parse("P", "x{a=\"$hop\"}").render(Map.of()))
        .hasMessage("PromQL of panel 'P', column 6: $hop has no value");
  }

  @Fault(Fault.Area.HOSTILE_DATA)
  @Test
  void escapedQuotesAndCommentsDoNotConfuseTheScanner() {
    PromQlTemplate t =
        PromQlTemplate.parse("P", "x{a=\"q\\\"$hop\"} # $hop \"\n+ y{b=\"$service\"}[$rate]");
    assertThat(t.render(vars("v\"")))
        .isEqualTo("x{a=\"q\\\"v\\\"\"} # $hop \"\n+ y{b=\"v\\\"\"}[5m]");
  }

  @Test
  void unpairedSurrogateCannotBeALabelValue() {
    PromQlTemplate t = PromQlTemplate.parse("P", "x{a=\"$hop\"}");
    assertThatThrownBy(() -> t.render(vars("a\uD800b")))
        .hasMessage(
            "PromQL of panel 'P', column 6: $hop: value has an unpaired UTF-16 surrogate at index"
                + " 1 and cannot be a label value");
  }

  @Fault(Fault.Area.HOSTILE_DATA)
  @Test
  void quoteEscapesBackslashesAndQuotes() {
    assertThat(PromQl.quote("a\"} or vector(1) #")).isEqualTo("\"a\\\"} or vector(1) #\"");
    assertThat(PromQl.quote("x\\\"")).isEqualTo("\"x\\\\\\\"\"");
  }

  @Test
  void rateFollowsTheStepAndWindowIsTheRange() {
    assertThat(PromQlVariables.rateFor(Duration.ofSeconds(5))).isEqualTo(Duration.ofMinutes(1));
    assertThat(PromQlVariables.rateFor(Duration.ofSeconds(15))).isEqualTo(Duration.ofMinutes(1));
    assertThat(PromQlVariables.rateFor(Duration.ofSeconds(16))).isEqualTo(Duration.ofMinutes(2));
    assertThat(PromQlVariables.rateFor(Duration.ofSeconds(60))).isEqualTo(Duration.ofMinutes(5));
    assertThat(PromQlVariables.rateFor(Duration.ofSeconds(236))).isEqualTo(Duration.ofMinutes(30));
    assertThat(PromQlVariables.rateFor(Duration.ofDays(3))).isEqualTo(Duration.ofDays(12));
    Instant to = Instant.parse("2026-11-26T12:00:00Z");
    PromQlVariables v =
        new PromQlVariables(
            "orders.v1",
            "orders.v1",
            Duration.between(to.minus(Duration.ofMinutes(90)), to),
            PromQlVariables.rateFor(Duration.ofSeconds(30)));
    assertThat(v.asMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("hop", "orders.v1", "service", "orders.v1", "window", "90m", "rate", "2m"));
  }

  @Test
  void durationsAreWrittenInOneUnit() {
    assertThat(PromQl.duration(Duration.ofHours(3))).isEqualTo("3h");
    assertThat(PromQl.duration(Duration.ofDays(30))).isEqualTo("30d");
    assertThat(PromQl.duration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(PromQl.duration(Duration.ofSeconds(236))).isEqualTo("236s");
    assertThatThrownBy(() -> PromQl.duration(Duration.ZERO))
        .hasMessage("a PromQL duration must be positive, got PT0S");
  }

  @Test
  void rangeStepStaysWithinElevenThousandPoints() {
    Instant to = Instant.parse("2026-11-26T12:00:00Z");
    Duration step = RangeStep.fit(to.minus(Duration.ofDays(30)), to, Duration.ofSeconds(15));
    assertThat(step).isEqualTo(Duration.ofSeconds(236));
    assertThat(Duration.ofDays(30).toSeconds() / step.toSeconds()).isLessThanOrEqualTo(11_000);
    assertThat(RangeStep.fit(to.minus(Duration.ofHours(3)), to, Duration.ofSeconds(1)))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(RangeStep.fit(to.minus(Duration.ofSeconds(110)), to, Duration.ofMillis(1)))
        .isEqualTo(Duration.ofMillis(10));
  }
}
