package org.hopscope.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the fault suite's cases ({@link Fault}) per area as they finish and writes {@code
 * target/fault-suite.txt}: one line per area, "N cases, N held", then the cases that did not hold.
 * Registered through META-INF/services, so every test run of the module writes it.
 */
public final class FaultSummary implements TestExecutionListener {

  private final Map<Fault.Area, int[]> counts = new EnumMap<>(Fault.Area.class);
  private final Map<Fault.Area, long[]> nanos = new EnumMap<>(Fault.Area.class);
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final List<String> broken = new ArrayList<>();

  @Override
  public void executionStarted(TestIdentifier test) {
    if (test.isTest()) {
      started.put(test.getUniqueId(), System.nanoTime());
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (!test.isTest()) {
      return;
    }
    areaOf(test)
        .ifPresent(
            area -> {
              Long start = started.remove(test.getUniqueId());
              if (start != null) {
                nanos.computeIfAbsent(area, a -> new long[1])[0] += System.nanoTime() - start;
              }
              int[] count = counts.computeIfAbsent(area, a -> new int[2]);
              count[0]++;
              if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                count[1]++;
              } else {
                broken.add(area.title() + ": " + where(test) + " " + test.getDisplayName());
              }
            });
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    if (test.isTest()) {
      areaOf(test)
          .ifPresent(
              area -> {
                counts.computeIfAbsent(area, a -> new int[2])[0]++;
                broken.add(
                    area.title() + ": " + test.getLegacyReportingName() + " skipped: " + reason);
              });
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    if (counts.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    int cases = 0;
    int held = 0;
    long total = 0;
    for (Map.Entry<Fault.Area, int[]> entry : counts.entrySet()) {
      int[] count = entry.getValue();
      long took = nanos.getOrDefault(entry.getKey(), new long[1])[0];
      cases += count[0];
      held += count[1];
      total += took;
      lines.add(
          String.format(
              "  %-13s %4d cases, %4d held  (%.1f s)",
              entry.getKey().title(), count[0], count[1], took / 1e9));
    }
    lines.add(
        0,
        String.format(
            "Fault suite: %d cases, %d held, in %.0f s of test time (shared fixtures such as the"
                + " sandbox's start not included)",
            cases, held, total / 1e9));
    if (!broken.isEmpty()) {
      lines.add("Did not hold:");
      broken.forEach(line -> lines.add("  " + line));
    }
    write(lines);
  }

  private static void write(List<String> lines) {
    Path file = Path.of(System.getProperty("hopscope.fault.summary", "target/fault-suite.txt"));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fault suite's summary to " + file, e);
    }
  }

  private static String where(TestIdentifier test) {
    return test.getSource()
        .filter(MethodSource.class::isInstance)
        .map(MethodSource.class::cast)
        .map(m -> m.getJavaClass().getSimpleName() + "." + m.getMethodName())
        .orElse(test.getDisplayName());
  }

  private static Optional<Fault.Area> areaOf(TestIdentifier test) {
    return test.getSource()
        .filter(MethodSource.class::isInstance)
        .map(MethodSource.class::cast)
        .flatMap(FaultSummary::areaOf);
  }

  private static Optional<Fault.Area> areaOf(MethodSource source) {
    Optional<Fault.Area> onMethod = annotated(source.getJavaMethod());
    if (onMethod.isPresent()) {
      return onMethod;
    }
    for (Class<?> c = source.getJavaClass(); c != null; c = c.getEnclosingClass()) {
      Optional<Fault.Area> onClass = annotated(c);
      if (onClass.isPresent()) {
        return onClass;
      }
    }
    return Optional.empty();
  }

  private static Optional<Fault.Area> annotated(AnnotatedElement element) {
    return Optional.ofNullable(element.getAnnotation(Fault.class)).map(Fault::value);
  }
}
