package org.hopscope.cli;

import java.time.ZoneId;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/**
 * The options of the commands about one message ({@code flow}, {@code compare}): path, window,
 * output.
 */
final class MessageOptions {

  @Option(names = "--path", required = true, paramLabel = "PATH", description = "e.g. orders")
  String path;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      description = "Window start (ISO, now-3h; default: 24 h before --to).")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Window end and analysis time.")
  String to;

  @Option(names = "--json", description = "The JSON contract of docs/cli-json.md.")
  boolean json;

  @Option(names = "--local", description = "Show times in local time instead of UTC.")
  boolean local;

  /** The zone human output shows times in. */
  ZoneId zone() {
    return local ? ZoneId.systemDefault() : ZoneOffset.UTC;
  }

  /** The window and analysis time the options give. */
  WindowArguments window(CliContext ctx) {
    return WindowArguments.parse(ctx, from, to, false);
  }
}
