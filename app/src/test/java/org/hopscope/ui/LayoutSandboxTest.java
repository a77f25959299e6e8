package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ProfileStore;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.flow.PathDiagram;
import org.hopscope.ui.look.ElisionCheck;
import org.hopscope.ui.shell.Theme;
import org.hopscope.ui.shell.View;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole client over the sandbox at the sizes the docs promise (1280x800 and 1920x1080), both
 * themes: with a message of every kind open, no text in the path diagram and the bars is cut short.
 */
@ExtendWith(SandboxExtension.class)
class LayoutSandboxTest {

  static final List<int[]> SIZES = List.of(new int[] {1280, 800}, new int[] {1920, 1080});

  @TempDir Path config;
  private final StringWriter errors = new StringWriter();
  private HopscopeApp app;
  private Manifest manifest;
  private org.hopscope.store.IncidentDatabase database;

  @BeforeEach
  void open(TestSandbox sandbox) {
    manifest = Manifest.read(sandbox.manifest());
    database =
        org.hopscope.store.IncidentDatabase.open(config.resolve("hopscope.db"), Clock.systemUTC());
    new ProfileStore(new ConfigDirs(config)).save(UiSandbox.profile(sandbox));
    GuiOptions options = new GuiOptions();
    options.profile = "test";
    options.outage = sandbox.manifest();
    Stage stage = FxHarness.stage();
    app =
        UiSandbox.app(
            options, config, new PrintWriter(errors, true), database, UiSandbox.shippedPlaybooks());
    FxHarness.onFx(() -> app.start(stage));
    FxHarness.waitUntil(
        "the profile is connected", () -> app.parts().shell().pathProperty().get() != null);
  }

  @AfterEach
  void close() {
    FxHarness.runFx(() -> app.parts().stage().hide());
    database.close();
  }

  @Test
  void noEssentialTextIsElidedAtEitherSizeInEitherTheme() {
    List<String> found = new ArrayList<>();
    // the whole recorded history: retried and slow messages are older than the outage
    org.hopscope.model.TimeWindow recorded =
        new org.hopscope.model.TimeWindow(
            java.time.Instant.parse(manifest.from()),
            java.time.Instant.parse(manifest.now()).plusMillis(1));
    FxHarness.runFx(
        () ->
            app.parts()
                .shell()
                .windowProperty()
                .set(
                    new org.hopscope.ui.shell.WindowChoice(
                        org.hopscope.ui.shell.WindowPreset.CUSTOM, recorded)));
    for (String kind : List.of("STUCK", "DEAD_LETTERED", "RETRIED", "SLOW", "FAILED", "HEALTHY")) {
      String id = manifest.classes().get(kind).messages().get(0).id();
      open(id);
      for (Theme theme : Theme.values()) {
        if (FxHarness.onFx(() -> app.parts().shell().themeProperty().get()) != theme) {
          FxHarness.runFx(() -> app.parts().shell().toggleTheme());
        }
        for (int[] size : SIZES) {
          String where = kind + " " + id + " " + size[0] + "x" + size[1] + " " + theme + ": ";
          for (ElisionCheck.Elided e : laidOutAt(size[0], size[1])) {
            found.add(where + e);
          }
          for (String squeezed : squeezedCards()) {
            found.add(where + squeezed);
          }
        }
      }
    }
    assertThat(found).as(String.join("\n", found)).isEmpty();
  }

  @Test
  void theDiagramKeepsItsCardsWholeAfterAHopWithThreePanelsIsOpenedInHopMetrics() {
    org.hopscope.model.PathDef path = UiSandbox.ordersPath();
    String threePanels =
        path.hops().stream()
            .filter(h -> h.panels().size() == 3)
            .map(org.hopscope.model.Hop::name)
            .findFirst()
            .orElseThrow(() -> new AssertionError("queries/orders.yaml has no hop with 3 panels"));
    open(manifest.classes().get("STUCK").messages().get(0).id());
    laidOutAt(1280, 800);
    List<Double> whole = cardHeights();
    assertThat(whole).hasSize(path.hops().size()).allMatch(h -> h >= 90, "a whole card");
    String cardId = "#" + PathDiagram.nodeId(threePanels);
    FxHarness.runFx(() -> app.parts().stage().getScene().lookup(cardId).fireEvent(click()));
    FxHarness.runFx(() -> app.parts().shell().viewProperty().set(View.METRICS));
    FxHarness.waitUntil(
        "the three panels of " + threePanels + " are drawn",
        () ->
            app.parts().metricsView().isBuilt()
                && app.parts().metricsView().get().readyProperty().get());
    laidOutAt(1280, 800);
    assertThat(cardHeights()).as("in hop metrics").isEqualTo(whole);
    FxHarness.runFx(() -> app.parts().shell().viewProperty().set(View.FLOW));
    laidOutAt(1920, 1080);
    laidOutAt(1280, 800);
    assertThat(cardHeights()).as("back in the flow, after resizing").isEqualTo(whole);
  }

  /**
   * The hop cards laid out lower than they need or cut at the bottom by the diagram's viewport:
   * "#hop-x is 80.0 of 96.0 px high".
   */
  @Test
  void aScreenshotWithElidedEssentialTextFailsNamingTheControlAndItsText(TestSandbox sandbox)
      throws Exception {
    GuiOptions shot = new GuiOptions();
    shot.profile = "test";
    shot.outage = sandbox.manifest();
    shot.view = "flow";
    shot.id = manifest.classes().get("STUCK").messages().get(0).id();
    shot.size = "1280x800";
    shot.screenshot = config.resolve("shots/elided.png");
    StringWriter shotErrors = new StringWriter();
    HopscopeApp narrow =
        UiSandbox.app(
            shot,
            config,
            new PrintWriter(shotErrors, true),
            database,
            UiSandbox.shippedPlaybooks());
    int code =
        FxHarness.onFx(
                () -> {
                  Stage stage = new Stage();
                  var exit = narrow.start(stage);
                  // a control drawn short in an essential region (the layout itself has none)
                  javafx.scene.control.Label tight =
                      new javafx.scene.control.Label("DEAD-LETTERED");
                  tight.setId("tight");
                  tight.setMaxWidth(30);
                  ((javafx.scene.layout.Pane) stage.getScene().lookup("#status-bar"))
                      .getChildren()
                      .add(tight);
                  return exit;
                })
            .get(FxHarness.PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    assertThat(code).as(shotErrors.toString()).isEqualTo(1);
    assertThat(shotErrors.toString())
        .contains("hopscope gui: essential text is elided at 1280x800")
        .contains("\n  #tight (Label) shows '")
        .contains("' of 'DEAD-LETTERED'");
    assertThat(java.nio.file.Files.exists(shot.screenshot)).as("written to look at").isTrue();
  }

  private List<String> squeezedCards() {
    return FxHarness.onFx(
        () ->
            app.parts().stage().getScene().getRoot().lookupAll(".hop-card").stream()
                .map(javafx.scene.layout.Region.class::cast)
                .filter(c -> c.getHeight() + 0.5 < c.prefHeight(c.getWidth()) || cutByViewport(c))
                .map(
                    c ->
                        "#"
                            + c.getId()
                            + " is "
                            + c.getHeight()
                            + " of "
                            + c.prefHeight(c.getWidth())
                            + " px high")
                .toList());
  }

  /** Whether the diagram's viewport hides the bottom of {@code card}. */
  private static boolean cutByViewport(javafx.scene.layout.Region card) {
    for (javafx.scene.Node n = card.getParent(); n != null; n = n.getParent()) {
      if (n.getStyleClass().contains("viewport")) {
        double cardBottom = card.localToScene(card.getLayoutBounds()).getMaxY();
        return cardBottom > n.localToScene(n.getLayoutBounds()).getMaxY() + 0.5;
      }
    }
    return false;
  }

  private List<Double> cardHeights() {
    return FxHarness.onFx(
        () ->
            app.parts().stage().getScene().getRoot().lookupAll(".hop-card").stream()
                .map(n -> n.getLayoutBounds().getHeight())
                .toList());
  }

  private static javafx.scene.input.MouseEvent click() {
    return new javafx.scene.input.MouseEvent(
        javafx.scene.input.MouseEvent.MOUSE_CLICKED,
        0,
        0,
        0,
        0,
        javafx.scene.input.MouseButton.PRIMARY,
        1,
        false,
        false,
        false,
        false,
        true,
        false,
        false,
        true,
        false,
        false,
        null);
  }

  private void open(String id) {
    FlowViewModel flow = app.parts().flow();
    FxHarness.runFx(() -> app.parts().shell().openFlow(id));
    FxHarness.waitUntil(
        "the flow of " + id + " is found",
        () ->
            flow.stateProperty().get() != FlowViewModel.State.SEARCHING
                && flow.queryProperty().get().equals(id));
    assertThat(FxHarness.onFx(() -> flow.stateProperty().get()))
        .as(id + ": " + FxHarness.onFx(() -> flow.problemProperty().get()))
        .isEqualTo(FlowViewModel.State.DONE);
  }

  /** Resizes the window, lays it out and checks it; fails when the window is not that size. */
  List<ElisionCheck.Elided> laidOutAt(int width, int height) {
    Stage stage = app.parts().stage();
    FxHarness.runFx(
        () -> {
          stage.setWidth(width);
          stage.setHeight(height);
        });
    FxHarness.waitUntil(
        "the scene is " + width + "x" + height,
        () -> {
          Scene s = stage.getScene();
          return s.getWidth() == width && s.getHeight() == height;
        });
    return FxHarness.onFx(
        () -> {
          Scene s = stage.getScene();
          s.getRoot().applyCss();
          s.getRoot().layout();
          return ElisionCheck.essentials(s);
        });
  }
}
