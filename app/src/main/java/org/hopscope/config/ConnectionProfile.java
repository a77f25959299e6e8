package org.hopscope.config;

import java.nio.file.Path;
import java.util.Objects;
import org.hopscope.model.connection.Endpoint;

/**
 * A named set of connection settings, stored as {@code <config dir>/profiles/NAME.yaml}.
 *
 * @param name the profile's name (its file name without {@code .yaml})
 * @param elasticsearch where the events are (required)
 * @param prometheus where the metrics are, or null (flows then come without metrics)
 * @param pathsDir directory of path definitions, or null for {@code queries/}
 */
public record ConnectionProfile(
    String name, Endpoint elasticsearch, Endpoint prometheus, Path pathsDir) {

  public ConnectionProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(elasticsearch, "elasticsearch");
  }
}
