package org.hopscope.ui.look;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's trimmed themes are ThemeTrim's output of the AtlantaFX on the class path. */
class ThemeTrimTest {

  @Test
  void theShippedThemesAreUpToDate() throws IOException {
    for (String theme : ThemeTrim.THEMES) {
      Path file = Path.of(ThemeTrim.TARGET + theme + ".css");
      assertThat(Files.readString(file))
          .as(file + " is stale: regenerate it with ThemeTrim.main (test class path), see ADR 0038")
          .isEqualTo(ThemeTrim.trimmed(theme));
    }
  }

  @Test
  void theControlsTheClientShowsKeepTheirRules() {
    String dark = ThemeTrim.trimmed("primer-dark");
    for (String used :
        List.of(
            ".root",
            ".button",
            ".toggle-button",
            ".text-field",
            ".text-area",
            ".table-view",
            ".list-view",
            ".combo-box",
            ".choice-box",
            ".menu-button",
            ".context-menu",
            ".radio-menu-item",
            ".tab-pane",
            ".split-pane",
            ".scroll-pane",
            ".tooltip",
            ".dialog-pane",
            ".check-box",
            ".progress-indicator",
            ".progress-bar",
            ".hyperlink")) {
      assertThat(dark).as(used).containsPattern("(?m)^" + java.util.regex.Pattern.quote(used));
    }
  }

  @Test
  void aSelectorNamingAnUnusedControlGoesAndItsRuleOnlyWhenNothingIsLeft() {
    String css =
        ".slider .thumb { -fx-a: 1; }\n"
            + ".button, .slider { -fx-b: 2; }\n"
            + ".tree-view:focused, .date-picker { -fx-c: 3; }\n";
    assertThat(ThemeTrim.rules(css)).hasSize(3);
    assertThat(ThemeTrim.trim(css)).isEqualTo(".button { -fx-b: 2; }\n");
    assertThat(ThemeTrim.UNUSED).contains("slider", "tree-view", "date-picker");
    assertThat(ThemeTrim.UNUSED).doesNotContain("button", "table-view", "tab-pane");
  }
}
