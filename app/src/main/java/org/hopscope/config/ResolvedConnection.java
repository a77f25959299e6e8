package org.hopscope.config;

import java.util.List;

/**
 * The settings a command runs with, after profile, environment and flags.
 *
 * @param profile the merged settings; its name is the profile's, or {@code (environment)} when none
 *     was used
 * @param warnings things the user should know (TLS verification off, profile credentials not sent
 *     to another server); empty when none
 */
public record ResolvedConnection(ConnectionProfile profile, List<String> warnings) {

  public ResolvedConnection {
    warnings = List.copyOf(warnings);
  }
}
