package org.hopscope.sandbox;

import picocli.CommandLine.Command;

/** TODO(helper): implement. */
@Command(name = "exporter", description = "TODO")
public final class ExporterCommand implements Runnable {
  @Override
  public void run() {
    throw new SandboxException("not implemented yet");
  }
}
