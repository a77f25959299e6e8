package org.hopscope.ui.profiles;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.model.connection.Tls;

/**
 * The form fields of one endpoint (Elasticsearch or Prometheus), their validation messages, and the
 * stored endpoint being edited. A stored secret is never put into a field: {@link #secretPrompt()}
 * says it is kept when the field stays empty.
 */
public final class EndpointForm {

  /** The prompt of a secret field whose stored value is kept when left empty. */
  public static final String KEEP_SECRET_PROMPT = "saved — leave empty to keep";

  private final String source;
  private final boolean optional;
  private final StringProperty url = new SimpleStringProperty("");
  private final ObjectProperty<AuthKind> authKind = new SimpleObjectProperty<>(AuthKind.NONE);
  private final StringProperty user = new SimpleStringProperty("");
  private final StringProperty secret = new SimpleStringProperty("");
  private final StringProperty caFile = new SimpleStringProperty("");
  private final BooleanProperty insecure = new SimpleBooleanProperty();
  private final ReadOnlyStringWrapper urlError = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper userError = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper secretError = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper caError = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper secretPrompt = new ReadOnlyStringWrapper("");
  private final BooleanProperty keepInKeychain = new SimpleBooleanProperty();
  private final ReadOnlyStringWrapper secretPlace = new ReadOnlyStringWrapper("");
  private Endpoint stored;
  private boolean storedInKeychain;
  private Map<String, String> env = Map.of();

  /**
   * @param source "Elasticsearch" or "Prometheus", for messages
   * @param optional whether an empty URL means "not configured"
   */
  EndpointForm(String source, boolean optional) {
    this.source = source;
    this.optional = optional;
    authKind.addListener((o, was, now) -> updatePrompt());
    keepInKeychain.addListener((o, was, now) -> updatePrompt());
  }

  /** The environment, for saying which variable overrides the secret. */
  void environment(Map<String, String> env) {
    this.env = env;
    updatePrompt();
  }

  /** Fills the fields from a stored endpoint (null: empty form); secrets stay empty. */
  void load(Endpoint endpoint) {
    load(endpoint, false);
  }

  /** As {@link #load(Endpoint)}; {@code inKeychain}: the stored secret is in the OS keychain. */
  void load(Endpoint endpoint, boolean inKeychain) {
    stored = endpoint;
    storedInKeychain = inKeychain;
    keepInKeychain.set(inKeychain);
    url.set(endpoint == null ? "" : endpoint.url().toString());
    AuthKind kind = endpoint == null ? AuthKind.NONE : AuthKind.of(endpoint.auth());
    authKind.set(kind);
    user.set(endpoint != null && endpoint.auth() instanceof Auth.Basic b ? b.user() : "");
    secret.set("");
    Tls tls = endpoint == null ? Tls.SYSTEM : endpoint.tls();
    caFile.set(tls.caPem() == null ? "" : tls.caPem().toString());
    insecure.set(tls.insecure());
    clearErrors();
    updatePrompt();
  }

  /** Checks the fields, setting each field's message; true when the endpoint can be built. */
  boolean validate() {
    clearErrors();
    boolean ok = true;
    String text = url.get().strip();
    if (text.isEmpty()) {
      if (!optional) {
        urlError.set("Enter the " + source + " URL, e.g. https://es.example:9200");
        ok = false;
      }
      return ok;
    }
    String bad = urlProblem(text);
    if (bad != null) {
      urlError.set(bad);
      ok = false;
    }
    AuthKind kind = authKind.get();
    if (kind == AuthKind.BASIC && user.get().isBlank()) {
      userError.set("Enter the user name");
      ok = false;
    }
    if (kind != AuthKind.NONE && secret.get().isEmpty() && kind.secretOf(storedAuth()) == null) {
      secretError.set("Enter the " + kind.secretNoun());
      ok = false;
    } else if (kind != AuthKind.NONE
        && secret.get().isEmpty()
        && storedInKeychain
        && !keepInKeychain.get()) {
      secretError.set(
          "Type the "
              + kind.secretNoun()
              + " to keep it in the file (it is in the OS keychain now)");
      ok = false;
    }
    String ca = caFile.get().strip();
    if (!ca.isEmpty()) {
      try {
        if (!Files.isRegularFile(Path.of(ca))) {
          caError.set("No file " + ca + "; choose the CA certificate (PEM)");
          ok = false;
        }
      } catch (InvalidPathException e) {
        caError.set("'" + ca + "' is not a file path");
        ok = false;
      }
    }
    return ok;
  }

  /** The endpoint the fields describe (call after {@link #validate()}); null when no URL. */
  Endpoint build() {
    String text = url.get().strip();
    if (text.isEmpty()) {
      return null;
    }
    AuthKind kind = authKind.get();
    String typed = secret.get();
    String kept = typed.isEmpty() ? kind.secretOf(storedAuth()) : typed;
    Auth auth = kind.auth(user.get().strip(), kept);
    String ca = caFile.get().strip();
    Tls old = stored == null ? Tls.SYSTEM : stored.tls();
    Tls tls =
        new Tls(
            ca.isEmpty() ? null : Path.of(ca),
            insecure.get(),
            old.clientCertPem(),
            old.clientKeyPem());
    Endpoint base = stored == null ? Endpoint.of(URI.create(text)) : stored;
    return new Endpoint(URI.create(text), auth, tls, base.connectTimeout(), base.requestTimeout());
  }

  /** {@code password}, {@code apiKey} or {@code token} for the chosen kind; null for none. */
  String secretKey() {
    return authKind.get() == null ? null : authKind.get().secretKey();
  }

  /** Whether the endpoint's secret is to be kept in the OS keychain. */
  boolean keepsInKeychain() {
    return keepInKeychain.get() && secretKey() != null && !url.get().isBlank();
  }

  /**
   * The secret to write into the keychain on save: the one typed, else the one stored in the file
   * (moving it); null when nothing is to be written.
   */
  String secretForKeychain() {
    if (!keepsInKeychain()) {
      return null;
    }
    if (!secret.get().isEmpty()) {
      return secret.get();
    }
    String inFile = storedInKeychain ? null : authKind.get().secretOf(storedAuth());
    return inFile == null || inFile.isEmpty() ? null : inFile;
  }

  private Auth storedAuth() {
    return stored == null ? new Auth.None() : stored.auth();
  }

  private void updatePrompt() {
    updatePlace();
    AuthKind kind = authKind.get();
    secretPrompt.set(
        kind != null && kind.secretOf(storedAuth()) != null
            ? KEEP_SECRET_PROMPT
            : kind == null || kind.secretLabel() == null ? "" : kind.secretLabel());
  }

  private void updatePlace() {
    String key = secretKey();
    if (key == null) {
      secretPlace.set("");
      return;
    }
    String variable =
        new org.hopscope.config.SecretSlot(source.toLowerCase(java.util.Locale.ROOT), key)
            .environmentVariable();
    String where =
        keepInKeychain.get()
            ? "Kept in the OS keychain, not in the profile file."
            : "Kept in the profile file (readable by you only).";
    String value = env.get(variable);
    secretPlace.set(
        value != null && !value.isBlank()
            ? where + " " + variable + " is set and overrides it."
            : where + " " + variable + " would override it.");
  }

  private void clearErrors() {
    urlError.set("");
    userError.set("");
    secretError.set("");
    caError.set("");
  }

  private String urlProblem(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return "Not a URL (" + e.getReason() + ")";
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      return "Expected http:// or https:// and a host, e.g. "
          + (optional ? "http://prometheus.example:9090" : "https://es.example:9200");
    }
    if (uri.getUserInfo() != null) {
      return "No credentials in the URL; choose the authentication below";
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      return "Give the base URL, without ?query or #fragment";
    }
    return null;
  }

  public StringProperty urlProperty() {
    return url;
  }

  public ObjectProperty<AuthKind> authKindProperty() {
    return authKind;
  }

  public StringProperty userProperty() {
    return user;
  }

  /** The secret typed (password, API key or token); empty keeps a stored one. */
  public StringProperty secretProperty() {
    return secret;
  }

  public StringProperty caFileProperty() {
    return caFile;
  }

  public BooleanProperty insecureProperty() {
    return insecure;
  }

  /** Empty when the URL is fine, else what is wrong with it. */
  public ReadOnlyStringProperty urlErrorProperty() {
    return urlError.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty userErrorProperty() {
    return userError.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty secretErrorProperty() {
    return secretError.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty caErrorProperty() {
    return caError.getReadOnlyProperty();
  }

  /** Keep the secret in the OS keychain instead of the profile file. */
  public BooleanProperty keepInKeychainProperty() {
    return keepInKeychain;
  }

  /** Where the secret lives (file, OS keychain) and which variable overrides it; empty for none. */
  public ReadOnlyStringProperty secretPlaceProperty() {
    return secretPlace.getReadOnlyProperty();
  }

  /** {@link #KEEP_SECRET_PROMPT} when a secret of the chosen kind is stored, else its label. */
  public ReadOnlyStringProperty secretPromptProperty() {
    return secretPrompt.getReadOnlyProperty();
  }
}
