package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options the installer relies on: the desktop entry's URL argument and the start probe. */
class GuiOptionsTest {

  private static GuiOptions parse(String... args) {
    GuiOptions options = new GuiOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Fault(Fault.Area.LINKS)
  @Test
  void aLinkAsTheOnlyArgumentIsTakenLikeLink() {
    GuiOptions options = parse("hopscope://playbook/consumer-lag?hop=fulfilment-service");
    assertThat(options.problem()).isNull();
    assertThat(options.positionalLink)
        .isEqualTo("hopscope://playbook/consumer-lag?hop=fulfilment-service");
    assertThat(options.link).isNull();
  }

  @Fault(Fault.Area.LINKS)
  @Test
  void aBadPositionalLinkIsReportedAsALinkProblem() {
    assertThat(parse("https://example.org/x").problem()).startsWith("--link: ");
  }

  @Fault(Fault.Area.LINKS)
  @Test
  void theLinkGoesOnlyOnce() {
    assertThat(parse("--link", "hopscope://playbook/a", "hopscope://playbook/b").problem())
        .isEqualTo("give the hopscope:// link once: either --link URL or URL");
  }

  @Test
  void noArgumentsMeanNoLinkAndNoProbe() {
    GuiOptions options = parse();
    assertThat(options.problem()).isNull();
    assertThat(options.positionalLink).isNull();
    assertThat(options.startupProbeSeconds).isNull();
  }

  @Test
  void theStartupProbeTakesSecondsFromZero() {
    assertThat(parse("--startup-probe", "0").problem()).isNull();
    assertThat(parse("--startup-probe", "3").startupProbeSeconds).isEqualTo(3);
    assertThat(parse("--startup-probe", "-1").problem())
        .isEqualTo("--startup-probe takes a number of seconds >= 0, not -1");
  }
}
