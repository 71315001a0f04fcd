package dev.orderlistbot.binance;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user data stream's threading rule in one place: every state change runs one at a time, in
 * submission order (a {@link SerialExecutor} over the injected scheduler), and a timer hands its
 * task to that same sequence when it fires.
 *
 * <p><b>Threading.</b> Thread-safe: {@link #execute} and {@link #later} may be called from any
 * thread (the WebSocket listener, a handshake's completion); the tasks themselves run on the
 * scheduler, never two at once.
 */
final class SerialScheduler implements Executor {
  private static final Logger log = LoggerFactory.getLogger(BinanceUserDataStream.class);

  private final ScheduledExecutorService scheduler;
  private final SerialExecutor serial;

  SerialScheduler(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
    this.serial = new SerialExecutor(scheduler);
  }

  /** Runs {@code task} in the sequence, after every task handed over before it. */
  @Override
  public void execute(Runnable task) {
    serial.execute(task);
  }

  /**
   * Runs {@code task} in the sequence once {@code delay} has passed.
   *
   * @return the timer, to cancel it; null when the scheduler is shut down (the task is dropped)
   */
  ScheduledFuture<?> later(Duration delay, Runnable task) {
    try {
      return scheduler.schedule(() -> serial.execute(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("scheduler shut down; timer dropped");
      return null;
    }
  }

  boolean isShutdown() {
    return scheduler.isShutdown();
  }
}
