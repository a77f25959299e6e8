package org.hopscope.config;

import java.util.Map;
import org.hopscope.config.Keychain.KeychainException;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;

/**
 * Reads a profile's secret from the OS keychain when the connection really uses it: the endpoint
 * keeps the profile's credentials (same server) and no environment variable overrides the secret. A
 * missing entry or an unusable keychain is an error naming the profile and what to do, never an
 * empty secret sent.
 */
final class KeychainSecrets {

  private final Keychain keychain;

  KeychainSecrets(Keychain keychain) {
    this.keychain = keychain;
  }

  /**
   * {@code merged} with its secret read from the keychain when {@code profile} keeps it there.
   *
   * @param endpointKey {@code elasticsearch} or {@code prometheus}
   * @param profileAuthUsed whether {@code merged} kept the profile's credentials (same server)
   */
  Endpoint fill(
      Endpoint merged,
      ConnectionProfile profile,
      String endpointKey,
      boolean profileAuthUsed,
      Map<String, String> env) {
    if (profile == null || !profileAuthUsed || profile.keychain().isEmpty()) {
      return merged;
    }
    Auth auth = merged.auth();
    String key =
        auth instanceof Auth.Basic
            ? "password"
            : auth instanceof Auth.ApiKey ? "apiKey" : auth instanceof Auth.Bearer ? "token" : null;
    if (key == null || !profile.inKeychain(endpointKey, key)) {
      return merged;
    }
    SecretSlot slot = new SecretSlot(endpointKey, key);
    String fromEnv = env.get(slot.environmentVariable());
    if (fromEnv != null && !fromEnv.isBlank()) {
      return merged; // the environment's value is already in merged: it wins, the keychain rests
    }
    String secret = read(profile.name(), slot);
    Auth filled =
        switch (key) {
          case "password" -> new Auth.Basic(((Auth.Basic) auth).user(), secret);
          case "apiKey" -> new Auth.ApiKey(secret);
          default -> new Auth.Bearer(secret);
        };
    return new Endpoint(
        merged.url(), filled, merged.tls(), merged.connectTimeout(), merged.requestTimeout());
  }

  private String read(String profile, SecretSlot slot) {
    String where = "profile '" + profile + "'";
    String fix =
        "store it with: hopscope profile secret set "
            + profile
            + " --"
            + slot.endpoint()
            + " (or in the client's profiles dialog), or set "
            + slot.environmentVariable()
            + " for this session";
    String secret;
    try {
      secret = keychain.read(slot.account(profile));
    } catch (KeychainException e) {
      throw new ConfigException(
          where,
          "the "
              + slot
              + " is kept in the OS keychain ("
              + slot.key()
              + ": {keychain: true}) but "
              + switch (e.kind()) {
                case MISSING ->
                    "the keychain has no entry "
                        + Keychain.SERVICE
                        + " / "
                        + slot.account(profile)
                        + "; "
                        + fix;
                case UNAVAILABLE, FAILED -> "it cannot be read: " + e.getMessage() + "; " + fix;
              });
    }
    if (secret == null || secret.isEmpty()) {
      throw new ConfigException(
          where,
          "the "
              + slot
              + " is kept in the OS keychain but its entry "
              + Keychain.SERVICE
              + " / "
              + slot.account(profile)
              + " is empty; "
              + fix);
    }
    return secret;
  }
}
