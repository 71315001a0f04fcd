package dev.orderlistbot.bench;

import java.util.ArrayList;
import java.util.List;

/** A few figures from the bot's Prometheus {@code /metrics} text, summed over their labels. */
final class Metrics {
  private Metrics() {}

  static String summary(String prometheus) {
    List<String> parts = new ArrayList<>();
    parts.add("notifications delivered " + Math.round(sum(prometheus, "orderlist_notifications_delivered_total", "")));
    parts.add("drain failures " + Math.round(sum(prometheus, "orderlist_notification_drain_failures_total", "")));
    parts.add("live threads " + Math.round(sum(prometheus, "jvm_threads_live_threads", "")));
    return String.join(", ", parts);
  }

  /** Heap and non-heap in use, and heap committed, e.g. {@code heap used 40 MB of 120 MB committed}. */
  static String heap(String prometheus) {
    return "heap used %d MB of %d MB committed, non-heap used %d MB".formatted(
        mb(sum(prometheus, "jvm_memory_used_bytes", "area=\"heap\"")),
        mb(sum(prometheus, "jvm_memory_committed_bytes", "area=\"heap\"")),
        mb(sum(prometheus, "jvm_memory_used_bytes", "area=\"nonheap\"")));
  }

  private static long mb(double bytes) {
    return Math.round(bytes / 1048576);
  }

  /** The sum of every sample of {@code name} whose labels contain {@code label}. */
  private static double sum(String prometheus, String name, String label) {
    double total = 0;
    for (String line : prometheus.split("\n", -1)) {
      boolean named = line.startsWith(name + " ") || line.startsWith(name + "{");
      if (named && line.contains(label)) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }
}
