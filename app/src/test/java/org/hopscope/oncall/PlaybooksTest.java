package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.playbook.PlaybookReader;
import org.hopscope.playbook.PlaybookReaderTest;
import org.junit.jupiter.api.Test;

class PlaybooksTest {

  private final Playbooks playbooks = new Playbooks(PlaybookReaderTest.SAMPLE.getParent());

  @Test
  void listsAndLoadsTheDirectorysPlaybooks() {
    PlaybookCatalog catalog = playbooks.list(null);
    assertThat(catalog.playbooks()).extracting(Playbook::id).containsExactly("consumer-lag");
    assertThat(catalog.problems()).isEmpty();
    assertThat(playbooks.load("consumer-lag"))
        .isEqualTo(PlaybookReaderTest.expected(PlaybookReaderTest.SAMPLE.toString()));
    assertThatThrownBy(() -> playbooks.load("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no playbook nope");
  }

  @Test
  void thePathToRunAgainstIsTheCallersThenThePlaybooksThenOrders() {
    Playbook sample = new PlaybookReader().read(PlaybookReaderTest.SAMPLE);
    assertThat(Playbooks.pathName(sample, Map.of("path", "billing"))).isEqualTo("billing");
    assertThat(Playbooks.pathName(sample, Map.of())).isEqualTo(Playbooks.DEFAULT_PATH);
  }
}
