package org.hopscope.model.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  static Stream<Arguments> badLinks() {
    return Stream.of(
        Arguments.of("https://playbook/x", "the link's scheme is 'https', not 'hopscope'"),
        Arguments.of(
            "hopscope://flow/ord-1",
            "hopscope links open playbooks (hopscope://playbook/ID), not 'flow'"),
        Arguments.of("hopscope://playbook/Bad_Id", "'Bad_Id' is not a playbook ID"),
        Arguments.of("hopscope://playbook/x?Hop=a", "'Hop' is not a variable name"),
        Arguments.of("hopscope://playbook/x?hop=a&hop=b", "variable 'hop' is given twice"),
        Arguments.of(
            "hopscope://playbook/x y", "not a link: Illegal character in path at index 21"),
        Arguments.of(
            "hopscope://playbook/x?from=2026-11-26T15:35:00Z",
            "the link gives 'from' without 'to'; a window needs both"),
        Arguments.of(
            "hopscope://playbook/x?from=yesterday&to=2026-11-26T15:35:00Z",
            "the link's from/to must be ISO-8601 instants"),
        Arguments.of(
            "hopscope://playbook/x?from=2026-11-26T16:00:00Z&to=2026-11-26T15:35:00Z",
            "the link's window must end after it starts"),
        // hostile links: what they carry is never run, never shown raw
        Arguments.of("javascript:alert(1)", "the link's scheme is 'javascript', not 'hopscope'"),
        Arguments.of(
            "hopscope://playbook/..%2F..%2Fetc%2Fpasswd",
            "'../../etc/passwd' is not a playbook ID"),
        Arguments.of("hopscope://playbook/x%1B%5B2J", "'x\\u001B[2J' is not a playbook ID"),
        Arguments.of(
            "hopscope://playbook/x?hop=a%0D%0AALL%20CLEAR",
            "variable 'hop' holds a control character (a\\u000D\\u000AALL CLEAR)"),
        Arguments.of(
            "hopscope://playbook/x?hop=a%E2%80%AEb",
            "variable 'hop' holds a control character (a\\u202Eb)"),
        Arguments.of(
            "hopscope://playbook/x?hop=%zz", "not a link: Malformed escape pair at index 26"),
        Arguments.of(
            "hopscope://playbook/" + "a".repeat(9000),
            "the link is 9020 characters long; a hopscope link is at most 8192"),
        Arguments.of(
            "hopscope://playbook/" + "A".repeat(200),
            "'" + "A".repeat(80) + "...' is not a playbook ID"));
  }

  @Fault(Fault.Area.LINKS)
  @ParameterizedTest
  @MethodSource("badLinks")
  void badLinksSayWhatIsWrong(String link, String message) {
    assertThatThrownBy(() -> PlaybookLink.parse(link))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Fault(Fault.Area.LINKS)
  @Test
  void aVariableIsKeptAsTextWhateverItSays() {
    PlaybookLink link = PlaybookLink.parse("hopscope://playbook/x?hop=%22%20OR%201%3D1%20--%20%7D");
    assertThat(link.playbookVariables()).containsExactly(Map.entry("hop", "\" OR 1=1 -- }"));
  }
}
