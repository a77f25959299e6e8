package org.hopscope.cli;

import org.hopscope.config.ConnectionFlags;
import org.hopscope.oncall.Session;

/** Opens a {@link Session} from what a command got from the outside world. */
final class Sessions {

  private Sessions() {}

  static Session open(CliContext ctx, ConnectionFlags flags, String pathName) {
    return Session.open(
        ctx.env(), ctx.system(), ctx.workingDir(), ctx.defaultPathsDir(), flags, pathName);
  }
}
