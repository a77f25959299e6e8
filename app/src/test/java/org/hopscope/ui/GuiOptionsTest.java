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

  @Test
  void compareNeedsTheMessageAndShowsTheFlowUnderItsWindow() {
    GuiOptions options = parse("--view", "compare", "--id", "ord-1", "--with", "ord-2");
    assertThat(options.problem()).isNull();
    assertThat(options.with).isEqualTo("ord-2");
    assertThat(options.mainView()).isEqualTo("flow");
    assertThat(parse("--view", "compare").problem())
        .isEqualTo("--view compare needs --id ID (the message to show)");
    assertThat(parse("--view", "compare", "--id", "ord-1", "--with", " ").problem())
        .isEqualTo("--with needs a message ID");
  }

  @Test
  void withGoesOnlyWithCompare() {
    assertThat(parse("--view", "flow", "--id", "ord-1", "--with", "ord-2").problem())
        .isEqualTo("--with goes with --view compare (the message to compare --id with)");
  }

  @Test
  void alertsOpenOverTheFlowOfTheIdElseOverTheStuckView() {
    assertThat(parse("--view", "alerts").problem()).isNull();
    assertThat(parse("--view", "alerts").mainView()).isEqualTo("stuck");
    assertThat(parse("--view", "alerts", "--id", "ord-1").mainView()).isEqualTo("flow");
    assertThat(parse("--view", "metrics").mainView()).isEqualTo("metrics");
  }

  @Test
  void compareTakesPreviousOrADayEarlier() {
    assertThat(parse("--view", "stuck", "--compare", "previous").problem()).isNull();
    assertThat(parse("--view", "stuck", "--compare", "1d").compare).isEqualTo("1d");
    assertThat(parse("--view", "stuck", "--compare", "week").problem())
        .isEqualTo("--compare: 'week' is not a baseline to compare with: use previous or 1d");
  }

  @Test
  void anUnknownViewNamesTheNewOnes() {
    assertThat(parse("--view", "charts").problem())
        .isEqualTo(
            "--view must be flow, stuck, metrics, incidents, playbook, compare or alerts, not"
                + " 'charts'");
  }

  @Test
  void aBareBundleFileOrFileUriIsOpenedLikeOpen() {
    GuiOptions bare = parse("/home/alice/erp outage.hopscope");
    assertThat(bare.problem()).isNull();
    assertThat(bare.open).isEqualTo("/home/alice/erp outage.hopscope");
    assertThat(bare.positionalLink).isNull();
    GuiOptions uri = parse("file:///home/alice/erp%20outage.hopscope");
    assertThat(uri.problem()).isNull();
    assertThat(uri.open).isEqualTo("/home/alice/erp outage.hopscope");
    assertThat(parse("--open", "a.hopscope", "b.hopscope").problem())
        .isEqualTo("give the bundle once: either --open FILE or FILE");
  }
}
