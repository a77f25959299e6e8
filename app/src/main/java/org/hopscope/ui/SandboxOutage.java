package org.hopscope.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.hopscope.config.ConfigException;
import org.hopscope.model.TimeWindow;

/** The incident window recorded in a sandbox manifest: {@code incidentStart} to {@code now}. */
final class SandboxOutage {

  private SandboxOutage() {}

  /**
   * @throws ConfigException naming the file and field when it is not a sandbox manifest
   */
  static TimeWindow read(Path manifest) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(manifest.toFile());
    } catch (IOException e) {
      throw new ConfigException(
          manifest.toString(), "cannot read the sandbox manifest: " + e.getMessage());
    }
    return new TimeWindow(instant(root, "incidentStart", manifest), instant(root, "now", manifest));
  }

  private static Instant instant(JsonNode root, String field, Path file) {
    JsonNode v = root == null ? null : root.get(field);
    if (v == null || !v.isTextual()) {
      throw new ConfigException(
          file + ": " + field, "missing; is this a sandbox manifest (./hopscope sandbox status)?");
    }
    try {
      return Instant.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw new ConfigException(file + ": " + field, "'" + v.asText() + "' is not an instant");
    }
  }
}
