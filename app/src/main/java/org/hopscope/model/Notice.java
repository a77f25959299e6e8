package org.hopscope.model;

import java.util.List;
import java.util.Locale;

/**
 * Something the user must know about a result or a connection: a part that could not be fetched, a
 * limit that was hit, a value that was clamped, a setting that weakens security. One record per
 * kind, so the faces can tell them apart by type; {@link #text()} is what the user reads.
 */
public sealed interface Notice {

  /**
   * The message shown to the user (the CLI prefixes {@code warning: }, or {@code note: } when
   * {@link #informational()}).
   */
  String text();

  /**
   * Whether this says what the answer is based on rather than what is missing or doubtful from it
   * (the CLI's {@code note:}, the banner's information line); false for every warning.
   */
  default boolean informational() {
    return false;
  }

  /** The metrics backend failed; the result comes without (some of) its panels. */
  record MetricsUnavailable(String reason) implements Notice {
    @Override
    public String text() {
      return "metrics unavailable: " + reason;
    }
  }

  /**
   * A later hop was seen before an earlier one: its clock runs behind by at least {@code millis};
   * its times are shown corrected by that much and the hand-over between them as 0.
   */
  record ClockSkew(String earlierHop, String laterHop, long millis) implements Notice {
    @Override
    public String text() {
      return String.format(
          "clock skew: %s first seen %d ms before %s (its clock runs behind);"
              + " its times are corrected by +%d ms and the hand-over %s -> %s shown as 0",
          laterHop, millis, earlierHop, millis, earlierHop, laterHop);
    }
  }

  /** A search by ID found the message's journey reaching beyond the window asked for. */
  record JourneyBeyondWindow(int before, int after, String bound) implements Notice {
    @Override
    public String text() {
      List<String> parts = new java.util.ArrayList<>();
      if (before > 0) {
        parts.add(before + " event(s) before the window");
      }
      if (after > 0) {
        parts.add(after + " event(s) after it");
      }
      return "found "
          + String.join(" and ", parts)
          + ": the whole journey is shown (searched up to "
          + bound
          + " beyond the window)";
    }
  }

  /** The number of IDs followed hit its limit; {@code notFollowed} values were not followed. */
  record IdLimitReached(int notFollowed, String example, int maxIds) implements Notice {
    @Override
    public String text() {
      return String.format(
          "ID limit reached: %d value(s) not followed, e.g. %s; raise maxIds (now %d) to"
              + " follow them",
          notFollowed, example, maxIds);
    }
  }

  /** ID links were followed {@code rounds} deep and no further. */
  record LinkDepthReached(int rounds, int notFollowed, String example, int maxLinkDepth)
      implements Notice {
    @Override
    public String text() {
      return String.format(
          "stopped following IDs after %d rounds (link depth limit); %d value(s) not"
              + " followed, e.g. %s; raise maxLinkDepth (now %d) to follow them",
          rounds, notFollowed, example, maxLinkDepth);
    }
  }

  /** Events sharing a trace ID with the message but carrying other message IDs were left out. */
  record EventsLeftOut(int count, String index, String docId, String traceId, List<String> ids)
      implements Notice {
    public EventsLeftOut {
      ids = List.copyOf(ids);
    }

    @Override
    public String text() {
      return String.format(
          "left out %d event(s) that share a trace ID with this message but carry other"
              + " message IDs, e.g. %s/%s on trace %s with ID(s) %s",
          count, index, docId, traceId, ids);
    }
  }

  /** A query found more events than the limit; only the first {@code limit} are used. */
  record EventsTruncated(String hop, long total, String index, int limit) implements Notice {
    @Override
    public String text() {
      return String.format(
          Locale.ROOT, "%s: %,d events in %s, showing the first %,d", hop, total, index, limit);
    }
  }

  /**
   * A first answer shown while a query's documents are still being read: its verdicts are all
   * UNKNOWN until the whole answer replaces it.
   *
   * @param read the query's documents read so far
   * @param matched how many it matched (up to the search's limit)
   */
  record StillReading(String hop, String index, long read, long matched) implements Notice {
    @Override
    public String text() {
      return String.format(
          Locale.ROOT,
          "%s: %,d of %,d events in %s read so far; no verdict until all are read",
          hop,
          read,
          matched,
          index);
    }
  }

  /** Documents without a readable timestamp were skipped. */
  record UnreadableTimestamps(
      int count,
      String hop,
      String index,
      String field,
      String format,
      String exampleDoc,
      String reason)
      implements Notice {
    @Override
    public String text() {
      return String.format(
          "skipped %d document(s) of hop %s in index %s without a readable timestamp"
              + " (field %s, format %s), e.g. document %s: %s",
          count, hop, index, field, format, exampleDoc, reason);
    }
  }

  /** A linked ID of the stuck analysis could not be looked up; its first event is taken. */
  record LinkedIdNotFound(String id, String hop) implements Notice {
    @Override
    public String text() {
      return ("linked ID %s at %s could not be looked up;"
              + " its first event there is taken as the message's")
          .formatted(id, hop);
    }
  }

  /** The stuck analysis ignores an ID link that leads backwards along the path. */
  record BackwardLinkIgnored(String fromHop, String toHop) implements Notice {
    @Override
    public String text() {
      return "ID link %s -> %s ignored: it must lead forward along the path"
          .formatted(fromHop, toHop);
    }
  }

  /** The stuck analysis follows only the first of several ID links (an approximation). */
  record OnlyFirstLinkFollowed(String link) implements Notice {
    @Override
    public String text() {
      return ("stuck analysis follows only the first ID link (%s); hops after later links are"
              + " counted by their own message-ID fields only")
          .formatted(link);
    }
  }

  /** A playbook count skips a source: it has no message field to match the phrase in. */
  record SourceNotCounted(String index) implements Notice {
    @Override
    public String text() {
      return index + " has no message field: not counted";
    }
  }

  /** A playbook count finds 0 at a source that defines no failure (or dead-letter) condition. */
  record NoCondition(String index, String condition) implements Notice {
    @Override
    public String text() {
      return index + " defines no " + condition + " condition: counts 0";
    }
  }

  /** A playbook's distinct-message count is approximated: the largest count of one source. */
  record LargestDistinctCount() implements Notice {
    @Override
    public String text() {
      return "the sources name message IDs differently: the largest distinct count is taken";
    }
  }

  /** TLS certificate verification is switched off for a backend. */
  record TlsVerificationOff(String source, String url) implements Notice {
    @Override
    public String text() {
      return ("%s: TLS certificate verification is OFF for %s (insecure); anyone on the network"
              + " path can read and change the traffic")
          .formatted(source, url);
    }
  }

  /**
   * A profile file holding secrets can be read (or changed) by other users, as ssh's "UNPROTECTED
   * PRIVATE KEY FILE".
   *
   * @param file the profile file
   * @param holds what it holds, e.g. {@code a password} or {@code a password and a token}
   * @param access {@code readable}, {@code writable} or {@code readable and writable}
   * @param mode the file's permission bits in octal, e.g. {@code 0644}
   */
  record UnprotectedProfile(String file, String holds, String access, String mode)
      implements Notice {
    @Override
    public String text() {
      return ("UNPROTECTED PROFILE FILE: %s holds %s and is %s by other users (mode %s);"
              + " run: chmod 600 %s")
          .formatted(file, holds, access, mode, file);
    }
  }

  /**
   * A backend's URL was overridden to another server, so the profile's credentials and TLS settings
   * (meant for {@code profileUrl}) are not sent there.
   */
  record CredentialsWithheld(
      String source, String profile, String profileUrl, String url, String urlFrom)
      implements Notice {
    @Override
    public String text() {
      return ("%s: the credentials and TLS settings of profile '%s' are for %s;"
              + " not used for %s (from %s)")
          .formatted(source, profile, profileUrl, url, urlFrom);
    }
  }

  /**
   * A source of a hop cannot be read: its events are unknown, not absent. When every source of the
   * hop is unreadable the hop's verdict is UNKNOWN and no message is judged by its absence there.
   */
  record SourceUnreadable(String hop, BlindSource source) implements Notice {
    @Override
    public String text() {
      String why =
          switch (source.reason()) {
            case NO_INDEX -> "no index matches it";
            case NO_PRIVILEGE -> "no read privilege for this user";
            case UNAVAILABLE -> "unavailable";
          };
      return "hop %s: index pattern %s cannot be read (%s%s); its events are unknown, not absent"
          .formatted(
              hop,
              source.pattern(),
              why,
              source.detail() == null || source.detail().isBlank() ? "" : ": " + source.detail());
    }
  }

  /**
   * Messages whose fate depends on a hop that cannot be read: the stuck analysis counts them
   * neither stuck nor left.
   */
  record FateUnknown(String hop, long messages) implements Notice {
    @Override
    public String text() {
      return String.format(
          Locale.ROOT,
          "%,d message(s) may have gone on at %s, which cannot be read: counted neither stuck nor"
              + " left",
          messages,
          hop);
    }
  }

  /** An ID link declares no cardinality; the stuck analysis says what the data show. */
  record CardinalityDetected(String fromHop, String toHop, String cardinality, String evidence)
      implements Notice {
    @Override
    public String text() {
      return "ID link %s -> %s declares no cardinality; the data show %s (%s)"
          .formatted(fromHop, toHop, cardinality, evidence);
    }
  }

  /** The stuck analysis does not follow an ID link; the reason says which hops it leaves out. */
  record LinkNotFollowed(String fromHop, String toHop, String reason) implements Notice {
    @Override
    public String text() {
      return "ID link %s -> %s not followed: %s".formatted(fromHop, toHop, reason);
    }
  }

  /**
   * IDs seen at a hop after a link that no message seen in the scanned range was linked to: their
   * messages are unknown, so the stuck analysis does not count them.
   */
  record UnlinkedIds(String hop, long count, String example) implements Notice {
    @Override
    public String text() {
      return String.format(
          Locale.ROOT,
          "%,d ID(s) seen at %s in the window (e.g. %s) are linked from no message seen since the"
              + " scan began: not counted",
          count,
          hop,
          example);
    }
  }

  /**
   * A path definition file that could not be used; the other files' paths loaded.
   *
   * @param problem the located problem, {@code file:line:column: message}
   */
  record PathFileSkipped(String problem) implements Notice {
    @Override
    public String text() {
      return "path definition not loaded (the others are): " + problem;
    }
  }

  /**
   * A trace or log file read for a flow from files: its detected format, what it held and what of
   * it was skipped, with the first located problems.
   *
   * @param file the file's name
   * @param format the detected format, e.g. {@code OTLP JSON lines}
   * @param documents spans, log records or documents read
   * @param problems problems met (each located)
   * @param skippedLines lines left out whole
   * @param skippedItems spans, records or documents left out
   * @param examples the first problems, {@code file:line pointer: what}
   */
  record FileRead(
      String file,
      String format,
      int documents,
      int problems,
      int skippedLines,
      int skippedItems,
      List<String> examples)
      implements Notice {
    public FileRead {
      examples = List.copyOf(examples);
    }

    /** A file read whole, with no problem, is a basis, not a warning. */
    @Override
    public boolean informational() {
      return problems == 0 && skippedLines == 0 && skippedItems == 0;
    }

    @Override
    public String text() {
      StringBuilder b =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "read %s as %s: %,d %s",
                  file,
                  format,
                  documents,
                  documents == 1 ? "event" : "events"));
      if (skippedLines > 0) {
        b.append(String.format(Locale.ROOT, "; %,d lines skipped", skippedLines));
      }
      if (skippedItems > 0) {
        b.append(String.format(Locale.ROOT, "; %,d spans or records left out", skippedItems));
      }
      if (problems > 0) {
        b.append(String.format(Locale.ROOT, "; %,d problems", problems));
        b.append(examples.isEmpty() ? "" : ", e.g. " + examples.get(0));
      }
      return b.toString();
    }
  }

  /**
   * Documents of a file that matched no hop by service name (and the file named no hop): they are
   * not part of the flow.
   *
   * @param file the file's name
   * @param count how many
   * @param services some service names they carry (empty when none could be read)
   */
  record FileDocumentsUnplaced(String file, int count, List<String> services) implements Notice {
    public FileDocumentsUnplaced {
      services = List.copyOf(services);
    }

    @Override
    public String text() {
      return String.format(
          Locale.ROOT,
          "%,d %s of %s %s no hop by service name%s: left out; to read them for a hop,"
              + " give --file HOP=%s",
          count,
          count == 1 ? "event" : "events",
          file,
          count == 1 ? "matches" : "match",
          services.isEmpty() ? "" : " (services " + String.join(", ", services) + ")",
          file);
    }
  }

  /**
   * A flow read from files, not from a backend: it is judged as of the newest event in the files,
   * not now, and has no metrics.
   *
   * @param files the files' names
   * @param asOf the newest event's time (ISO-8601 UTC), or null when no event had a readable time
   */
  record FromFiles(List<String> files, String asOf) implements Notice {
    public FromFiles {
      files = List.copyOf(files);
    }

    @Override
    public boolean informational() {
      return true;
    }

    @Override
    public String text() {
      return "flow read from "
          + (files.size() == 1 ? "file " : files.size() + " files: ")
          + String.join(", ", files)
          + (asOf == null
              ? "; no event time could be read"
              : "; judged as of " + asOf + ", the newest event in the files, not now");
    }
  }

  /**
   * A notice known by its words only: read from a saved flow that kept the text alone (an older
   * snapshot) or whose kind this version does not know.
   */
  record Recorded(String text) implements Notice {}
}
