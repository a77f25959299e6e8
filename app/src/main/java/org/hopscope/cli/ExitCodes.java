package org.hopscope.cli;

/** The command line's exit codes (docs/cli-json.md). */
final class ExitCodes {
  static final int OK = 0;
  static final int USAGE = 2;
  static final int NO_EVIDENCE = 3;
  static final int BACKEND = 4;

  /** The local store or an output file could not be read or written. */
  static final int LOCAL = 5;

  static final int CANCELLED = 130;

  private ExitCodes() {}
}
