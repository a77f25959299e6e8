package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.junit.jupiter.api.Test;

/** Why a playbook is suggested, and that a path every playbook shares does not make it so. */
class PlaybookSuggestionTest {

  private static Playbook playbook(List<String> paths, List<String> hops, List<String> alerts) {
    return new Playbook(
        "p",
        "P",
        new Playbook.AppliesTo(paths, hops, alerts),
        List.of(),
        List.of(new Step("x", "X", "", null, List.of(), 1)),
        "p.md");
  }

  @Test
  void theAlertTheHopOrAWholePathSayWhy() {
    Playbook erp = playbook(List.of("orders"), List.of("erp-adapter"), List.of("ErpSlow"));
    assertThat(Playbooks.whySuggested(erp, "orders", "erp-adapter", null))
        .isEqualTo("applies to erp-adapter");
    assertThat(Playbooks.whySuggested(erp, "orders", "gateway", "ErpSlow"))
        .isEqualTo("for alert ErpSlow");
    assertThat(Playbooks.whySuggested(erp, "orders", "gateway", null)).isNull();
    assertThat(Playbooks.whySuggested(erp, "orders", null, null)).isNull();
    assertThat(Playbooks.whySuggested(erp, "billing", "erp-adapter", null)).isNull();
    Playbook wholePath = playbook(List.of("orders"), List.of(), List.of());
    assertThat(Playbooks.whySuggested(wholePath, "orders", "gateway", null))
        .isEqualTo("for path orders");
    assertThat(Playbooks.whySuggested(wholePath, "billing", null, null)).isNull();
  }
}
