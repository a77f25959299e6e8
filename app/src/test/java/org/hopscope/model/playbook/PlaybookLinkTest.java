package org.hopscope.model.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;

@Fault(Fault.Area.LINKS)
class PlaybookLinkTest {

  @Test
  void readsThePlaybookAndItsVariablesDecodedInOrder() {
    PlaybookLink link =
        PlaybookLink.parse(
            "hopscope://playbook/consumer-lag?path=orders&hop=fulfilment-service"
                + "&from=2026-11-26T15%3A35%3A00Z&to=2026-11-26T16:25:00Z&message_id=ord%20%22x%22");
    assertThat(link.playbookId()).isEqualTo("consumer-lag");
    assertThat(link.variables())
        .isEqualTo(
            Map.of(
                "path", "orders",
                "hop", "fulfilment-service",
                "from", "2026-11-26T15:35:00Z",
                "to", "2026-11-26T16:25:00Z",
                "message_id", "ord \"x\""));
    assertThat(PlaybookLink.parse("hopscope://playbook/gateway-auth").variables()).isEmpty();
  }

  @Test
  void everyVariableKeepsItsOrderAndFromToAreTheWindow() {
    PlaybookLink link =
        PlaybookLink.parse(
            "hopscope://playbook/erp-timeouts?message_id=ord-9&hop=erp-adapter&tenant=acme"
                + "&from=2026-11-26T15:35:00Z&to=2026-11-26T16:25:00Z");
    assertThat(link.variables().keySet())
        .containsExactly("message_id", "hop", "tenant", "from", "to");
    assertThat(link.playbookVariables())
        .containsExactly(
            Map.entry("message_id", "ord-9"),
            Map.entry("hop", "erp-adapter"),
            Map.entry("tenant", "acme"));
    assertThat(link.checkWindow().orElseThrow())
        .isEqualTo(
            CheckWindow.of(
                new org.hopscope.model.TimeWindow(
                    java.time.Instant.parse("2026-11-26T15:35:00Z"),
                    java.time.Instant.parse("2026-11-26T16:25:00Z")),
                ValueOrigin.LINK));
    assertThat(PlaybookLink.parse("hopscope://playbook/x?hop=a").checkWindow()).isEmpty();
  }

  @Test
  void badLinksSayWhatIsWrong() {
    for (List<String> c :
        List.of(
            List.of("https://playbook/x", "the link's scheme is 'https', not 'hopscope'"),
            List.of(
                "hopscope://flow/ord-1",
                "hopscope links open playbooks (hopscope://playbook/ID), not 'flow'"),
            List.of("hopscope://playbook/Bad_Id", "'Bad_Id' is not a playbook ID"),
            List.of("hopscope://playbook/x?Hop=a", "'Hop' is not a variable name"),
            List.of("hopscope://playbook/x?hop=a&hop=b", "variable 'hop' is given twice"),
            List.of("hopscope://playbook/x y", "not a link: "),
            List.of(
                "hopscope://playbook/x?from=2026-11-26T15:35:00Z",
                "the link gives 'from' without 'to'; a window needs both"),
            List.of(
                "hopscope://playbook/x?from=yesterday&to=2026-11-26T15:35:00Z",
                "the link's from/to must be ISO-8601 instants"),
            List.of(
                "hopscope://playbook/x?from=2026-11-26T16:00:00Z&to=2026-11-26T15:35:00Z",
                "the link's window must end after it starts"))) {
      assertThatThrownBy(() -> PlaybookLink.parse(c.get(0)))
          .as(c.get(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(c.get(1));
    }
  }
}
