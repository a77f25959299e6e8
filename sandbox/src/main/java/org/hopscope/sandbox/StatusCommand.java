package org.hopscope.sandbox;

import picocli.CommandLine.Command;

/** TODO(helper): implement. */
@Command(name = "status", description = "TODO")
public final class StatusCommand implements Runnable {
  @Override
  public void run() {
    throw new SandboxException("not implemented yet");
  }
}
