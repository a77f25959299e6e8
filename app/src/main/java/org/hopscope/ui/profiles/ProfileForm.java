package org.hopscope.ui.profiles;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hopscope.config.ConfigException;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.config.SecretSlot;
import org.hopscope.model.connection.Endpoint;

/** The fields of the profile being edited or added, with a message next to each bad one. */
public final class ProfileForm {

  private final StringProperty name = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
  private final EndpointForm elasticsearch = new EndpointForm("Elasticsearch", false);
  private final EndpointForm prometheus = new EndpointForm("Prometheus", true);
  private final StringProperty pathsDir = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper pathsDirError = new ReadOnlyStringWrapper("");
  // not edited here (the profile file's alertmanager: section); kept as loaded
  private org.hopscope.model.connection.Endpoint alertmanager;
  private Set<SecretSlot> alertmanagerSlots = Set.of();

  /** Fills the form from {@code profile}; null: an empty form for a new profile. */
  void load(ConnectionProfile profile) {
    name.set(profile == null ? "" : profile.name());
    elasticsearch.load(
        profile == null ? null : profile.elasticsearch(),
        profile != null && inKeychain(profile, "elasticsearch", profile.elasticsearch()));
    prometheus.load(
        profile == null ? null : profile.prometheus(),
        profile != null && inKeychain(profile, "prometheus", profile.prometheus()));
    pathsDir.set(
        profile == null || profile.pathsDir() == null ? "" : profile.pathsDir().toString());
    alertmanager = profile == null ? null : profile.alertmanager();
    alertmanagerSlots =
        profile == null
            ? Set.of()
            : profile.keychain().stream()
                .filter(slot -> "alertmanager".equals(slot.endpoint()))
                .collect(java.util.stream.Collectors.toSet());
    nameError.set("");
    pathsDirError.set("");
  }

  /**
   * The profile the fields describe, or null when a field is wrong (its message then says why).
   *
   * @param store for the name rules
   * @param original the name being edited, or null for a new profile
   * @param existing the names stored now
   */
  ConnectionProfile build(ProfileStore store, String original, List<String> existing) {
    boolean ok = validateName(store, original, existing);
    ok &= elasticsearch.validate();
    ok &= prometheus.validate();
    ok &= validatePathsDir();
    if (!ok) {
      return null;
    }
    String dir = pathsDir.get().strip();
    Set<SecretSlot> keychain = new HashSet<>();
    if (elasticsearch.keepsInKeychain()) {
      keychain.add(new SecretSlot("elasticsearch", elasticsearch.secretKey()));
    }
    if (prometheus.keepsInKeychain()) {
      keychain.add(new SecretSlot("prometheus", prometheus.secretKey()));
    }
    keychain.addAll(alertmanagerSlots);
    return new ConnectionProfile(
        name.get().strip(),
        elasticsearch.build(),
        prometheus.build(),
        dir.isEmpty() ? null : Path.of(dir),
        keychain,
        alertmanager);
  }

  private static boolean inKeychain(ConnectionProfile profile, String key, Endpoint endpoint) {
    String secret = endpoint == null ? null : AuthKind.of(endpoint.auth()).secretKey();
    return secret != null && profile.inKeychain(key, secret);
  }

  /** The environment, for saying which variable overrides each secret. */
  void environment(Map<String, String> env) {
    elasticsearch.environment(env);
    prometheus.environment(env);
  }

  private boolean validateName(ProfileStore store, String original, List<String> existing) {
    nameError.set("");
    String n = name.get().strip();
    if (n.isEmpty()) {
      nameError.set("Enter a name, e.g. prod-eu");
      return false;
    }
    try {
      store.file(n);
    } catch (ConfigException e) {
      nameError.set(e.problems().get(0).message());
      return false;
    }
    if (!n.equals(original) && existing.contains(n)) {
      nameError.set("A profile named " + n + " exists; choose another name or edit that one");
      return false;
    }
    return true;
  }

  private boolean validatePathsDir() {
    pathsDirError.set("");
    String dir = pathsDir.get().strip();
    if (dir.isEmpty()) {
      return true;
    }
    try {
      if (Files.isDirectory(Path.of(dir))) {
        return true;
      }
      pathsDirError.set("No folder " + dir + "; leave empty for queries/");
    } catch (InvalidPathException e) {
      pathsDirError.set("'" + dir + "' is not a folder path");
    }
    return false;
  }

  public StringProperty nameProperty() {
    return name;
  }

  /** Empty when the name is fine, else what is wrong with it. */
  public ReadOnlyStringProperty nameErrorProperty() {
    return nameError.getReadOnlyProperty();
  }

  public EndpointForm elasticsearch() {
    return elasticsearch;
  }

  public EndpointForm prometheus() {
    return prometheus;
  }

  /** Folder of path definitions; empty for the default {@code queries/}. */
  public StringProperty pathsDirProperty() {
    return pathsDir;
  }

  public ReadOnlyStringProperty pathsDirErrorProperty() {
    return pathsDirError.getReadOnlyProperty();
  }
}
