package dev.orderlistbot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The process's CPU time per kind of thread, from Linux's {@code /proc/self/task/<tid>/stat}: the
 * JVM's own threads (GC, JIT compilers) as well as the Java ones, which a JFR execution sample
 * does not see. Thread names are grouped with their digits dropped ({@code routing-3} →
 * {@code routing-}). On a system without {@code /proc} the snapshot is empty.
 */
record ThreadCpu(Map<String, Long> nanosByGroup) {
  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

  static ThreadCpu snapshot() {
    Map<String, Long> byGroup = new HashMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return new ThreadCpu(byGroup);
    }
    try (Stream<Path> each = Files.list(tasks)) {
      each.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int close = stat.lastIndexOf(')');
          String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("[0-9]+", "");
          String[] fields = stat.substring(close + 2).split(" ", -1);
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
          byGroup.merge(name, ticks * NANOS_PER_TICK, Long::sum);
        } catch (IOException | RuntimeException ended) {
          // the thread ended between the listing and the read: its time is gone with it
        }
      });
    } catch (IOException unreadable) {
      return new ThreadCpu(Map.of());
    }
    return new ThreadCpu(byGroup);
  }

  /** This snapshot's time less an earlier one's, per group, largest first, as printable lines. */
  String since(ThreadCpu earlier, long events) {
    StringBuilder out = new StringBuilder();
    nanosByGroup.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - earlier.nanosByGroup.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> out.append(String.format("  %-28s %6.2f s  %6.1f µs per event%n",
            e.getKey(), e.getValue() / 1e9, e.getValue() / 1e3 / Math.max(1, events))));
    return out.toString();
  }
}
