package org.hopscope.sandbox;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hopscope sandbox status [--json]}: what runs, where, which versions, how much data. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows URLs, versions, processes, document count and whether it is seeded.")
public final class StatusCommand implements Runnable {

  @Mixin SandboxOptions options;

  @Option(names = "--json", description = "Print the status as JSON.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    var out = spec.commandLine().getOut();
    SandboxStatus status =
        new Sandbox(options.config(), WriterOutputStream.printStream(out)).status();
    out.print(json ? status.toJson() + "\n" : status.toText());
    out.flush();
  }
}
