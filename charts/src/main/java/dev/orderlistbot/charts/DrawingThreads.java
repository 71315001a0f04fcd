package dev.orderlistbot.charts;

import dev.orderlistbot.core.chart.ChartSpec;
import dev.orderlistbot.core.port.out.ChartRenderer;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Draws every chart on a few platform threads of its own ({@code threads}, a fixed pool the caller
 * owns and shuts down), whatever thread asks: the caller's thread waits for its picture.
 *
 * <p>Why: the JDK's rasteriser (Marlin) keeps a drawing context per thread, with off-heap arrays, held
 * by a soft reference. The bot asks for charts on virtual threads, a new one per preview, so each
 * preview made a context of its own: in the 1,000-user burst about 30 MB of native memory stayed
 * allocated until the heap ran short enough to clear the soft references (performance.md, "Chart
 * contexts"), and making them cost CPU. On a few threads the contexts are made once and reused.
 * Drawing is CPU-bound, so more threads than cores would not draw faster anyway.
 *
 * <p>Thread-safe. A render that cannot start because the pool is shut down (the bot is stopping),
 * or whose caller is interrupted while it waits, fails with a {@link ChartException}: the caller
 * sends its text without the picture.
 */
public final class DrawingThreads implements ChartRenderer {
  private final ChartRenderer renderer;
  private final ExecutorService threads;

  public DrawingThreads(ChartRenderer renderer, ExecutorService threads) {
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.threads = Objects.requireNonNull(threads, "threads");
  }

  @Override
  public byte[] render(ChartSpec spec) {
    Objects.requireNonNull(spec, "spec");
    Future<byte[]> drawn;
    try {
      drawn = threads.submit(() -> renderer.render(spec));
    } catch (RejectedExecutionException e) {
      throw new ChartException("the bot is stopping: no chart is drawn now", e);
    }
    try {
      return drawn.get();
    } catch (InterruptedException e) {
      drawn.cancel(true);
      Thread.currentThread().interrupt();
      throw new ChartException("stopped while the chart was being drawn", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new ChartException("the chart could not be drawn", cause);
    }
  }

  @Override
  public String toString() {
    return renderer + " on its drawing threads";
  }
}
