package dev.orderlistbot.core.engine;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat platform's worker: runs that platform's drains as tasks on the injected executor, one at
 * a time. A {@link #trigger} while a drain runs asks for one more drain after it; further triggers
 * merge into that one. So the lane's queue is bounded at one waiting drain, and the messages
 * themselves wait in the outbox, not in memory. Whoever triggers never waits for a send: a platform
 * whose sends hang (Telegram unreachable, 30 s each) holds up its own lane only, never the thread
 * that triggered it (the exchange stream's, a timer's) nor another platform's lane, as long as the
 * executor runs each task on a thread of its own (virtual threads, in the app).
 *
 * <p>A drain that throws (the database is down) ends the lane's run and is rethrown to the executor,
 * which reports it; the request that was waiting is dropped, and the next trigger starts afresh.
 * Thread-safe.
 */
final class DeliveryLane {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryLane.class);
  private static final int IDLE = 0;
  private static final int RUNNING = 1;
  private static final int RUNNING_THEN_AGAIN = 2;

  private final String name;
  private final Executor executor;
  private final Runnable drain;
  private final AtomicInteger state = new AtomicInteger(IDLE);

  /**
   * @param name the platform, for the log
   * @param drain sends what is due on the platform; called on the executor, never concurrently
   */
  DeliveryLane(String name, Executor executor, Runnable drain) {
    this.name = Objects.requireNonNull(name, "name");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.drain = Objects.requireNonNull(drain, "drain");
  }

  /** Asks for a drain soon: started now if the lane is idle, or run once more after the current one. */
  void trigger() {
    int before = state.getAndUpdate(s -> s == IDLE ? RUNNING : RUNNING_THEN_AGAIN);
    if (before != IDLE) {
      return;
    }
    try {
      executor.execute(this::run);
    } catch (RejectedExecutionException e) {
      state.set(IDLE);
      LOG.debug("{} deliveries: the executor is shut down; drain dropped", name);
    }
  }

  private void run() {
    try {
      do {
        drain.run();
      } while (!state.compareAndSet(RUNNING, IDLE) && state.compareAndSet(RUNNING_THEN_AGAIN, RUNNING));
    } catch (RuntimeException | Error e) {
      state.set(IDLE);
      throw e;
    }
  }
}
