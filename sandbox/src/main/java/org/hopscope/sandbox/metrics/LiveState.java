package org.hopscope.sandbox.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.hopscope.sandbox.SandboxException;

/**
 * Where the recorded incident stands at its end, for the live exporter to continue from: the file
 * {@value #FILE_NAME} in the sandbox folder, written by the seed and read by {@code exporter}.
 * Labels exclude {@code job} and {@code instance}, which Prometheus adds when it scrapes.
 *
 * @param recordedUntil epoch millis of the last recorded sample (the seed's {@code now})
 * @param families every metric family of the story
 */
public record LiveState(long recordedUntil, List<Family> families) {

  /** Name of the live state file in the sandbox folder. */
  public static final String FILE_NAME = "live-state.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One metric family.
   *
   * @param name family name as in {@code # TYPE} (a counter's samples are {@code name_total})
   * @param type {@code counter}, {@code gauge} or {@code histogram}
   * @param help help text
   * @param series the labelled series
   */
  public record Family(String name, String type, String help, List<Series> series) {}

  /**
   * One labelled series at the end of the recording.
   *
   * @param labels label names to values, in order (without {@code job}/{@code instance})
   * @param value counter or gauge value; for a histogram its count
   * @param perSecond counter (histogram count) increase per second over the last 5 minutes; for a
   *     gauge its trend per second over the last 5 minutes (may be negative)
   * @param buckets histogram only (else null): cumulative buckets, the last one {@code +Inf}
   * @param sum histogram only (else null): sum of observations in seconds
   * @param sumPerSecond histogram only (else null): increase of {@code sum} per second
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Series(
      Map<String, String> labels,
      double value,
      double perSecond,
      List<Bucket> buckets,
      Double sum,
      Double sumPerSecond) {}

  /**
   * One cumulative histogram bucket.
   *
   * @param le upper bound as client_java writes it ({@code 0.005}, {@code 1.0}, {@code +Inf})
   * @param value observations at or below {@code le}
   * @param perSecond increase of {@code value} per second over the last 5 minutes
   */
  public record Bucket(String le, double value, double perSecond) {}

  /** The live state file of the sandbox folder {@code dir}. */
  public static Path fileIn(Path dir) {
    return dir.resolve(FILE_NAME);
  }

  /**
   * Writes this state to {@code file} atomically (temporary file, then rename), so a reader never
   * sees half a file.
   */
  public void write(Path file) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new SandboxException(
          "Cannot write the live metrics state " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a state written by {@link #write}. */
  public static LiveState read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), LiveState.class);
  }
}
