package org.hopscope.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hopscope.model.Notice;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;

/**
 * Whether a profile file that holds secrets (in the file, not in the OS keychain) is open to other
 * users: group or others may read or write it (POSIX; on other file systems nothing is said).
 */
final class ProfilePermissions {

  private ProfilePermissions() {}

  /** The warning for {@code file} holding {@code profile}, or empty when it is owner-only. */
  static Optional<Notice> check(Path file, ConnectionProfile profile) {
    List<String> held = new ArrayList<>();
    held(profile, "elasticsearch", profile.elasticsearch(), held);
    held(profile, "prometheus", profile.prometheus(), held);
    if (held.isEmpty()) {
      return Optional.empty();
    }
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return Optional.empty();
    }
    Set<PosixFilePermission> perms;
    try {
      perms = view.readAttributes().permissions();
    } catch (IOException e) {
      return Optional.empty(); // it was just read; a race with a delete says nothing about modes
    }
    boolean readable =
        perms.contains(PosixFilePermission.GROUP_READ)
            || perms.contains(PosixFilePermission.OTHERS_READ);
    boolean writable =
        perms.contains(PosixFilePermission.GROUP_WRITE)
            || perms.contains(PosixFilePermission.OTHERS_WRITE);
    if (!readable && !writable) {
      return Optional.empty();
    }
    String access =
        readable && writable ? "readable and writable" : readable ? "readable" : "writable";
    return Optional.of(
        new Notice.UnprotectedProfile(
            file.toAbsolutePath().toString(), holds(held), access, octal(perms)));
  }

  private static void held(
      ConnectionProfile profile, String endpointKey, Endpoint endpoint, List<String> held) {
    if (endpoint == null) {
      return;
    }
    Auth auth = endpoint.auth();
    String what = null;
    if (auth instanceof Auth.Basic && !profile.inKeychain(endpointKey, "password")) {
      what = "a password";
    } else if (auth instanceof Auth.ApiKey && !profile.inKeychain(endpointKey, "apiKey")) {
      what = "an API key";
    } else if (auth instanceof Auth.Bearer && !profile.inKeychain(endpointKey, "token")) {
      what = "a token";
    }
    if (what != null && !held.contains(what)) {
      held.add(what);
    }
  }

  private static String holds(List<String> held) {
    return held.size() == 1
        ? held.get(0)
        : String.join(", ", held.subList(0, held.size() - 1)) + " and " + held.get(held.size() - 1);
  }

  /** E.g. {@code 0644}. */
  static String octal(Set<PosixFilePermission> perms) {
    int bits = 0;
    for (PosixFilePermission p : perms) {
      bits |= 1 << (8 - p.ordinal());
    }
    return String.format("%04o", bits);
  }
}
