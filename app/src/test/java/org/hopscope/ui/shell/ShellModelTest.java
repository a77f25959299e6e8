package org.hopscope.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellModelTest {

  private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final List<String> searched = new ArrayList<>();
  private final List<String> analysed = new ArrayList<>();
  @TempDir Path dir;

  private ShellModel shell(UiPreferences prefs) {
    FlowViewModel flow =
        new FlowViewModel(
            (id, w, asOf, c) -> {
              searched.add(id + " " + w);
              return new Flow(
                  "orders", id, List.of(id), HopVerdict.OK, null, List.of(), List.of(), List.of());
            },
            new SynchronousTaskRunner(),
            clock);
    return new ShellModel(
        flow,
        new ShellModel.StuckAnalysis() {
          @Override
          public void analyse(TimeWindow window) {
            analysed.add(window.toString());
          }

          @Override
          public void cancel() {
            analysed.add("cancel");
          }
        },
        prefs,
        clock);
  }

  @Test
  void searchUsesTheChosenRelativeWindowEndingNowAndRemembersTheQuery() {
    UiPreferences prefs = UiPreferences.load(dir.resolve("ui.properties"));
    ShellModel shell = shell(prefs);
    shell.windowProperty().set(WindowChoice.of(WindowPreset.LAST_15_MINUTES));
    shell.viewProperty().set(View.STUCK);
    shell.flow().queryProperty().set(" ord-7 ");
    shell.search();
    TimeWindow expected = new TimeWindow(NOW.minus(Duration.ofMinutes(15)), NOW);
    assertThat(searched).containsExactly("ord-7 " + expected);
    assertThat(shell.viewProperty().get()).isEqualTo(View.FLOW);
    assertThat(shell.historyProperty().get().entries()).containsExactly("ord-7");
    assertThat(UiPreferences.load(prefs.file()).history().entries()).containsExactly("ord-7");
  }

  @Test
  void historyIsNewestFirstWithoutRepeatsAndBounded() {
    SearchHistory h = SearchHistory.empty();
    for (int i = 0; i < 25; i++) {
      h = h.with("ord-" + i);
    }
    h = h.with("ord-10").with("  ").with(null);
    assertThat(h.entries()).hasSize(SearchHistory.LIMIT);
    assertThat(h.entries().get(0)).isEqualTo("ord-10");
    assertThat(h.entries().get(1)).isEqualTo("ord-24");
    assertThat(h.entries()).doesNotHaveDuplicates().doesNotContain("ord-0", "ord-4");
  }

  @Test
  void incidentPresetIsOfferedOnlyWithAnIncidentAndIsSelectedWhenGiven() {
    ShellModel shell = shell(UiPreferences.load(dir.resolve("ui.properties")));
    assertThat(shell.presets()).doesNotContain(WindowPreset.OUTAGE);
    TimeWindow incident = new TimeWindow(NOW.minusSeconds(3000), NOW.minusSeconds(10));
    shell.outage(incident);
    assertThat(shell.presets()).contains(WindowPreset.OUTAGE);
    assertThat(shell.windowProperty().get())
        .isEqualTo(new WindowChoice(WindowPreset.OUTAGE, incident));
    shell.analyseWindow();
    assertThat(analysed).containsExactly(incident.toString());
    assertThat(shell.viewProperty().get()).isEqualTo(View.STUCK);
    shell.outage(null);
    assertThat(shell.windowProperty().get().preset()).isEqualTo(WindowPreset.standard());
  }

  @Test
  void openFlowSearchesTheIdAndShowsTheFlowView() {
    ShellModel shell = shell(UiPreferences.load(dir.resolve("ui.properties")));
    shell.viewProperty().set(View.STUCK);
    shell.openFlow("ord-9");
    assertThat(searched).hasSize(1).first().asString().startsWith("ord-9 ");
    assertThat(shell.viewProperty().get()).isEqualTo(View.FLOW);
    assertThat(shell.flow().stateProperty().get()).isEqualTo(FlowViewModel.State.DONE);
  }

  @Test
  void themeTogglePersistsAndEscCancelsBothQueries() {
    UiPreferences prefs = UiPreferences.load(dir.resolve("ui.properties"));
    ShellModel shell = shell(prefs);
    assertThat(shell.themeProperty().get()).isEqualTo(Theme.DARK);
    shell.toggleTheme();
    assertThat(UiPreferences.load(prefs.file()).theme()).isEqualTo(Theme.LIGHT);
    shell.cancel();
    assertThat(analysed).containsExactly("cancel");
  }

  @Test
  void unreadablePreferencesGiveDefaultsAndSayWhy() throws Exception {
    Path file = dir.resolve("ui.properties");
    Files.write(file, new byte[] {'a', '=', '\\', 'u', 'z', 'z'});
    UiPreferences prefs = UiPreferences.load(file);
    assertThat(prefs.theme()).isEqualTo(Theme.DARK);
    assertThat(prefs.problem()).startsWith("cannot read " + file).endsWith("using defaults");
  }

  @Test
  void customWindowBoundsAreReadInLocalTimeWithClearErrors() {
    var zone = ZoneOffset.ofHours(1);
    assertThat(CustomWindowParser.parse("2026-11-26 17:10", "2026-11-26T18:00:30", zone))
        .isEqualTo(
            new TimeWindow(
                Instant.parse("2026-11-26T16:10:00Z"), Instant.parse("2026-11-26T17:00:30Z")));
    assertThat(CustomWindowParser.problem("yesterday", "2026-11-26 18:00", zone))
        .isEqualTo("'From' is not a time: write it as 2026-11-26 17:10 (or with seconds)");
    assertThat(CustomWindowParser.problem("2026-11-26 18:00", "2026-11-26 17:00", zone))
        .isEqualTo("'To' must be after 'From'");
  }

  @Test
  void changingTheWindowReRunsTheShownSearchWithoutSwitchingViewsOrHistory() {
    ShellModel shell = shell(UiPreferences.load(dir.resolve("ui.properties")));
    shell.windowProperty().set(WindowChoice.of(WindowPreset.LAST_HOUR));
    assertThat(searched).as("nothing searched yet: nothing to re-run").isEmpty();
    shell.flow().queryProperty().set("ord-7");
    shell.search();
    shell.viewProperty().set(View.STUCK);
    shell.windowProperty().set(WindowChoice.of(WindowPreset.LAST_6_HOURS));
    TimeWindow custom = new TimeWindow(NOW.minusSeconds(600), NOW.minusSeconds(60));
    shell.windowProperty().set(new WindowChoice(WindowPreset.CUSTOM, custom));
    assertThat(searched)
        .containsExactly(
            "ord-7 " + TimeWindow.ending(NOW, Duration.ofHours(1)),
            "ord-7 " + TimeWindow.ending(NOW, Duration.ofHours(6)),
            "ord-7 " + custom);
    assertThat(shell.viewProperty().get()).isEqualTo(View.STUCK);
    assertThat(shell.historyProperty().get().entries()).containsExactly("ord-7");
    assertThat(analysed).isEmpty();
  }

  @Test
  void theFlowViewsOffersGoThroughTheShellsWindowAndHistory() {
    ShellModel shell = shell(UiPreferences.load(dir.resolve("ui.properties")));
    shell.windowProperty().set(WindowChoice.of(WindowPreset.LAST_HOUR));
    shell.flow().queryProperty().set("ord-7");
    shell.search();
    // "Search the last 7 days" on an empty result: the window picker follows, the search re-runs
    shell.flow().searchLast(Duration.ofDays(7));
    assertThat(shell.windowProperty().get()).isEqualTo(WindowChoice.of(WindowPreset.LAST_7_DAYS));
    // asked again for the window already chosen: searched again all the same
    shell.flow().searchLast(Duration.ofDays(7));
    // a batch member clicked: searched over the chosen window, remembered, flow view shown
    shell.viewProperty().set(View.METRICS);
    shell.flow().open("SHP-903");
    TimeWindow week = TimeWindow.ending(NOW, Duration.ofDays(7));
    assertThat(searched)
        .containsExactly(
            "ord-7 " + TimeWindow.ending(NOW, Duration.ofHours(1)),
            "ord-7 " + week,
            "ord-7 " + week,
            "SHP-903 " + week);
    assertThat(shell.historyProperty().get().entries()).containsExactly("SHP-903", "ord-7");
    assertThat(shell.viewProperty().get()).isEqualTo(View.FLOW);
    assertThat(shell.presets()).contains(WindowPreset.LAST_7_DAYS);
  }
}
