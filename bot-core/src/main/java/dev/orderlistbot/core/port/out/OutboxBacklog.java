package dev.orderlistbot.core.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How much the {@link NotificationOutbox} still has to deliver, for the operator: the pending
 * messages (neither delivered nor failed) and when the oldest of them was enqueued.
 *
 * @param pending how many messages are pending; 0 or more
 * @param oldestCreatedAt when the oldest pending message was enqueued; empty exactly when none is
 */
public record OutboxBacklog(long pending, Optional<Instant> oldestCreatedAt) {
  /** Nothing pending. */
  public static final OutboxBacklog EMPTY = new OutboxBacklog(0, Optional.empty());

  public OutboxBacklog {
    Objects.requireNonNull(oldestCreatedAt, "oldestCreatedAt");
    if (pending < 0 || (pending == 0) != oldestCreatedAt.isEmpty()) {
      throw new IllegalArgumentException("pending is not negative, and an oldest message exists exactly when one is pending");
    }
  }

  /** How long the oldest pending message has waited at {@code now}; zero when none is pending. */
  public Duration oldestAge(Instant now) {
    return oldestCreatedAt.map(created -> Duration.between(created, now)).filter(age -> !age.isNegative()).orElse(Duration.ZERO);
  }
}
