package org.hopscope.sandbox;

import picocli.CommandLine.Command;

/** TODO(helper): implement. */
@Command(name = "up", description = "TODO")
public final class UpCommand implements Runnable {
  @Override
  public void run() {
    throw new SandboxException("not implemented yet");
  }
}
