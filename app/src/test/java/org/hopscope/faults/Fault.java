package org.hopscope.faults;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test (or every test of a class) as a case of the fault suite: a promise of
 * docs/reliability.md under one fault. {@link FaultSummary} counts the cases per {@link Area} and
 * how many held; {@code ./hopscope check} prints that summary.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("fault")
public @interface Fault {

  /** The area of docs/reliability.md the case belongs to. */
  Area value();

  /** The areas of docs/reliability.md, in its order. */
  enum Area {
    /** Refused, killed and restarted backends. */
    BACKENDS("backends"),
    /** Silent and trickling backends, deadlines, Retry-After, Ctrl-C and Esc. */
    WAITS("waits"),
    /** Answers of the wrong shape from Elasticsearch and Prometheus. */
    ANSWERS("answers"),
    /** Hostile IDs, messages and titles: query literals and terminal-safe output. */
    HOSTILE_DATA("hostile data"),
    /** Bad command-line arguments. */
    ARGUMENTS("arguments"),
    /** Malformed, huge, deeply nested and symlinked files. */
    FILES("files"),
    /** Secrets: file modes, the OS keychain, TLS, nothing secret in outputs. */
    SECRETS("secrets"),
    /** The local store: races, full disks, kill -9. */
    STORE("store"),
    /** Post-mortem masking and HTML in the export. */
    MASKING("masking"),
    /** The sandbox: profiles, least privilege, purging. */
    SANDBOX("sandbox"),
    /** hopscope:// links. */
    LINKS("links");

    private final String title;

    Area(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }
}
