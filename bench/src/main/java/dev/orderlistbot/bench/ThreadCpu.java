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
record ThreadCpu(Map<String, Long> nanosByGroup, Map<String, Long> nanosByThread) {
  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

  static ThreadCpu snapshot() {
    return of(Path.of("/proc/self/task"));
  }

  /** Another process's threads (the bot's, from the load harness). */
  static ThreadCpu ofProcess(long pid) {
    return of(Path.of("/proc", Long.toString(pid), "task"));
  }

  private static ThreadCpu of(Path tasks) {
    Map<String, Long> byGroup = new HashMap<>();
    Map<String, Long> byThread = new HashMap<>();
    if (!Files.isDirectory(tasks)) {
      return new ThreadCpu(byGroup, byThread);
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
          byThread.put(task.getFileName() + " " + name, ticks * NANOS_PER_TICK);
        } catch (IOException | RuntimeException ended) {
          // the thread ended between the listing and the read: its time is gone with it
        }
      });
    } catch (IOException unreadable) {
      return new ThreadCpu(Map.of(), Map.of());
    }
    return new ThreadCpu(byGroup, byThread);
  }

  /**
   * The process's {@code total} CPU time since an earlier snapshot in three kinds, per {@code trades}:
   * the JIT's compiler threads, the collector's (the serial collector runs in the "VM Thread"), and
   * the rest (the application: the engine, H2, the HTTP client, virtual-thread carriers). Counted
   * thread by thread: the time of a thread that ended in between (an idle carrier, a compiler thread
   * the JVM let go) is not in any snapshot, and falls in the rest.
   */
  String byKind(ThreadCpu earlier, long totalNanos, int trades) {
    long jit = 0;
    long gc = 0;
    for (Map.Entry<String, Long> e : nanosByThread.entrySet()) {
      long nanos = e.getValue() - earlier.nanosByThread.getOrDefault(e.getKey(), 0L);
      String name = e.getKey().substring(e.getKey().indexOf(' ') + 1);
      if (name.contains("CompilerThre")) {
        jit += nanos;
      } else if (name.startsWith("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1")) {
        gc += nanos;
      }
    }
    long rest = totalNanos - jit - gc;
    double per = Math.max(1, trades) * 1e6;
    StringBuilder top = new StringBuilder();
    nanosByGroup.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - earlier.nanosByGroup.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(6)
        .forEach(e -> top.append(String.format("; %s %.2f", e.getKey().strip(), e.getValue() / per)));
    return String.format("application %.2f ms, JIT %.2f ms, GC %.2f ms a trade (%.1f / %.1f / %.1f s)%nthreads (ms a trade)%s",
        rest / per, jit / per, gc / per, rest / 1e9, jit / 1e9, gc / 1e9, top);
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
