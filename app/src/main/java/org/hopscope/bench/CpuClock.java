package org.hopscope.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * CPU time spent while a benchmark row was measured, summed over its samples: this process' own
 * (all threads) and the whole machine's busy time (every process: the client, the search engine,
 * Prometheus; from {@code /proc/stat}, in clock ticks of 10 ms, so only sums over many samples mean
 * anything). Tells whether a row waits on the network or on a machine that has no core left.
 */
final class CpuClock {

  private static final Path STAT = Path.of("/proc/stat");

  /** Linux' USER_HZ, the unit of {@code /proc/stat} on every mainstream build. */
  private static final long TICK_NANOS = 10_000_000L;

  private long process;
  private long machine;
  private boolean processKnown = true;
  private boolean machineKnown = true;
  private long samples;

  /** A reading at the start of one sample. */
  record Start(long process, long machine) {}

  Start start() {
    return new Start(processNanos(), machineNanos());
  }

  /** Adds the CPU time since {@code start} as one sample. */
  void stop(Start start) {
    long m = machineNanos();
    long p = processNanos();
    if (p < 0 || start.process() < 0) {
      processKnown = false;
    } else {
      process += p - start.process();
    }
    if (m < 0 || start.machine() < 0) {
      machineKnown = false;
    } else {
      machine += m - start.machine();
    }
    samples++;
  }

  /** E.g. "client 0.9 ms, machine 21.3 ms per sample"; either figure may be unknown. */
  String perSample() {
    return samples == 0
        ? "no samples"
        : "client " + client("%.1f ms") + ", machine " + machine("%.1f ms") + " per sample";
  }

  /** This process' CPU per sample, its milliseconds in {@code format}; "unknown" if not known. */
  String client(String format) {
    return millis(process, processKnown, format);
  }

  /** The machine's busy CPU per sample, as {@link #client}. */
  String machine(String format) {
    return millis(machine, machineKnown, format);
  }

  private String millis(long nanos, boolean known, String format) {
    return known && samples > 0
        ? String.format(Locale.ROOT, format, nanos / 1e6 / samples)
        : "unknown";
  }

  /** This process' CPU time so far (all threads), or -1 where the JVM cannot tell. */
  static long processNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  /**
   * The machine's busy CPU time so far (user, nice, system, irq, softirq of all cores; not idle,
   * I/O wait or steal), or -1 where {@code /proc/stat} cannot be read.
   */
  static long machineNanos() {
    try {
      List<String> lines = Files.readAllLines(STAT);
      String[] f = lines.isEmpty() ? new String[0] : lines.get(0).trim().split("\\s+");
      if (f.length < 8 || !f[0].equals("cpu")) {
        return -1;
      }
      long ticks = 0;
      for (int i : new int[] {1, 2, 3, 6, 7}) {
        ticks += Long.parseLong(f[i]);
      }
      return ticks * TICK_NANOS;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }
}
