package org.hopscope.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ports a state folder's sandbox was started with, read from its {@code sandbox.json}; 0 for a
 * port not recorded (no state yet, an older state, or one that cannot be read: then the commands
 * fall back to their defaults, and {@code up}/{@code status} report the unreadable state file).
 */
record RecordedPorts(int search, int prometheus, int exporter, int alertmanager) {

  private static final RecordedPorts NONE = new RecordedPorts(0, 0, 0, 0);

  static RecordedPorts of(Path stateFile) {
    if (!Files.isRegularFile(stateFile)) {
      return NONE;
    }
    try {
      JsonNode state = Json.mapper().readTree(stateFile.toFile());
      return new RecordedPorts(
          port(state, "elasticsearchUrl"),
          port(state, "prometheusUrl"),
          port(state, "exporterUrl"),
          port(state, "alertmanagerUrl"));
    } catch (IOException e) {
      return NONE;
    }
  }

  private static int port(JsonNode state, String field) {
    String url = state.path(field).asText("");
    if (url.isEmpty()) {
      return 0;
    }
    try {
      return Math.max(URI.create(url).getPort(), 0);
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }
}
