package dev.orderlistbot.bench;

import dev.orderlistbot.charts.CandleChartRenderer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Renders 10,000 charts in a row with one renderer and measures the heap left live after a full
 * collection at 1,000 and at 10,000 renders: a leak per render (a cache, a font, a listener kept) shows
 * as growth between the two. Prints the figures and PASS or FAIL (growth ≤ 2 MB); stops by itself.
 *
 * <p>Run: {@code java -Djava.awt.headless=true -Xmx256m -cp bench/target/benchmarks.jar
 * dev.orderlistbot.bench.ChartRenderSoak}
 */
public final class ChartRenderSoak {
  private static final int RENDERS = 10_000;
  private static final long ALLOWED_GROWTH = 2L * 1024 * 1024;

  private ChartRenderSoak() {}

  public static void main(String[] args) throws InterruptedException {
    System.setProperty("java.awt.headless", "true");
    CandleChartRenderer renderer = new CandleChartRenderer();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long bytes = 0;
    long liveAt1000 = 0;
    long started = System.nanoTime();
    for (int i = 1; i <= RENDERS; i++) {
      bytes += renderer.render(ChartSpecs.otocoDay(i)).length;
      if (i == 1_000) {
        liveAt1000 = liveHeap(memory);
      }
    }
    long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
    long liveAtEnd = liveHeap(memory);
    long growth = liveAtEnd - liveAt1000;
    System.out.printf(
        Locale.ROOT,
        "%d renders in %d s (%.1f ms each), %.1f KB per PNG; live heap after GC: %.1f MB at 1,000, %.1f MB at %,d; growth %.2f MB%n",
        RENDERS, seconds, seconds * 1000.0 / RENDERS, bytes / 1024.0 / RENDERS, liveAt1000 / 1048576.0,
        liveAtEnd / 1048576.0, RENDERS, growth / 1048576.0);
    System.out.println(growth <= ALLOWED_GROWTH ? "PASS: no growth past 2 MB" : "FAIL: the live heap grew past 2 MB");
    if (growth > ALLOWED_GROWTH) {
      System.exit(1);
    }
  }

  private static long liveHeap(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
