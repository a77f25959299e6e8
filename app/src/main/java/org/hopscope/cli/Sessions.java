package org.hopscope.cli;

import org.hopscope.config.ConnectionFlags;
import org.hopscope.model.Notice;
import org.hopscope.oncall.Connector;
import org.hopscope.oncall.Session;

/**
 * Opens a {@link Session} from what a command got from the outside world and prints the
 * connection's notices: the one place the command line says {@code warning: <text>} about a
 * connection, each notice once per command run.
 */
final class Sessions {

  private Sessions() {}

  static Session open(CliContext ctx, ConnectionFlags flags, String pathName) {
    Session session =
        new Connector(ctx.env(), ctx.system(), ctx.workingDir(), ctx.defaultPathsDir())
            .session(flags, pathName);
    for (Notice notice : session.notices()) {
      ctx.err().println("warning: " + TerminalText.message(notice.text()));
    }
    ctx.err().flush();
    return session;
  }
}
