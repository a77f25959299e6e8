package org.hopscope.model.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hopscope.model.TimeWindow;
import org.junit.jupiter.api.Test;

/** Where each variable's value comes from, weakest to strongest, and what a pin refuses. */
class PlaybookVariablesTest {

  private static final TimeWindow FIFTY_MINUTES =
      new TimeWindow(Instant.parse("2026-11-26T15:35:00Z"), Instant.parse("2026-11-26T16:25:00Z"));

  private static Playbook erpTimeouts() {
    return new Playbook(
        "erp-timeouts",
        "ERP timeouts",
        new Playbook.AppliesTo(List.of("orders"), List.of(), List.of()),
        List.of(
            new Playbook.Variable("hop", "erp-adapter", "the hop calling the ERP", true),
            new Playbook.Variable("window", "30m", "how far back"),
            new Playbook.Variable("tenant", "", "")),
        List.of(new Step("s", "S", "", null, List.of(), 1)),
        "erp-timeouts.md");
  }

  private static List<String> described(List<VariableValue> values) {
    return values.stream()
        .map(
            v ->
                v.name()
                    + "="
                    + v.value()
                    + " ("
                    + v.origin().words()
                    + (v.notTaken() == null ? "" : "; not taken: " + v.notTaken())
                    + ")")
        .toList();
  }

  @Test
  void defaultsThenWindowThenContextThenGivenAndAPinRefusesContextOnly() {
    List<VariableValue> fromSearchBar =
        PlaybookVariables.resolve(
            erpTimeouts(),
            null,
            CheckWindow.of(FIFTY_MINUTES, ValueOrigin.SEARCH_BAR),
            Map.of("path", "orders", "hop", "fulfilment-service", "nonsense", "x"),
            Map.of(),
            ValueOrigin.GIVEN);
    assertThat(described(fromSearchBar))
        .containsExactly(
            "hop=erp-adapter (the playbook's default; not taken: fulfilment-service)",
            "window=50m (the search bar)",
            "tenant= (the playbook's default)",
            "path=orders (the search bar)",
            "message_id= (the playbook's default)");

    List<VariableValue> fromLink =
        PlaybookVariables.resolve(
            erpTimeouts(),
            null,
            CheckWindow.of(FIFTY_MINUTES, ValueOrigin.LINK),
            Map.of("hop", "fulfilment-service"),
            Map.of("hop", "erp-adapter-eu", "message_id", "ord-1", "tenant", "acme"),
            ValueOrigin.LINK);
    assertThat(described(fromLink))
        .containsExactly(
            "hop=erp-adapter-eu (the alert link)",
            "window=50m (the alert link)",
            "tenant=acme (the alert link)",
            "path= (the playbook's default)",
            "message_id=ord-1 (the alert link)");
    assertThat(fromLink.get(0).pinned()).isTrue();
  }

  @Test
  void bindGivesTheMapAndRefusesAnUnknownVariable() {
    assertThat(PlaybookVariables.bind(erpTimeouts(), null, Map.of("window", "2h")))
        .containsExactly(
            Map.entry("hop", "erp-adapter"),
            Map.entry("window", "2h"),
            Map.entry("tenant", ""),
            Map.entry("path", ""),
            Map.entry("message_id", ""));
    assertThatThrownBy(() -> PlaybookVariables.bind(erpTimeouts(), null, Map.of("colour", "red")))
        .hasMessage(
            "playbook erp-timeouts has no variable 'colour'; it has hop, window, tenant, path,"
                + " message_id");
  }

  @Test
  void aCheckWindowIsEvaluatedAsOfItsEndOrNowWhenItEndsLater() {
    CheckWindow w = CheckWindow.of(FIFTY_MINUTES, ValueOrigin.INCIDENT);
    assertThat(w.windowVariable()).isEqualTo("50m");
    assertThat(w.asOf(Instant.parse("2026-11-27T00:00:00Z"))).isEqualTo(FIFTY_MINUTES.to());
    assertThat(w.asOf(Instant.parse("2026-11-26T16:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-26T16:00:00Z"));
  }
}
