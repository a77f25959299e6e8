package org.hopscope.ui.profiles;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.hopscope.config.ConnectionFlags;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.Keychain;
import org.hopscope.config.ProfileResolver;
import org.hopscope.config.SecretSlot;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.ui.task.TaskRunner;

/**
 * The profiles dialog's OS keychain side: whether the keychain can be offered (probed off the FX
 * thread), which secrets a save keeps there and writing them, and reading the untyped ones back for
 * a connection test. The keychain may be null: not offered.
 */
final class ProfileKeychain {

  private final Keychain keychain;
  private final ReadOnlyBooleanWrapper keychainAvailable = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper keychainStatus = new ReadOnlyStringWrapper("");

  ProfileKeychain(Keychain keychain) {
    this.keychain = keychain;
  }

  /** Whether a keychain is offered at all (it may still turn out unavailable). */
  boolean offered() {
    return keychain != null;
  }

  /**
   * Probes the keychain's availability through {@code runner} (off the FX thread, within the
   * keychain's own time limit); nothing when none is offered.
   */
  void probe(TaskRunner runner) {
    if (keychain != null) {
      keychainStatus.set("Looking for the OS keychain…");
      runner.run(
          "probe the OS keychain",
          cancel -> Optional.ofNullable(keychain.unavailableReason()),
          reason -> {
            keychainAvailable.set(reason.isEmpty());
            keychainStatus.set(reason.map(r -> "Not available: " + r).orElse(""));
          },
          failure -> keychainStatus.set("Not available: " + failure.getMessage()));
    }
  }

  /**
   * The secrets saving {@code profile} from {@code form} keeps in the keychain: the typed ones, and
   * when renamed from {@code old} the others it keeps there, as null (copied from the old name's
   * entry). Empty: nothing for the keychain.
   */
  Map<SecretSlot, String> toStore(ProfileForm form, ConnectionProfile profile, String old) {
    Map<SecretSlot, String> toKeychain = new LinkedHashMap<>();
    put(toKeychain, "elasticsearch", form.elasticsearch());
    put(toKeychain, "prometheus", form.prometheus());
    boolean renamed = old != null && !old.equals(profile.name());
    if (renamed) {
      for (SecretSlot slot : profile.keychain()) {
        toKeychain.putIfAbsent(slot, null); // copied from the old name's entry
      }
    }
    return toKeychain;
  }

  private static void put(Map<SecretSlot, String> to, String endpoint, EndpointForm f) {
    String secret = f.secretForKeychain();
    if (secret != null) {
      to.put(new SecretSlot(endpoint, f.secretKey()), secret);
    }
  }

  /**
   * Writes {@code toKeychain} (from {@link #toStore}) under profile {@code name}, a null secret
   * read from {@code old}'s entry (blocking: called in the save task; needs {@link #offered()}).
   */
  void store(Map<SecretSlot, String> toKeychain, String name, String old) {
    toKeychain.forEach(
        (slot, secret) ->
            keychain.write(
                slot.account(name), secret != null ? secret : keychain.read(slot.account(old))));
  }

  /**
   * {@code profile} with the secrets it keeps in the keychain and that were not typed read from the
   * keychain (blocking: called in the test task). A missing entry is the test's failure, named.
   */
  ConnectionProfile withKeychainSecrets(ConnectionProfile profile) {
    Set<SecretSlot> unread = new HashSet<>();
    for (SecretSlot slot : profile.keychain()) {
      Endpoint e =
          "elasticsearch".equals(slot.endpoint()) ? profile.elasticsearch() : profile.prometheus();
      if (e != null && AuthKind.of(e.auth()).secretOf(e.auth()).isEmpty()) {
        unread.add(slot);
      }
    }
    if (unread.isEmpty() || keychain == null) {
      return profile;
    }
    ConnectionProfile pending =
        new ConnectionProfile(
            profile.name(),
            profile.elasticsearch(),
            profile.prometheus(),
            profile.pathsDir(),
            unread);
    ConnectionProfile filled =
        new ProfileResolver(keychain).resolve(pending, Map.of(), ConnectionFlags.NONE).profile();
    return new ConnectionProfile(
        profile.name(), filled.elasticsearch(), filled.prometheus(), profile.pathsDir());
  }

  /** Whether the OS keychain can be offered (false until the probe found it). */
  ReadOnlyBooleanProperty keychainAvailableProperty() {
    return keychainAvailable.getReadOnlyProperty();
  }

  /** Empty when the keychain is available (or not offered), else what the probe says. */
  ReadOnlyStringProperty keychainStatusProperty() {
    return keychainStatus.getReadOnlyProperty();
  }
}
