package org.hopscope.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hopscope.model.playbook.PlaybookVariables;
import org.junit.jupiter.api.Test;

/** The ES count query text, as the file or the reader writes it. */
class EsCountTest {

  @Test
  void readsTheCanonicalAndTheFlowForm() {
    assertThat(EsCount.parse("hop: erp-adapter, count: messages"))
        .isEqualTo(new EsCount("erp-adapter", EsCount.Count.MESSAGES, null));
    assertThat(EsCount.parse("{hop: \"${hop}\", count: dead_letters}"))
        .isEqualTo(new EsCount("${hop}", EsCount.Count.DEAD_LETTERS, null));
  }

  @Test
  void matchIsLastAndTakesTheRestVerbatim() {
    assertThat(EsCount.parse("{hop: h, count: events, match: \"a, b: \\\"c\\\" OR *\"}"))
        .isEqualTo(new EsCount("h", EsCount.Count.EVENTS, "a, b: \\\"c\\\" OR *"));
    assertThat(EsCount.parse("hop: h, count: events, match: ERP call timed out"))
        .isEqualTo(new EsCount("h", EsCount.Count.EVENTS, "ERP call timed out"));
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThatThrownBy(() -> EsCount.parse("hop: h, count: bytes"))
        .hasMessage("es count: count 'bytes' is none of events, failures, dead_letters, messages");
    assertThatThrownBy(() -> EsCount.parse("hop: h, index: logs-*, count: events"))
        .hasMessage("es count: unknown key 'index'; expected hop, count and optionally match");
    assertThatThrownBy(() -> EsCount.parse("count: events"))
        .hasMessage(
            "es count 'count: events' needs hop and count: {hop: H, count: events|failures|"
                + "dead_letters|messages, match: TEXT}");
  }

  @Test
  void variablesAreSubstitutedAsData() {
    assertThat(
            PlaybookVariables.substitute(
                "${hop} ${message_id}", Map.of("hop", "h", "message_id", "$1 \\ ${x}")))
        .isEqualTo("h $1 \\ ${x}");
    assertThatThrownBy(() -> PlaybookVariables.substitute("${nope}", Map.of()))
        .hasMessage("${nope} is not a variable of the playbook");
  }
}
