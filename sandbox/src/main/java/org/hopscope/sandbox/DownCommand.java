package org.hopscope.sandbox;

import picocli.CommandLine.Command;

/** TODO(helper): implement. */
@Command(name = "down", description = "TODO")
public final class DownCommand implements Runnable {
  @Override
  public void run() {
    throw new SandboxException("not implemented yet");
  }
}
