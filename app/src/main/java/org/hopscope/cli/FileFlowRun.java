package org.hopscope.cli;

import java.util.List;
import org.hopscope.config.ConnectionFlags;
import org.hopscope.model.Flow;
import org.hopscope.model.PathDef;
import org.hopscope.oncall.Connector;
import org.hopscope.oncall.FileFlows;

/**
 * {@code flow --file}: one message's flow from trace and log files, with the output and exit codes
 * of {@code flow}; no backend is asked, so no window, metrics or connection apply.
 */
final class FileFlowRun {

  private final CliContext ctx;
  private final Main main;
  private final MessageOptions message;
  private final ConnectionFlags flags;

  FileFlowRun(CliContext ctx, Main main, MessageOptions message, ConnectionFlags flags) {
    this.ctx = ctx;
    this.main = main;
    this.message = message;
    this.flags = flags;
  }

  int run(List<String> files, String id) {
    if (message.from != null || message.to != null) {
      throw new IllegalArgumentException(
          "--from/--to do not apply to --file: a flow from files reads every event in the files"
              + " and is judged as of the newest of them");
    }
    if (flags.elasticsearchUrl() != null || flags.prometheusUrl() != null) {
      throw new IllegalArgumentException(
          "--es/--prometheus do not apply to --file: the events come from the files only");
    }
    List<FileFlows.Input> inputs =
        files.stream().map(f -> FileFlows.Input.parse(f, ctx.workingDir())).toList();
    PathDef path =
        new Connector(ctx.env(), ctx.system(), ctx.workingDir(), ctx.defaultPathsDir())
            .offlinePath(flags, message.path);
    Flow flow;
    try (CtrlC ctrlC = main.ctrlC("flow")) {
      flow = new FileFlows().flow(path, id, inputs, ctrlC.cancellation());
    }
    int shown = FlowCommand.show(flow, message, ctx);
    if (shown != ExitCodes.NO_EVIDENCE) {
      return shown;
    }
    ctx.err().println("note: nothing about " + TerminalText.message(id) + " in the files given");
    ctx.err().flush();
    return ExitCodes.NO_EVIDENCE;
  }
}
