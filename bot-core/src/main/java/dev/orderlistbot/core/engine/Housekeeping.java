package dev.orderlistbot.core.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic clean-up: old delivered notifications ({@link OutboxRetention}), then old
 * confirmations, processed-event records and audit entries ({@link RecordRetention}). A run that
 * fails is logged and changes nothing it did not finish; the next run tries again, so nothing is
 * lost and the schedule goes on. Thread-safe.
 */
public final class Housekeeping {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  /** How often the app runs it. */
  public static final Duration EVERY = Duration.ofHours(6);

  private final OutboxRetention outbox;
  private final RecordRetention records;

  public Housekeeping(OutboxRetention outbox, RecordRetention records) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.records = Objects.requireNonNull(records, "records");
  }

  /** One run on the caller's thread; never throws for a failed purge. */
  public void run() {
    try {
      outbox.purge();
    } catch (RuntimeException e) {
      LOG.warn("forgetting old delivered notifications failed; tried again at the next run: {}", e.toString());
    }
    try {
      records.purge();
    } catch (RuntimeException e) {
      LOG.warn("forgetting old records failed; tried again at the next run: {}", e.toString());
    }
  }

  /**
   * Runs every {@code every} on {@code scheduler} (with a fixed delay), the first time after a sixth
   * of it, so a start-up is not slowed by it.
   */
  public ScheduledFuture<?> scheduleOn(ScheduledExecutorService scheduler, Duration every) {
    return scheduleOn(scheduler, every, () -> true);
  }

  /**
   * As {@link #scheduleOn(ScheduledExecutorService, Duration)}, each run skipped unless {@code
   * runsHere} says this instance does the clean-up (it holds the sweeps' lease).
   */
  public ScheduledFuture<?> scheduleOn(ScheduledExecutorService scheduler, Duration every, BooleanSupplier runsHere) {
    long period = every.toMillis();
    if (period <= 0) {
      throw new IllegalArgumentException("the period must be positive");
    }
    return scheduler.scheduleWithFixedDelay(
        () -> {
          if (runsHere.getAsBoolean()) {
            run();
          }
        },
        Math.max(1, period / 6),
        period,
        TimeUnit.MILLISECONDS);
  }
}
