package org.hopscope.oncall;

import java.util.List;
import org.hopscope.config.ResolvedConnection;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;

/**
 * What a backend command needs before it can ask anything: the chosen path (from the path
 * definitions) and the resolved connection (profile &lt; environment &lt; flags). Made by {@link
 * Connector#session}.
 *
 * @param path the path definition
 * @param connection where the backends are
 */
public record Session(PathDef path, ResolvedConnection connection) {

  /** What the user must know about the connection (e.g. TLS verification off). */
  public List<Notice> notices() {
    return connection.notices();
  }
}
