package org.hopscope.ui.profiles;

import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hopscope.config.ConfigException;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.Keychain;
import org.hopscope.config.ProfileStore;
import org.hopscope.config.SecretSlot;
import org.hopscope.oncall.ConnectionReport;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.task.TaskRunner;

/**
 * The connection-profiles dialog's state: the stored profiles, the one being edited (or a new one)
 * in a {@link ProfileForm}, saving and deleting, and "test connection" through the task runner
 * (latest only, cancellable). Saved secrets never come back into the form.
 */
public final class ProfilesViewModel {

  private final ProfileStore store;
  private final ConnectionChecker checker;
  private final TaskRunner runner;
  private final ObservableList<String> names = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper editing = new ReadOnlyStringWrapper();
  private final ProfileForm form = new ProfileForm();
  private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<ConnectionReport> report = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper testFailure = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private final ProfileKeychain secrets;
  private Cancellation test;

  /** Without an OS keychain: secrets are kept in the profile files. */
  public ProfilesViewModel(ProfileStore store, ConnectionChecker checker, TaskRunner runner) {
    this(store, checker, runner, null, Map.of());
  }

  /**
   * @param keychain the OS keychain offered for secrets (its availability is probed off the FX
   *     thread, within the keychain's own time limit); null: not offered
   * @param env the environment, to say which variable overrides a secret
   */
  public ProfilesViewModel(
      ProfileStore store,
      ConnectionChecker checker,
      TaskRunner runner,
      Keychain keychain,
      Map<String, String> env) {
    this.store = store;
    this.checker = checker;
    this.runner = runner;
    this.secrets = new ProfileKeychain(keychain);
    form.environment(env);
    reload();
    form.load(null);
    secrets.probe(runner);
  }

  public void reload() {
    try {
      names.setAll(store.list());
    } catch (ConfigException e) {
      problem.set(e.getMessage());
    }
  }

  /** Loads stored profile {@code name} into the form for editing. */
  public void select(String name) {
    clearOutcome();
    try {
      form.load(store.load(name));
      editing.set(name);
    } catch (ConfigException e) {
      problem.set("Cannot read profile " + name + ": " + e.getMessage());
      form.load(null);
      form.nameProperty().set(name);
      editing.set(name);
    }
  }

  public void newProfile() {
    clearOutcome();
    form.load(null);
    editing.set(null);
  }

  /**
   * Validates the form and saves it (renaming when the name changed); empty secret fields keep the
   * stored secrets.
   *
   * @return whether it was saved (else the form's messages, or {@link #problemProperty()}, say why)
   */
  public boolean save() {
    return save(name -> {});
  }

  /**
   * As {@link #save()}; {@code then} gets the saved name once saved. Secrets to keep in the OS
   * keychain are written there first, off the FX thread; the profile file is written only after.
   *
   * @return false when the form is wrong; true when saved, or saving (keychain) and then reported
   */
  public boolean save(Consumer<String> then) {
    clearOutcome();
    ConnectionProfile profile = form.build(store, editing.get(), names);
    if (profile == null) {
      problem.set("Fix the fields marked in red, then save again");
      return false;
    }
    String old = editing.get();
    Map<SecretSlot, String> toKeychain = secrets.toStore(form, profile, old);
    if (toKeychain.isEmpty()) {
      return write(profile, then);
    }
    if (!secrets.offered()) {
      problem.set("No OS keychain here: untick \"Keep in the OS keychain\" to save");
      return false;
    }
    notice.set("Storing the secrets in the OS keychain…");
    runner.run(
        "store secrets of " + profile.name() + " in the OS keychain",
        cancel -> {
          secrets.store(toKeychain, profile.name(), old);
          return profile;
        },
        saved -> write(saved, then),
        failure ->
            problem.set(
                "Not saved: the OS keychain could not store the secrets of "
                    + profile.name()
                    + ": "
                    + failure.getMessage()));
    return true;
  }

  private boolean write(ConnectionProfile profile, Consumer<String> then) {
    try {
      store.save(profile);
      String old = editing.get();
      if (old != null && !old.equals(profile.name())) {
        store.delete(old);
      }
    } catch (ConfigException e) {
      problem.set(e.getMessage());
      return false;
    }
    reload();
    form.load(profile);
    editing.set(profile.name());
    notice.set("Saved profile " + profile.name() + " (" + store.file(profile.name()) + ")");
    then.accept(profile.name());
    return true;
  }

  /**
   * Deletes the profile being edited (the view asks for confirmation first) and shows an empty
   * form; false when there was none stored.
   */
  public boolean deleteEditing() {
    String name = editing.get();
    if (name == null) {
      return false;
    }
    clearOutcome();
    try {
      boolean deleted = store.delete(name);
      reload();
      form.load(null);
      editing.set(null);
      notice.set(deleted ? "Deleted profile " + name : "Profile " + name + " was not stored");
      return deleted;
    } catch (ConfigException e) {
      problem.set(e.getMessage());
      return false;
    }
  }

  /**
   * Tests the form's settings as they are (unsaved changes included): cancels a test still running,
   * then runs the checker through the task runner.
   */
  public void test() {
    cancelTest();
    clearOutcome();
    ConnectionProfile profile = form.build(store, editing.get(), names);
    if (profile == null) {
      problem.set("Fix the fields marked in red to test the connection");
      return;
    }
    testing.set(true);
    test =
        runner.run(
            "test connection " + profile.name(),
            cancel -> checker.check(secrets.withKeychainSecrets(profile), cancel),
            result -> {
              testing.set(false);
              report.set(result);
            },
            failure -> {
              testing.set(false);
              testFailure.set("The test failed: " + failure.getMessage());
            });
  }

  /** Cancels a running test; nothing it finds arrives afterwards. */
  public void cancelTest() {
    if (test != null) {
      test.cancel();
      test = null;
      if (testing.get()) {
        testing.set(false);
        notice.set("Test cancelled");
      }
    }
  }

  /** Saves the form (see {@link #save(Consumer)}) and hands the saved name to {@code use}. */
  public void saveForUse(Consumer<String> use) {
    save(use);
  }

  /** Whether the OS keychain can be offered (false until the probe found it). */
  public ReadOnlyBooleanProperty keychainAvailableProperty() {
    return secrets.keychainAvailableProperty();
  }

  /** Empty when the keychain is available (or not offered), else what the probe says. */
  public ReadOnlyStringProperty keychainStatusProperty() {
    return secrets.keychainStatusProperty();
  }

  private void clearOutcome() {
    report.set(null);
    testFailure.set("");
    problem.set("");
    notice.set("");
  }

  /** Stored profile names, sorted; read-only for views. */
  public ObservableList<String> names() {
    return FXCollections.unmodifiableObservableList(names);
  }

  /** The stored name being edited, or null while adding a new profile. */
  public ReadOnlyStringProperty editingProperty() {
    return editing.getReadOnlyProperty();
  }

  public ProfileForm form() {
    return form;
  }

  public ReadOnlyBooleanProperty testingProperty() {
    return testing.getReadOnlyProperty();
  }

  /** The last test's report, or null (none yet, or the form changed since). */
  public ReadOnlyObjectProperty<ConnectionReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  /** Empty, or why the test itself failed (not a source's error: those are in the report). */
  public ReadOnlyStringProperty testFailureProperty() {
    return testFailure.getReadOnlyProperty();
  }

  /** Empty, or what went wrong saving, loading or deleting. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** Empty, or what just happened ("Saved profile prod-eu ..."). */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }
}
