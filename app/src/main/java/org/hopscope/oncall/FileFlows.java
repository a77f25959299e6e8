package org.hopscope.oncall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.correlate.FlowAssembler;
import org.hopscope.correlate.FlowOptions;
import org.hopscope.model.Flow;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.source.Cancellation;
import org.hopscope.source.file.FileEventSource;
import org.hopscope.source.file.TraceFile;
import org.hopscope.source.file.TraceFileLimits;
import org.hopscope.source.file.TraceFileReader;

/**
 * One message's flow from trace and log files instead of a backend ({@code flow --file}, Open
 * traces...): the files are read into memory, their events placed at the path's hops (ADR 0032) and
 * the flow assembled by the same engine as from Elasticsearch, with no time window and judged as of
 * the newest event in the files, never now. No metrics (said so on the flow). Thread-safe.
 */
public final class FileFlows {

  /** Why a flow from files has no metrics. */
  public static final String NO_METRICS = "a flow read from files has no metrics backend";

  /**
   * One file to read.
   *
   * @param file where it is
   * @param name how the user named it (locates its problems)
   * @param hop the hop all its events belong to, or null to place them by service name
   */
  public record Input(Path file, String name, String hop) {

    /**
     * {@code FILE} or {@code HOP=FILE} as given on the command line, relative to {@code dir}: a
     * whole argument that names an existing file is a file even when it holds {@code =}.
     *
     * @throws IllegalArgumentException when the argument is empty or its hop or file is
     */
    public static Input parse(String argument, Path dir) {
      if (argument == null || argument.isBlank()) {
        throw new IllegalArgumentException("--file: empty; give FILE or HOP=FILE");
      }
      int eq = argument.indexOf('=');
      if (eq < 0 || Files.exists(dir.resolve(argument))) {
        return new Input(dir.resolve(argument), argument, null);
      }
      String hop = argument.substring(0, eq);
      String file = argument.substring(eq + 1);
      if (hop.isBlank() || file.isBlank()) {
        throw new IllegalArgumentException(
            "--file " + argument + ": expected HOP=FILE with both a hop and a file");
      }
      return new Input(dir.resolve(file), file, hop);
    }
  }

  private final TraceFileReader reader;

  public FileFlows() {
    this(TraceFileLimits.DEFAULTS);
  }

  /** With other limits on the files read (tests). */
  FileFlows(TraceFileLimits limits) {
    this.reader = new TraceFileReader(limits);
  }

  /**
   * Reads {@code files} and assembles the flow of {@code id} on {@code path} from them.
   *
   * @throws IllegalArgumentException when the ID, a file's content or a named hop is wrong (a
   *     {@link org.hopscope.source.file.TraceFileException} says file:line and what was expected)
   * @throws java.io.UncheckedIOException when a file cannot be read from disk
   * @throws Cancellation.CancelledException when cancelled
   */
  public Flow flow(PathDef path, String id, List<Input> files, Cancellation cancel) {
    FollowedId.check(id);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no trace or log file given");
    }
    List<TraceFile> read = new ArrayList<>();
    Map<String, String> named = new HashMap<>();
    for (Input input : files) {
      cancel.check();
      read.add(reader.read(input.file(), input.name(), cancel));
      if (input.hop() != null) {
        named.put(input.name(), input.hop());
      }
    }
    FileEventSource source = new FileEventSource(path, read, named);
    Instant asOf = source.newest();
    Flow flow =
        new FlowAssembler(source, null, FlowOptions.defaults())
            .assemble(path, id, null, asOf == null ? Instant.EPOCH : asOf, cancel);
    List<Notice> notices = new ArrayList<>();
    notices.add(
        new Notice.FromFiles(
            read.stream().map(TraceFile::name).toList(), asOf == null ? null : asOf.toString()));
    notices.addAll(source.notices());
    notices.add(new Notice.MetricsUnavailable(NO_METRICS));
    notices.addAll(flow.notices());
    return flow.withNotices(notices);
  }
}
