package org.hopscope.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.hopscope.oncall.SearchWindow;
import org.junit.jupiter.api.Test;

class WindowPresetTest {

  @Test
  void theClientStartsOnTheTiersDefaultSearchWindow() {
    assertThat(WindowPreset.standard()).isEqualTo(WindowPreset.LAST_24_HOURS);
    assertThat(WindowPreset.standard().length()).isEqualTo(SearchWindow.DEFAULT_LENGTH);
  }
}
