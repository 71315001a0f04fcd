package dev.orderlistbot.bench;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads the bot's resident memory every {@link #PERIOD_MILLIS} ms on a daemon thread and keeps the
 * highest value seen in each phase of the run, named by {@link #phase}.
 */
final class MemorySampler implements AutoCloseable {
  static final long PERIOD_MILLIS = 100;

  private final Supplier<OptionalLong> rssKib;
  private final Map<String, Long> peaks = new TreeMap<>();
  private final Thread thread;
  private volatile String phase = "idle";
  private volatile boolean stopped;

  MemorySampler(Supplier<OptionalLong> rssKib) {
    this.rssKib = rssKib;
    this.thread = Thread.ofPlatform().daemon(true).name("rss-sampler").start(this::loop);
  }

  void phase(String name) {
    phase = name;
  }

  /** The highest resident size in each phase, in KiB. */
  synchronized Map<String, Long> peaks() {
    return Map.copyOf(peaks);
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    while (!stopped) {
      OptionalLong rss = rssKib.get();
      if (rss.isPresent()) {
        synchronized (this) {
          peaks.merge(phase, rss.getAsLong(), Math::max);
        }
      }
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
