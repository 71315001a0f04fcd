package dev.orderlistbot.bench;

import java.util.Arrays;

/** Throughput and latency percentiles of one phase of the load run, printed as one line. */
final class Latencies {
  private static final long WIDE_GAP_MILLIS = 60;

  private Latencies() {}

  /**
   * Prints how long the phase that began at {@code start} took until its last answer, the rate of
   * answers, and percentiles of {@code answered[i] - asked[i]} (System.nanoTime; a 0 in {@code
   * answered} is an answer that never came and is left out).
   */
  static void report(String phase, long start, long[] asked, long[] answered) {
    long[] waits = new long[answered.length];
    int n = 0;
    long last = start;
    for (int i = 0; i < answered.length; i++) {
      if (answered[i] != 0) {
        waits[n++] = answered[i] - asked[i];
        last = Math.max(last, answered[i]);
      }
    }
    if (n == 0) {
      ThousandUsersLoad.report(phase, "nothing arrived");
      return;
    }
    long[] sorted = Arrays.copyOf(waits, n);
    Arrays.sort(sorted);
    double seconds = (last - start) / 1e9;
    ThousandUsersLoad.report(phase, "%d in %.1f s = %.0f/s; latency p50 %d ms, p90 %d ms, p99 %d ms, max %d ms".formatted(
        n,
        seconds,
        n / seconds,
        millis(percentile(sorted, 0.50)),
        millis(percentile(sorted, 0.90)),
        millis(percentile(sorted, 0.99)),
        millis(sorted[n - 1])));
    ThousandUsersLoad.report("  pace", gaps(start, answered));
  }

  /**
   * Where a paced phase lost time: when its first answer came, and the gaps between consecutive
   * answers wider than {@link #WIDE_GAP_MILLIS} (a pace of 28.6 a second leaves 35 ms between them).
   */
  static String gaps(long start, long[] answered) {
    long[] times = Arrays.stream(answered).filter(t -> t != 0).sorted().toArray();
    long wide = 0;
    long wideMillis = 0;
    long widest = 0;
    for (int i = 1; i < times.length; i++) {
      long gap = millis(times[i] - times[i - 1]);
      widest = Math.max(widest, gap);
      if (gap > WIDE_GAP_MILLIS) {
        wide++;
        wideMillis += gap;
      }
    }
    return "first answer after %d ms; %d gaps over %d ms between answers, %d ms together; widest %d ms".formatted(
        millis(times[0] - start), wide, WIDE_GAP_MILLIS, wideMillis, widest);
  }

  private static long percentile(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static long millis(long nanos) {
    return ThousandUsersLoad.millis(nanos);
  }
}
