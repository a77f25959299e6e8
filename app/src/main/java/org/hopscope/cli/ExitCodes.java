package org.hopscope.cli;

import org.hopscope.oncall.FailureKind;

/** The command line's exit codes (docs/cli-json.md). */
final class ExitCodes {
  static final int OK = 0;
  static final int USAGE = 2;
  static final int NO_EVIDENCE = 3;
  static final int BACKEND = 4;

  /** The local store or an output file could not be read or written. */
  static final int LOCAL = 5;

  /**
   * The answer depends on a source that could not be read (a missing index pattern, no read
   * privilege): a verdict or count is UNKNOWN, not a pass.
   */
  static final int UNKNOWN = 6;

  static final int CANCELLED = 130;

  private ExitCodes() {}

  /** The exit code of a failure of {@code kind}; {@link #OK} for none. */
  static int of(FailureKind kind) {
    if (kind == null) {
      return OK;
    }
    return switch (kind) {
      case USAGE -> USAGE;
      case BACKEND -> BACKEND;
      case LOCAL -> LOCAL;
      case CANCELLED -> CANCELLED;
    };
  }
}
