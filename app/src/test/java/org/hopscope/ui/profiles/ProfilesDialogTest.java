package org.hopscope.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ProfileStore;
import org.hopscope.faults.Fault;
import org.hopscope.model.connection.Auth;
import org.hopscope.oncall.BrokenPath;
import org.hopscope.oncall.ConnectionCheck;
import org.hopscope.oncall.PathsCheck;
import org.hopscope.sandbox.ElasticsearchNode;
import org.hopscope.sandbox.PrometheusBinary;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.status.StatusBar;
import org.hopscope.ui.status.StatusViewModel;
import org.hopscope.ui.task.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The profiles window and the status bar in a real window against the test sandbox. */
@ExtendWith(SandboxExtension.class)
class ProfilesDialogTest {

  private static final Path SHOTS = Path.of("target/screenshots");

  @TempDir Path config;

  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final FxRobot robot = new FxRobot();
  private ProfilesDialog dialog;
  // FxHarness.stage() switches to the dark theme: ask it once per test
  private Stage owner;

  @AfterEach
  void close() {
    if (dialog != null) {
      FxHarness.runFx(() -> dialog.stage().close());
    }
    FxHarness.runFx(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    pool.shutdownNow();
  }

  private ProfilesDialog open(ProfileStore store, AtomicReference<String> used) {
    return open(store, used, new ConnectionCheck());
  }

  private ProfilesDialog open(
      ProfileStore store, AtomicReference<String> used, ConnectionCheck check) {
    ProfilesViewModel vm = new ProfilesViewModel(store, check::check, new FxTaskRunner(pool));
    dialog =
        FxHarness.onFx(
            () -> {
              ProfilesDialog d = new ProfilesDialog(vm, owner, used::set);
              d.show();
              return d;
            });
    FxHarness.waitUntil("the profiles window shows", () -> dialog.stage().isShowing());
    return dialog;
  }

  private Parent dialogRoot() {
    return dialog.stage().getScene().getRoot();
  }

  private String text(String id) {
    return FxHarness.onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
  }

  @Test
  void addTestSaveReopenAndUseAProfileOnTheSandbox(TestSandbox sandbox) {
    owner = FxHarness.stage();
    ProfileStore store = new ProfileStore(new ConfigDirs(config));
    StatusViewModel status =
        new StatusViewModel(null, new FxTaskRunner(pool), Clock.systemDefaultZone());
    BorderPane main =
        FxHarness.show(
            () -> {
              BorderPane p = new BorderPane(new StackPane(new Label("main window")));
              p.setBottom(new StatusBar(status));
              return p;
            },
            900,
            300);
    AtomicReference<String> used = new AtomicReference<>();
    open(store, used);
    String esUrl = sandbox.state().elasticsearchUrl();
    String promVersion = PrometheusBinary.onPath().orElseThrow().version();

    robot.clickOn("#profiles-add");
    robot.clickOn("#profile-name").write("sandbox-test");
    robot.clickOn("#es-url").write(esUrl);
    robot.clickOn("#es-auth").clickOn("User and password");
    robot.clickOn("#es-user").write("hop");
    robot.clickOn("#es-secret").write("pw-1");
    robot.clickOn("#prom-url").write(sandbox.state().prometheusUrl());
    robot.clickOn("#profiles-test");

    FxHarness.waitUntil(
        "the test shows the Elasticsearch version",
        () -> dialogRoot().lookup("#profiles-test-result").isVisible());
    assertThat(text("#profiles-test-es"))
        .isEqualTo("8.19.21 · cluster health green · " + ElasticsearchNode.CLUSTER);
    assertThat(text("#profiles-test-prometheus")).isEqualTo(promVersion + " · up");
    // checked without path definitions: no line for them
    assertThat(FxHarness.onFx(() -> dialogRoot().lookup("#profiles-test-paths-dot").getParent()))
        .matches(line -> !line.isVisible() && !line.isManaged());
    assertThat(FxHarness.onFx(() -> dialogRoot().lookup("#profiles-test-progress").isVisible()))
        .isFalse();
    FxHarness.snapshot(dialogRoot(), SHOTS.resolve("profiles-test-dark.png"));

    robot.clickOn("#profiles-save");
    FxHarness.waitUntil("saved", () -> store.list().contains("sandbox-test"));
    assertThat(store.load("sandbox-test").elasticsearch().auth())
        .isEqualTo(new Auth.Basic("hop", "pw-1"));
    FxHarness.runFx(() -> dialog.stage().close());

    open(store, used);
    PasswordField secret = FxHarness.onFx(() -> (PasswordField) dialogRoot().lookup("#es-secret"));
    String typed = FxHarness.onFx(() -> secret.getText());
    String prompt = FxHarness.onFx(() -> secret.getPromptText());
    assertThat(typed).isEmpty();
    assertThat(prompt).isEqualTo("saved — leave empty to keep");
    assertThat(text("#profiles-message")).isEmpty();
    FxHarness.snapshot(dialogRoot(), SHOTS.resolve("profiles-edit-dark.png"));

    robot.clickOn("#profiles-use");
    FxHarness.waitUntil("the profile was handed over", () -> "sandbox-test".equals(used.get()));
    assertThat(FxHarness.onFx(() -> dialog.stage().isShowing())).isFalse();
    assertThat(store.load("sandbox-test").elasticsearch().auth())
        .isEqualTo(new Auth.Basic("hop", "pw-1"));

    // what the lead does on a switch: name, probe (which refreshes by itself)
    ConnectionCheck check = new ConnectionCheck();
    FxHarness.runFx(
        () -> {
          status.profileNameProperty().set(used.get());
          status.probeProperty().set(c -> check.check(store.load(used.get()), c));
          status.recordQuery("flow ord-123", java.time.Duration.ofMillis(412));
        });
    FxHarness.waitUntil(
        "the status bar shows Elasticsearch green",
        () -> "green 8.19.21".equals(text("#status-es")));
    assertThat(text("#status-prometheus")).isEqualTo("up " + promVersion);
    assertThat(text("#status-profile")).isEqualTo("sandbox-test");
    assertThat(text("#status-last-query")).startsWith("flow ord-123: 412 ms at ");
    assertThat(FxHarness.onFx(() -> main.lookup("#status-es-dot").getStyleClass()))
        .contains("health-healthy");
    FxHarness.snapshot(main.getBottom(), SHOTS.resolve("status-bar-dark.png"));

    FxHarness.runFx(
        () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    FxHarness.snapshot(main.getBottom(), SHOTS.resolve("status-bar-light.png"));
    open(store, used);
    robot.clickOn("#profiles-test");
    FxHarness.waitUntil(
        "the test shows the version again",
        () -> dialogRoot().lookup("#profiles-test-result").isVisible());
    FxHarness.snapshot(dialogRoot(), SHOTS.resolve("profiles-test-light.png"));
  }

  @Test
  void aBrokenPatternOrFieldMakesTheTestAWarningThatListsEveryProblem(TestSandbox sandbox)
      throws Exception {
    owner = FxHarness.stage();
    Path queries = java.nio.file.Files.createDirectories(config.resolve("queries"));
    Path file = BrokenPath.writeInto(queries);
    open(
        new ProfileStore(new ConfigDirs(config)),
        new AtomicReference<>(),
        new ConnectionCheck(ConnectionCheck.pathsOf(config, queries)));

    robot.clickOn("#profiles-add");
    robot.clickOn("#profile-name").write("broken-paths");
    robot.clickOn("#es-url").write(sandbox.state().elasticsearchUrl());
    robot.clickOn("#profiles-test");

    FxHarness.waitUntil(
        "the test shows its result",
        () -> dialogRoot().lookup("#profiles-test-result").isVisible());
    assertThat(text("#profiles-test-es"))
        .isEqualTo("8.19.21 · cluster health green · " + ElasticsearchNode.CLUSTER);
    PathsCheck expected =
        new PathsCheck(
            PathsCheck.State.PROBLEMS, List.of("broken"), 5, BrokenPath.findings(file), null);
    assertThat(text("#profiles-test-paths")).isEqualTo(PathsCheckText.text(expected));
    assertThat(text("#profiles-test-paths"))
        .startsWith(
            "4 problems in 5 index patterns of 1 path\n"
                + "• broken.yaml:11 · path broken, hop api-gateway, index gateway-access-*, field"
                + " message: is text: text is analysed into words, so exact values do not match"
                + " and key scans cannot group by it; map it as keyword in the index template\n");
    assertThat(
            FxHarness.onFx(() -> dialogRoot().lookup("#profiles-test-paths-dot").getStyleClass()))
        .contains("health-degraded")
        .doesNotContain("health-healthy");
    FxHarness.snapshot(dialogRoot(), SHOTS.resolve("profiles-test-broken-paths-dark.png"));
  }

  @Fault(Fault.Area.BACKENDS)
  @Test
  void aDeadPortShowsTheExactErrorAndBadFieldsTheirMessages() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    owner = FxHarness.stage();
    open(new ProfileStore(new ConfigDirs(config)), new AtomicReference<>());

    robot.clickOn("#profile-name").write("bad name");
    robot.clickOn("#es-url").write("es.example:9200");
    robot.clickOn("#es-insecure");
    robot.clickOn("#profiles-save");
    assertThat(text("#profile-name-error"))
        .isEqualTo(
            "'bad name' is not a profile name; use letters, digits, '.', '_' and '-' (e.g."
                + " prod-eu)");
    assertThat(text("#es-url-error"))
        .isEqualTo("Expected http:// or https:// and a host, e.g. https://es.example:9200");
    assertThat(FxHarness.onFx(() -> dialogRoot().lookup("#es-insecure-warning").isVisible()))
        .isTrue();
    FxHarness.snapshot(dialogRoot(), SHOTS.resolve("profiles-invalid-dark.png"));

    FxHarness.runFx(
        () -> {
          ((TextField) dialogRoot().lookup("#profile-name")).setText("dead");
          ((TextField) dialogRoot().lookup("#es-url")).setText(url);
        });
    robot.clickOn("#es-insecure");
    robot.clickOn("#profiles-test");
    FxHarness.waitUntil(
        "the test shows the error", () -> dialogRoot().lookup("#profiles-test-result").isVisible());
    assertThat(text("#profiles-test-es"))
        .isEqualTo(
            "Elasticsearch at "
                + url
                + " is unreachable (connection refused) for GET"
                + " /_nodes/_local?filter_path=cluster_name,nodes.*.version. Check the URL, that"
                + " Elasticsearch is running, and your VPN or network.");
    assertThat(text("#profiles-test-prometheus"))
        .isEqualTo("not configured (flows come without metrics)");
    FxHarness.snapshot(dialogRoot(), SHOTS.resolve("profiles-dead-dark.png"));
  }

  @Test
  void aRunningTestShowsProgressAndCancelsAndDeleteAsksFirst() throws Exception {
    owner = FxHarness.stage();
    ProfileStore store = new ProfileStore(new ConfigDirs(config));
    store.save(
        new org.hopscope.config.ConnectionProfile(
            "slow",
            org.hopscope.model.connection.Endpoint.of(
                java.net.URI.create("http://10.255.0.1:9200")),
            null,
            null));
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean sawCancel =
        new java.util.concurrent.atomic.AtomicBoolean();
    ProfilesViewModel vm =
        new ProfilesViewModel(
            store,
            (p, cancel) -> {
              try (var r = cancel.onCancel(() -> sawCancel.set(true))) {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new org.hopscope.source.Cancellation.CancelledException();
            },
            new FxTaskRunner(pool));
    dialog =
        FxHarness.onFx(
            () -> {
              ProfilesDialog d = new ProfilesDialog(vm, owner, n -> {});
              d.show();
              return d;
            });
    FxHarness.waitUntil("the profiles window shows", () -> dialog.stage().isShowing());

    robot.clickOn("#profiles-test");
    FxHarness.waitUntil(
        "progress shows", () -> dialogRoot().lookup("#profiles-test-progress").isVisible());
    FxHarness.snapshot(dialogRoot(), SHOTS.resolve("profiles-testing-dark.png"));
    robot.clickOn("#profiles-test-cancel");
    FxHarness.waitUntil(
        "progress hides", () -> !dialogRoot().lookup("#profiles-test-progress").isVisible());
    assertThat(sawCancel.get()).isTrue();
    assertThat(text("#profiles-message")).isEqualTo("Test cancelled");
    release.countDown();

    robot.clickOn("#profiles-delete");
    FxHarness.waitUntil(
        "the confirmation shows",
        () -> robot.lookup("#profiles-delete-confirm").tryQuery().isPresent());
    assertThat(store.list()).containsExactly("slow");
    robot.clickOn("OK");
    FxHarness.waitUntil("deleted", () -> store.list().isEmpty());
    assertThat(text("#profiles-message")).isEqualTo("Deleted profile slow");
  }
}
