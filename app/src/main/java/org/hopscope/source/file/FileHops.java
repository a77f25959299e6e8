package org.hopscope.source.file;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.PathDef;

/**
 * Which hop source each document of the files belongs to (docs/trace-files.md, ADR 0032): the
 * documents of a file named for a hop ({@code --file HOP=FILE}) go to that hop; any other document
 * goes to each hop whose source's {@code service} field, read from the document, holds the hop's
 * service (or name). Within a hop, a document goes to the first source of its kind (span or log).
 * Immutable once built.
 */
final class FileHops {

  /** A hop source. */
  record SourceKey(String hop, EventSourceDef source) {}

  /** A placed document and its time (null when the source's timestamp field does not read). */
  record Placed(FileDocument document, Instant time) {}

  /**
   * The documents of one file that matched no hop.
   *
   * @param file the file's name
   * @param count how many
   * @param services the service names they carry (at most 5), empty when none reads
   */
  record Unplaced(String file, int count, List<String> services) {}

  private final Map<SourceKey, List<Placed>> placed = new LinkedHashMap<>();
  private final List<Unplaced> unplaced = new ArrayList<>();
  private Instant newest;

  /**
   * @param named file name to hop name, for files given as {@code HOP=FILE}
   * @throws IllegalArgumentException when a named hop is not in the path
   */
  FileHops(PathDef path, List<TraceFile> files, Map<String, String> named) {
    for (TraceFile file : files) {
      String hopName = named.get(file.name());
      Hop hop = null;
      if (hopName != null) {
        hop =
            path.hop(hopName)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "--file "
                                + hopName
                                + "="
                                + file.name()
                                + ": no hop '"
                                + hopName
                                + "' in path "
                                + path.name()
                                + " (hops: "
                                + String.join(", ", path.hops().stream().map(Hop::name).toList())
                                + ")"));
      }
      int left = 0;
      Set<String> services = new LinkedHashSet<>();
      for (FileDocument doc : file.documents()) {
        boolean any = hop != null ? place(hop, doc, false) : byService(path, doc);
        if (!any) {
          left++;
          String service = anyService(path, doc);
          if (service != null && services.size() < 5) {
            services.add(service);
          }
        }
      }
      if (left > 0) {
        unplaced.add(new Unplaced(file.name(), left, List.copyOf(services)));
      }
    }
  }

  private boolean byService(PathDef path, FileDocument doc) {
    boolean any = false;
    for (Hop hop : path.hops()) {
      any |= place(hop, doc, true);
    }
    return any;
  }

  /** Places {@code doc} at the first fitting source of {@code hop}; whether it was placed. */
  private boolean place(Hop hop, FileDocument doc, boolean byService) {
    EventSourceDef chosen = null;
    for (EventSourceDef source : hop.sources()) {
      if (doc.kind() != null && doc.kind() != source.kind()) {
        continue;
      }
      if (byService && !serves(hop, source, doc)) {
        continue;
      }
      chosen = source;
      break;
    }
    if (chosen == null && !byService) {
      chosen = hop.sources().get(0); // named for the hop, of no kind its sources declare
    }
    if (chosen == null) {
      return false;
    }
    Instant time = time(chosen, doc);
    if (time != null && (newest == null || time.isAfter(newest))) {
      newest = time;
    }
    placed
        .computeIfAbsent(new SourceKey(hop.name(), chosen), k -> new ArrayList<>())
        .add(new Placed(doc, time));
    return true;
  }

  private static boolean serves(Hop hop, EventSourceDef source, FileDocument doc) {
    FieldPath service = source.fields().service();
    if (service == null) {
      return false;
    }
    for (Object v : service.read(doc.document())) {
      String s = String.valueOf(v);
      if (s.equals(hop.service()) || s.equals(hop.name())) {
        return true;
      }
    }
    return false;
  }

  private static String anyService(PathDef path, FileDocument doc) {
    for (Hop hop : path.hops()) {
      for (EventSourceDef source : hop.sources()) {
        FieldPath service = source.fields().service();
        String s = service == null ? null : service.readFirst(doc.document());
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }

  private static Instant time(EventSourceDef source, FileDocument doc) {
    String value = source.fields().timestamp().readFirst(doc.document());
    if (value == null) {
      return null;
    }
    try {
      return source.fields().timestampFormat().parse(value);
    } catch (IllegalArgumentException unreadable) {
      return null; // the engine reports unreadable timestamps of the events it finds
    }
  }

  Map<SourceKey, List<Placed>> placed() {
    return placed;
  }

  List<Unplaced> unplaced() {
    return unplaced;
  }

  /** The newest event time of a placed document, or null when none has a readable time. */
  Instant newest() {
    return newest;
  }
}
