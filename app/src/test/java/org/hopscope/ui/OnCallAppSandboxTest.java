package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.model.incident.Incident;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.store.IncidentDatabase;
import org.hopscope.ui.playbook.PlaybookViewModel;
import org.hopscope.ui.shell.View;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-call side of the whole desktop client over the sandbox: malformed playbooks next to the
 * shipped ones, and {@code --screenshot} of the incidents and playbook views.
 */
@ExtendWith(SandboxExtension.class)
class OnCallAppSandboxTest {

  private static final Path SHIPPED = UiSandbox.queriesDir().resolveSibling("playbooks");
  private static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir Path config;
  private final StringWriter errors = new StringWriter();
  private TestSandbox sandbox;
  private IncidentDatabase database;

  @BeforeEach
  void open(TestSandbox sandbox) {
    this.sandbox = sandbox;
    this.database = IncidentDatabase.open(config.resolve("hopscope.db"), Clock.systemUTC());
    ConnectionProfile p = UiSandbox.profile(sandbox);
    new ProfileStore(new ConfigDirs(config))
        .save(new ConnectionProfile("test", p.elasticsearch(), p.prometheus(), null));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void malformedPlaybooksAreListedLocatedAndTheValidOnesAreOffered() throws Exception {
    Path dir = Files.createDirectories(config.resolve("playbooks"));
    for (String id : List.of("consumer-lag", "dead-letters", "erp-timeouts", "gateway-auth")) {
      Files.copy(SHIPPED.resolve(id + ".md"), dir.resolve(id + ".md"));
    }
    String lag = Files.readString(SHIPPED.resolve("consumer-lag.md"));
    Files.writeString(
        dir.resolve("broken-front-matter.md"),
        renamed(lag, "broken-front-matter").replaceFirst("\n---\n# Kafka", "\n# Kafka"));
    Files.writeString(
        dir.resolve("broken-next.md"),
        renamed(lag, "broken-next").replace("fail: consumer-alive", "fail: consumer-alvie"));
    Files.writeString(
        dir.resolve("broken-promql.md"),
        renamed(lag, "broken-promql")
            .replace("\"orders.v1\"}[${window}]))", "\"orders.v1\"}[${window}])"));

    GuiOptions options = options("playbook");
    HopscopeApp app = newApp(options, PlaybookCatalog.readDirectory(dir));
    Stage stage = FxHarness.stage();
    FxHarness.onFx(() -> app.start(stage));
    FxHarness.waitUntil(
        "the profile is connected", () -> app.parts().shell().pathProperty().get() != null);
    try {
      assertThat(FxHarness.onFx(() -> app.parts().shell().viewProperty().get()))
          .isEqualTo(View.PLAYBOOK);
      ListView<?> picker = (ListView<?>) lookup(app, "#playbook-picker");
      assertThat(
              FxHarness.onFx(
                  () ->
                      picker.getItems().stream()
                          .map(i -> ((PlaybookViewModel.PickerItem) i).playbook().id())
                          .sorted()
                          .toList()))
          .containsExactly("consumer-lag", "dead-letters", "erp-timeouts", "gateway-auth");
      assertThat(FxHarness.onFx(() -> ((Label) lookup(app, "#playbook-catalog-problems-title"))))
          .extracting(Label::getText)
          .isEqualTo("3 playbook files could not be read");
      javafx.scene.layout.VBox list =
          (javafx.scene.layout.VBox) lookup(app, "#playbook-catalog-problem-list");
      assertThat(
              FxHarness.onFx(
                  () ->
                      list.getChildren().stream()
                          .map(
                              row ->
                                  ((Label) ((javafx.scene.layout.VBox) row).getChildren().get(0))
                                          .getText()
                                      + ": "
                                      + ((Label)
                                              ((javafx.scene.layout.VBox) row).getChildren().get(1))
                                          .getText())
                          .toList()))
          .containsExactly(
              "broken-front-matter.md:1:1: the front matter opened by '---' on line 1 is never"
                  + " closed; add a line '---' after its last key, before the Markdown",
              "broken-next.md:36:7: next of step 'lag-growing': unknown step target"
                  + " 'consumer-alvie'; steps are: lag-growing, consumer-alive, retries,"
                  + " timeouts-logged, parked, escalate (or end)",
              "broken-promql.md:27:12: check of step 'lag-growing': bad PromQL: '(' is never"
                  + " closed (missing ')'); fix the query in 'promql'");
      assertThat(errors.toString()).doesNotContain("Exception");
      FxHarness.snapshot(
          FxHarness.onFx(() -> stage.getScene().getRoot()),
          SHOTS.resolve("oncall-playbook-problems-dark.png"));
    } finally {
      FxHarness.runFx(stage::hide);
    }
  }

  @Test
  void screenshotsOfTheIncidentsViewWaitForTheList() throws Exception {
    database
        .incidents()
        .open("orders stuck at fulfilment", Incident.Severity.SEV2, "orders", null, "oncall");
    database
        .incidents()
        .open(
            "gateway 401s after token rotation", Incident.Severity.SEV3, "orders", null, "oncall");
    for (String theme : List.of("dark", "light")) {
      GuiOptions shot = options("incidents");
      shot.theme = theme;
      HopscopeApp app = shoot(shot, "incidents-" + theme);
      assertThat(FxHarness.onFx(() -> app.onCall().incidents().incidents().size())).isEqualTo(2);
    }
  }

  @Test
  void screenshotsOfThePlaybookViewWaitForThePickedPlaybookOrTheLinksFirstStep() throws Exception {
    for (String theme : List.of("dark", "light")) {
      GuiOptions linked = options("playbook");
      linked.theme = theme;
      linked.link = "hopscope://playbook/consumer-lag?hop=fulfilment-service";
      HopscopeApp app = shoot(linked, "playbook-link-" + theme);
      assertThat(FxHarness.onFx(() -> app.onCall().playbooks().currentStepProperty().get().id()))
          .isEqualTo("lag-growing");
    }
    GuiOptions picked = options("playbook");
    picked.theme = "light";
    HopscopeApp app = shoot(picked, "playbook-picked-light");
    assertThat(FxHarness.onFx(() -> app.onCall().playbooks().selectedProperty().get().id()))
        .isEqualTo(
            FxHarness.onFx(() -> app.onCall().playbooks().pickerItems().get(0).playbook().id()));
  }

  private static String renamed(String playbook, String id) {
    return playbook.replace("\nid: consumer-lag\n", "\nid: " + id + "\n");
  }

  /** Runs the app in screenshot mode; asserts exit 0 and a 1440x900 PNG in target/screenshots. */
  private HopscopeApp shoot(GuiOptions options, String name) throws Exception {
    Path png = SHOTS.resolve("oncall-" + name + ".png");
    Files.deleteIfExists(png);
    options.screenshot = png;
    options.size = "1440x900";
    HopscopeApp app = newApp(options, PlaybookCatalog.readDirectory(SHIPPED));
    FxHarness.stage(); // the toolkit, once per JVM
    int code =
        FxHarness.onFx(() -> app.start(new Stage()))
            .get(FxHarness.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(code).as(errors.toString()).isZero();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1440);
    assertThat(image.getHeight()).isEqualTo(900);
    return app;
  }

  private static Node lookup(HopscopeApp app, String selector) {
    Node node = FxHarness.onFx(() -> app.parts().stage().getScene().lookup(selector));
    assertThat(node).as(selector).isNotNull();
    return node;
  }

  private GuiOptions options(String view) {
    GuiOptions options = new GuiOptions();
    options.profile = "test";
    options.outage = sandbox.manifest();
    options.view = view;
    return options;
  }

  private HopscopeApp newApp(GuiOptions options, PlaybookCatalog playbooks) throws IOException {
    return UiSandbox.app(options, config, new PrintWriter(errors, true), database, playbooks);
  }
}
