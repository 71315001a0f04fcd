package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.ChatPlatform;
import dev.orderlistbot.core.port.out.OutboxEntry;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the notification outbox to the chat platforms. The app calls {@link #drainOnce()} on its
 * own schedule (every few seconds) and the router calls {@link #trigger()} right after it enqueued
 * something.
 *
 * <p>Each message is claimed with a lease (so two dispatchers, or a crashed one, never double-send
 * within the lease), sent, and marked delivered. A send the platform refused for now is retried
 * with exponential back-off (5 s doubling to 15 min) or after the wait the platform asked for,
 * whichever is longer. A message whose chat is gone (not retryable) or that failed {@value
 * #MAX_ATTEMPTS} times is given up and logged. A message for a platform that is not running waits an
 * hour and is tried again.
 *
 * <p>Delivery is at least once: a crash between sending and marking delivered sends the message again
 * after the lease. Thread-safe.
 */
public final class NotificationDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  static final int BATCH = 50;
  static final int MAX_ATTEMPTS = 20;
  static final Duration LEASE = Duration.ofMinutes(2);
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
  static final Duration PLATFORM_DOWN_WAIT = Duration.ofHours(1);

  private final Transactor transactor;
  private final ChatPlatforms platforms;
  private final Clock clock;
  private final Executor executor;
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /** @param executor runs the drains {@link #trigger()} asks for (a virtual thread, in the app) */
  public NotificationDispatcher(Transactor transactor, ChatPlatforms platforms, Clock clock, Executor executor) {
    this.transactor = Objects.requireNonNull(transactor, "transactor");
    this.platforms = Objects.requireNonNull(platforms, "platforms");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /** Asks for a drain soon; requests made while one is queued are merged into it. */
  public void trigger() {
    if (scheduled.compareAndSet(false, true)) {
      executor.execute(
          () -> {
            scheduled.set(false);
            drainOnce();
          });
    }
  }

  /** Sends every message that is due now; answers how many were delivered. */
  public int drainOnce() {
    int delivered = 0;
    List<OutboxEntry> batch;
    do {
      batch = transactor.inTransaction(stores -> stores.outbox().claimDue(BATCH, LEASE));
      for (OutboxEntry entry : batch) {
        delivered += deliver(entry) ? 1 : 0;
      }
    } while (batch.size() == BATCH);
    return delivered;
  }

  private boolean deliver(OutboxEntry entry) {
    Optional<ChatPlatform> platform = platforms.forChat(entry.message().target());
    if (platform.isEmpty()) {
      LOG.warn("notification {}: no platform {} is running; trying again later", entry.id(), entry.message().target().platform());
      reschedule(entry, PLATFORM_DOWN_WAIT);
      return false;
    }
    try {
      platform.get().send(entry.message().target(), OutboundMessage.text(entry.message().text()));
      transactor.inTransaction(stores -> stores.outbox().markDelivered(entry.id()));
      return true;
    } catch (ChatDeliveryException e) {
      if (!e.retryable() || entry.attempts() >= MAX_ATTEMPTS) {
        LOG.warn("notification {} to {} given up after {} attempt(s): {}", entry.id(), entry.message().target(), entry.attempts(), e.getMessage());
        transactor.inTransaction(stores -> stores.outbox().markDelivered(entry.id()));
      } else {
        Duration wait = backoff(entry.attempts());
        Duration asked = e.retryAfter().orElse(Duration.ZERO);
        reschedule(entry, asked.compareTo(wait) > 0 ? asked : wait);
      }
      return false;
    } catch (RuntimeException e) {
      LOG.error("notification {} to {} failed; trying again later", entry.id(), entry.message().target(), e);
      reschedule(entry, backoff(entry.attempts()));
      return false;
    }
  }

  private void reschedule(OutboxEntry entry, Duration wait) {
    transactor.inTransaction(stores -> stores.outbox().reschedule(entry.id(), clock.instant().plus(wait)));
  }

  /** 5 s after the first attempt, doubling, at most 15 min. */
  static Duration backoff(int attempts) {
    Duration wait = FIRST_BACKOFF;
    for (int i = 1; i < attempts && wait.compareTo(MAX_BACKOFF) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }
}
