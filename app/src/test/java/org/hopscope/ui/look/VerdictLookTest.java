package org.hopscope.ui.look;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hopscope.model.HopVerdict;
import org.junit.jupiter.api.Test;

/** The one verdict look: words, labels, classes, and a colour for every class in verdicts.css. */
class VerdictLookTest {

  @Test
  void wordsLabelsAndClassesAreTheOnesEveryViewShows() {
    assertThat(VerdictLook.words(HopVerdict.ERROR)).isEqualTo("Failed");
    assertThat(VerdictLook.words(HopVerdict.DEAD_LETTERED)).isEqualTo("Dead-lettered");
    assertThat(VerdictLook.label(HopVerdict.STUCK)).isEqualTo("STUCK");
    assertThat(VerdictLook.label(HopVerdict.ERROR)).isEqualTo("FAILED");
    assertThat(VerdictLook.label(HopVerdict.IN_FLIGHT)).isEqualTo("IN FLIGHT");
    assertThat(VerdictLook.label(HopVerdict.NO_EVIDENCE)).isEqualTo("NO EVIDENCE");
    assertThat(VerdictLook.styleClass(HopVerdict.IN_FLIGHT)).isEqualTo("verdict-in-flight");
    assertThat(VerdictLook.allStyleClasses())
        .containsExactly(
            "verdict-ok",
            "verdict-error",
            "verdict-slow",
            "verdict-stuck",
            "verdict-dead-lettered",
            "verdict-no-evidence",
            "verdict-in-flight",
            "verdict-unknown");
    assertThat(VerdictLook.label(HopVerdict.UNKNOWN)).isEqualTo("UNKNOWN");
    assertThat(Arrays.stream(HopVerdict.values()).map(VerdictLook::icon).distinct())
        .hasSize(HopVerdict.values().length);
  }

  @Test
  void theStylesheetGivesEveryVerdictItsColours() throws IOException {
    String css;
    try (InputStream in = VerdictLook.class.getResourceAsStream("verdicts.css")) {
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(VerdictLook.STYLESHEET).endsWith("/org/hopscope/ui/look/verdicts.css");
    for (String cls : VerdictLook.allStyleClasses()) {
      String rule = ruleOf(css, "." + cls);
      assertThat(rule).as(cls).contains("-verdict:", "-verdict-muted:", "-verdict-area:");
    }
    assertThat(ruleOf(css, ".verdict-stuck")).contains("-verdict: -color-danger-emphasis;");
    assertThat(ruleOf(css, ".verdict-ok")).contains("-verdict: -color-success-fg;");
    assertThat(ruleOf(css, ".verdict-slow")).contains("-verdict: -color-warning-fg;");
    assertThat(ruleOf(css, ".verdict-in-flight")).contains("-verdict: -color-warning-fg;");
    assertThat(ruleOf(css, ".verdict-error")).contains("-verdict: -color-danger-fg;");
    assertThat(ruleOf(css, ".verdict-dead-lettered")).contains("-verdict: -color-danger-fg;");
    assertThat(ruleOf(css, ".verdict-no-evidence")).contains("-verdict: -color-fg-muted;");
    assertThat(ruleOf(css, ".verdict-unknown")).contains("-verdict: -color-fg-muted;");
    assertThat(css).contains("." + VerdictLook.BADGE + " {", "." + VerdictLook.FILL + " {");
    assertThat(css).contains("." + VerdictLook.AREA + " {", "." + VerdictLook.TEXT + " {");
  }

  /** The body of the first rule whose selector list names {@code selector} exactly. */
  private static String ruleOf(String css, String selector) {
    for (String block : css.split("}")) {
      int open = block.indexOf('{');
      if (open < 0) {
        continue;
      }
      String selectors = block.substring(0, open).replaceAll("(?s)/\\*.*?\\*/", "");
      for (String s : selectors.split(",")) {
        if (s.strip().equals(selector)) {
          return block.substring(open + 1);
        }
      }
    }
    throw new AssertionError("no rule for " + selector);
  }
}
