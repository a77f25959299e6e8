package org.hopscope.config;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hopscope.config.Keychain.KeychainException.Kind;

/**
 * The OS keychain through java-keyring: Secret Service over D-Bus on Linux (gnome-keyring,
 * KeePassXC), Keychain on macOS, Credential Manager on Windows. Each call runs on its own daemon
 * thread and is given up after a timeout (a locked keychain may wait for its unlock prompt), so
 * nothing here hangs its caller. Entries: service {@value Keychain#SERVICE}, account {@link
 * SecretSlot#account}.
 */
public final class OsKeychain implements Keychain {

  /** How long the availability probe may take. */
  public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  /** How long a read, write or delete may take (time to answer an unlock prompt). */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private static final String NO_KEYCHAIN =
      "no OS keychain found (Linux: a Secret Service such as gnome-keyring or KeePassXC running"
          + " on the session D-Bus; macOS: Keychain; Windows: Credential Manager)";

  private final Duration probeTimeout;
  private final Duration callTimeout;

  public OsKeychain() {
    this(PROBE_TIMEOUT, CALL_TIMEOUT);
  }

  OsKeychain(Duration probeTimeout, Duration callTimeout) {
    this.probeTimeout = probeTimeout;
    this.callTimeout = callTimeout;
  }

  @Override
  public String unavailableReason() {
    try {
      call("probe", probeTimeout, k -> k.getKeyringStorageType().toString());
      return null;
    } catch (KeychainException e) {
      return e.getMessage();
    }
  }

  @Override
  public String read(String account) {
    return call(
        "read " + account,
        callTimeout,
        k -> {
          try {
            return k.getPassword(SERVICE, account);
          } catch (PasswordAccessException e) {
            throw missingOrFailed(account, e);
          }
        });
  }

  @Override
  public void write(String account, String secret) {
    call(
        "store " + account,
        callTimeout,
        k -> {
          try {
            k.setPassword(SERVICE, account, secret);
            return "";
          } catch (PasswordAccessException e) {
            throw new KeychainException(
                Kind.FAILED, "the OS keychain refused to store " + account + ": " + e.getMessage());
          }
        });
  }

  @Override
  public boolean delete(String account) {
    return call(
        "delete " + account,
        callTimeout,
        k -> {
          try {
            k.getPassword(SERVICE, account);
          } catch (PasswordAccessException e) {
            KeychainException reason = missingOrFailed(account, e);
            if (reason.kind() == Kind.MISSING) {
              return false;
            }
            throw reason;
          }
          try {
            k.deletePassword(SERVICE, account);
            return true;
          } catch (PasswordAccessException e) {
            throw new KeychainException(
                Kind.FAILED,
                "the OS keychain refused to delete " + account + ": " + e.getMessage());
          }
        });
  }

  private static KeychainException missingOrFailed(String account, PasswordAccessException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    boolean missing =
        m.contains("no stored credentials")
            || m.contains("not found")
            || m.contains("could not find")
            || m.contains("element not found");
    return new KeychainException(
        missing ? Kind.MISSING : Kind.FAILED,
        missing
            ? "no entry " + SERVICE + " / " + account + " in the OS keychain"
            : "the OS keychain could not read " + account + ": " + e.getMessage());
  }

  private interface Action<T> {
    T apply(Keyring keyring);
  }

  private static <T> T call(String what, Duration timeout, Action<T> action) {
    FutureTask<T> task =
        new FutureTask<>(
            () -> {
              Keyring keyring;
              try {
                keyring = Keyring.create();
              } catch (BackendNotSupportedException | LinkageError e) {
                throw new KeychainException(Kind.UNAVAILABLE, NO_KEYCHAIN);
              }
              try (Keyring k = keyring) {
                return action.apply(k);
              }
            });
    Thread thread = new Thread(task, "hopscope-keychain");
    thread.setDaemon(true);
    thread.start();
    try {
      return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new KeychainException(
          Kind.FAILED,
          "the OS keychain did not answer within "
              + timeout.toSeconds()
              + " s ("
              + what
              + "); is it locked? unlock it and try again");
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new KeychainException(Kind.FAILED, "interrupted while waiting for the OS keychain");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof KeychainException k) {
        throw k;
      }
      // e.g. a NullPointerException from the Secret Service library when the keyring is locked
      throw new KeychainException(
          Kind.FAILED,
          "the OS keychain failed ("
              + what
              + "): "
              + cause
              + "; is it locked or was its prompt dismissed? unlock it and try again");
    }
  }
}
