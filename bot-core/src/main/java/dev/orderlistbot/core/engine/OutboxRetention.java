package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets notifications delivered longer ago than the retention (default 30 days): their text holds
 * quantities and prices that need not stay on disk. Pending and failed messages are kept, and so
 * is the processed-event record that stops a replayed exchange event. Run it now and then (the app
 * does, every 6 hours). Thread-safe.
 */
public final class OutboxRetention {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRetention.class);

  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  private final Transactor transactor;
  private final Clock clock;
  private final Duration retention;

  public OutboxRetention(Transactor transactor, Clock clock, Duration retention) {
    this.transactor = Objects.requireNonNull(transactor, "transactor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("the retention must be positive");
    }
  }

  /** Deletes what was delivered before now minus the retention; returns how many. */
  public int purge() {
    int purged = transactor.inTransaction(stores -> stores.outbox().purgeDeliveredBefore(clock.instant().minus(retention)));
    if (purged > 0) {
      LOG.info("forgot {} notification(s) delivered more than {} days ago", purged, retention.toDays());
    }
    return purged;
  }
}
