package org.hopscope.sandbox.seed;

import org.hopscope.sandbox.SandboxException;
import picocli.CommandLine.Command;

/** TODO(helper): implement. */
@Command(name = "seed", description = "TODO")
public final class SeedCommand implements Runnable {
  @Override
  public void run() {
    throw new SandboxException("not implemented yet");
  }
}
