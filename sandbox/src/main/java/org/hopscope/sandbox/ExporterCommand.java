package org.hopscope.sandbox;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * TODO(helper): implement. Started by {@code up} as {@code exporter --dir DIR --exporter-port P}.
 */
@Command(name = "exporter", description = "TODO")
public final class ExporterCommand implements Runnable {

  @Mixin SandboxOptions options;

  @Override
  public void run() {
    throw new SandboxException("not implemented yet");
  }
}
