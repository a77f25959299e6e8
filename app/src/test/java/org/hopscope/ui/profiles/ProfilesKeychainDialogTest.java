package org.hopscope.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.Keychain;
import org.hopscope.config.ProfileStore;
import org.hopscope.faults.Fault;
import org.hopscope.oncall.ConnectionCheck;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.task.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profiles window offers "Keep in the OS keychain" where there is one, says where each secret
 * lives, and writes the secret to the keychain (off the FX thread) before the file, which then says
 * {@code password: {keychain: true}}. The keychain is an in-memory fake here (the real one:
 * OsKeychainSecretServiceTest); the window is real.
 */
@Fault(Fault.Area.SECRETS)
class ProfilesKeychainDialogTest {

  private static final Path SHOTS = Path.of("target/screenshots");

  @TempDir Path config;

  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private ProfilesDialog dialog;

  /** In memory; {@code unavailable} non-null: no keychain, for that reason. */
  static final class MemoryKeychain implements Keychain {
    final Map<String, String> entries = new HashMap<>();
    final String unavailable;

    MemoryKeychain(String unavailable) {
      this.unavailable = unavailable;
    }

    @Override
    public String unavailableReason() {
      return unavailable;
    }

    @Override
    public String read(String account) {
      String s = entries.get(account);
      if (s == null) {
        throw new KeychainException(KeychainException.Kind.MISSING, "no entry " + account);
      }
      return s;
    }

    @Override
    public void write(String account, String secret) {
      entries.put(account, secret);
    }

    @Override
    public boolean delete(String account) {
      return entries.remove(account) != null;
    }
  }

  @AfterEach
  void close() {
    if (dialog != null) {
      FxHarness.runFx(() -> dialog.stage().close());
    }
    FxHarness.runFx(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    pool.shutdownNow();
  }

  private ProfilesViewModel open(ProfileStore store, Keychain keychain, Map<String, String> env) {
    Stage owner = FxHarness.stage();
    ProfilesViewModel vm =
        FxHarness.onFx(
            () ->
                new ProfilesViewModel(
                    store, new ConnectionCheck()::check, new FxTaskRunner(pool), keychain, env));
    dialog =
        FxHarness.onFx(
            () -> {
              ProfilesDialog d = new ProfilesDialog(vm, owner, n -> {});
              d.show();
              return d;
            });
    FxHarness.waitUntil("the profiles window shows", () -> dialog.stage().isShowing());
    return vm;
  }

  private <T> T lookup(String id, Class<T> type) {
    return FxHarness.onFx(() -> type.cast(dialog.stage().getScene().lookup(id)));
  }

  @Test
  void aPasswordKeptInTheKeychainIsStoredThereAndTheFileSaysSo() throws Exception {
    MemoryKeychain keychain = new MemoryKeychain(null);
    ProfileStore store = new ProfileStore(new ConfigDirs(config));
    ProfilesViewModel vm = open(store, keychain, Map.of());
    CheckBox keep = lookup("#es-keychain", CheckBox.class);
    FxHarness.waitUntil(
        "the keychain probe found one", () -> FxHarness.onFx(() -> !keep.isDisabled()));

    FxHarness.runFx(
        () -> {
          ProfileForm f = vm.form();
          f.nameProperty().set("prod");
          f.elasticsearch().urlProperty().set("https://es.example:9200");
          f.elasticsearch().authKindProperty().set(AuthKind.BASIC);
          f.elasticsearch().userProperty().set("hopscope");
          f.elasticsearch().secretProperty().set("typed-pw");
          keep.setSelected(true);
        });
    assertThat(FxHarness.onFx(() -> lookup("#es-secret-place", Label.class).getText()))
        .isEqualTo(
            "Kept in the OS keychain, not in the profile file. HOPSCOPE_ES_PASSWORD would"
                + " override it.");
    FxHarness.runFx(() -> lookup("#profiles-save", Button.class).fire());
    FxHarness.waitUntil(
        "saved",
        () -> FxHarness.onFx(() -> vm.noticeProperty().get().startsWith("Saved profile prod")));

    assertThat(keychain.entries)
        .containsExactly(Map.entry("prod/elasticsearch/password", "typed-pw"));
    String file = Files.readString(store.file("prod"));
    assertThat(file).contains("  password: {keychain: true}\n").doesNotContain("typed-pw");
    assertThat(FxHarness.onFx(keep::isSelected)).as("reloaded: still in the keychain").isTrue();
    FxHarness.snapshot(dialog.stage().getScene().getRoot(), SHOTS.resolve("profiles-keychain.png"));
  }

  @Test
  void withoutAKeychainTheOptionIsOffAndSaysWhy() {
    MemoryKeychain keychain = new MemoryKeychain("no OS keychain found");
    ProfilesViewModel vm =
        open(
            new ProfileStore(new ConfigDirs(config)),
            keychain,
            Map.of("HOPSCOPE_ES_PASSWORD", "from-env"));
    Label status = lookup("#es-keychain-status", Label.class);
    FxHarness.waitUntil(
        "the probe answered",
        () -> FxHarness.onFx(() -> status.getText().startsWith("Not available")));
    FxHarness.runFx(
        () -> {
          vm.form().elasticsearch().urlProperty().set("https://es.example:9200");
          vm.form().elasticsearch().authKindProperty().set(AuthKind.BASIC);
        });

    assertThat(FxHarness.onFx(status::getText)).isEqualTo("Not available: no OS keychain found");
    assertThat(FxHarness.onFx(() -> lookup("#es-keychain", CheckBox.class).isDisabled())).isTrue();
    assertThat(FxHarness.onFx(() -> lookup("#es-secret-place", Label.class).getText()))
        .isEqualTo(
            "Kept in the profile file (readable by you only). HOPSCOPE_ES_PASSWORD is set and"
                + " overrides it.");
    FxHarness.snapshot(
        dialog.stage().getScene().getRoot(), SHOTS.resolve("profiles-no-keychain.png"));
  }
}
