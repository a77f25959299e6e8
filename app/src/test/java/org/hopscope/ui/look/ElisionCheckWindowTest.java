package org.hopscope.ui.look;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hopscope.ui.FxHarness;
import org.junit.jupiter.api.Test;

/** The elision check on real skins in a real window. */
class ElisionCheckWindowTest {

  @Test
  void findsExactlyTheShownControlsDrawnShortInEssentialRegions() {
    VBox root =
        FxHarness.show(
            () -> {
              Label squeezed = new Label("DEAD-LETTERED");
              squeezed.setId("squeezed");
              squeezed.setMaxWidth(40);
              Label whole = new Label("DEAD-LETTERED");
              whole.setId("whole");
              whole.setMinWidth(Region.USE_PREF_SIZE);
              Button mnemonic = new Button("_Retry");
              mnemonic.setId("mnemonic");
              mnemonic.setMinWidth(Region.USE_PREF_SIZE);
              Label hidden = new Label("hidden and short");
              hidden.setMaxWidth(30);
              hidden.setVisible(false);
              HBox essential = new HBox(8, squeezed, whole, mnemonic, hidden);
              essential.getStyleClass().add(ElisionCheck.ESSENTIAL);
              Label outside = new Label("not essential but short");
              outside.setId("outside");
              outside.setMaxWidth(40);
              return new VBox(essential, outside);
            },
            600,
            200);
    FxHarness.runFx(root::layout);

    List<ElisionCheck.Elided> found =
        FxHarness.onFx(() -> ElisionCheck.essentials(root.getScene()));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).where()).isEqualTo("#squeezed (Label)");
    assertThat(found.get(0).text()).isEqualTo("DEAD-LETTERED");
    assertThat(found.get(0).shown()).startsWith("DE").isNotEqualTo("DEAD-LETTERED");
    assertThat(FxHarness.onFx(() -> ElisionCheck.shownText((Label) root.lookup("#whole"))))
        .isEqualTo("DEAD-LETTERED");
    assertThat(FxHarness.onFx(() -> ElisionCheck.in(root)).stream().map(e -> e.where()))
        .containsExactly("#squeezed (Label)", "#outside (Label)");
  }
}
