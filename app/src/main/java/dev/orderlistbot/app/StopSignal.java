package dev.orderlistbot.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Blocks the bot's main thread until the process is asked to stop. */
interface StopSignal {

  /** Returns when a stop was requested. */
  void await();

  /** Already requested: for in-process runs (tests) that start and stop at once. */
  static StopSignal immediate() {
    return () -> {};
  }

  /**
   * SIGTERM or Ctrl-C: a JVM shutdown hook releases {@link #await()}, then holds the JVM up (for at
   * most {@code grace}) until {@link OnJvmShutdown#finished()} says the clean shutdown is done:
   * in-flight placements finished, the outbox flushed, the database closed.
   */
  final class OnJvmShutdown implements StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);

    OnJvmShutdown(Duration grace) {
      Runtime.getRuntime()
          .addShutdownHook(
              Thread.ofPlatform()
                  .name("orderlist-bot-shutdown")
                  .unstarted(
                      () -> {
                        requested.countDown();
                        try {
                          done.await(grace.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      }));
    }

    @Override
    public void await() {
      try {
        requested.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** The main thread has shut everything down; the JVM may end. */
    void finished() {
      done.countDown();
    }
  }
}
