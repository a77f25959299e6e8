package org.hopscope.oncall;

import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.hopscope.config.ConfigException;
import org.hopscope.model.bundle.BundleException;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.report.MaskingException;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.hopscope.store.StoreException;

/**
 * Whose fault a failed operation is, so each face can say so (the CLI's exit codes of
 * docs/cli-json.md). Anything else is a bug and stays an exception.
 */
public enum FailureKind {
  /** Bad input: a flag, a profile, a path or playbook definition, a masking rule, a bundle. */
  USAGE,
  /** A backend was down, refused or answered nonsense. */
  BACKEND,
  /** The local store or a local file failed. */
  LOCAL,
  /** The user cancelled. */
  CANCELLED;

  /** The kind of {@code failure}, or null when it is none of them (a bug). */
  public static FailureKind of(Throwable failure) {
    if (failure instanceof ConfigException
        || failure instanceof IllegalArgumentException
        || failure instanceof MaskingException
        || failure instanceof BundleException) {
      return USAGE;
    }
    if (failure instanceof SourceException) {
      return BACKEND;
    }
    if (failure instanceof StoreException || failure instanceof UncheckedIOException) {
      return LOCAL;
    }
    if (failure instanceof Cancellation.CancelledException) {
      return CANCELLED;
    }
    return null;
  }

  /**
   * The worst fault among a playbook run's checks: a backend's before the playbook's, null when
   * every check ran (PASS or FAIL; a failing check is a finding, not a failure).
   *
   * @param checks evaluations; null for a step without a check
   */
  public static FailureKind ofChecks(Collection<CheckEvaluation> checks) {
    List<CheckEvaluation.Failure> failures =
        checks.stream().filter(Objects::nonNull).map(CheckEvaluation::failure).toList();
    return failures.contains(CheckEvaluation.Failure.BACKEND)
        ? BACKEND
        : failures.contains(CheckEvaluation.Failure.INPUT) ? USAGE : null;
  }

  /** What to tell the user about {@code failure} of this kind. */
  public String message(Throwable failure) {
    return this == CANCELLED ? "cancelled" : failure.getMessage();
  }
}
