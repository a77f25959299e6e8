package org.hopscope.config;

/**
 * The OS credential store (Secret Service on Linux, Keychain on macOS, Credential Manager on
 * Windows), where a profile can keep its secrets instead of its file (ADR 0020). Every call may
 * block (the store may ask the user to unlock it) but ends within a bounded time; faces call it off
 * the FX thread.
 */
public interface Keychain {

  /** The service name Hopscope's entries are stored under. */
  String SERVICE = "Hopscope";

  /**
   * Whether this OS has a usable keychain, found out within a bounded time; never throws.
   *
   * @return null when available, else why not (e.g. {@code no Secret Service on the session D-Bus})
   */
  String unavailableReason();

  /**
   * The secret stored for {@code account}.
   *
   * @throws KeychainException when there is none, or the keychain is unavailable, locked or slow
   */
  String read(String account);

  /**
   * Stores {@code secret} for {@code account}, replacing any.
   *
   * @throws KeychainException when the keychain is unavailable, locked or slow
   */
  void write(String account, String secret);

  /**
   * Removes the secret of {@code account}; false when there was none.
   *
   * @throws KeychainException when the keychain is unavailable, locked or slow
   */
  boolean delete(String account);

  /** A keychain-related failure; the message says what went wrong (never a secret). */
  final class KeychainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which kind of failure, so callers can say what to do. */
    public enum Kind {
      /** No entry for the account. */
      MISSING,
      /** No keychain on this OS or session, or it cannot be reached. */
      UNAVAILABLE,
      /** The keychain refused or failed (locked, prompt dismissed, timed out). */
      FAILED
    }

    private final Kind kind;

    public KeychainException(Kind kind, String message) {
      super(message);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }
}
