package org.hopscope.sandbox;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hopscope sandbox down}: stops exactly the processes {@code up} started. */
@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = "Stops the sandbox's processes (by their pid files; data stays).")
public final class DownCommand implements Runnable {

  @Mixin SandboxOptions options;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    new Sandbox(options.config(), WriterOutputStream.printStream(spec.commandLine().getOut()))
        .down();
  }
}
