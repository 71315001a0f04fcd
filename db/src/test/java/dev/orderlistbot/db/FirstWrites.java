package dev.orderlistbot.db;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs two writes of the same row at the same moment, many times, for the stores' race tests. */
final class FirstWrites {
  private FirstWrites() {}

  /**
   * For each round, runs {@code first.apply(round)} and {@code second.apply(round)} on two threads
   * released together; fails with the first exception either of them threw.
   */
  static void race(int rounds, IntFunction<Runnable> first, IntFunction<Runnable> second) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < rounds; round++) {
        CyclicBarrier together = new CyclicBarrier(2);
        Runnable one = first.apply(round);
        Runnable two = second.apply(round);
        Future<?> a = pool.submit(() -> {
          together.await();
          one.run();
          return null;
        });
        Future<?> b = pool.submit(() -> {
          together.await();
          two.run();
          return null;
        });
        a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
