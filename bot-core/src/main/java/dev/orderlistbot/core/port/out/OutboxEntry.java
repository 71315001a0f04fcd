package dev.orderlistbot.core.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored {@link OutboxMessage} handed to a dispatcher by {@link NotificationOutbox#claimDue}.
 *
 * @param attempts delivery attempts so far, this one included
 */
public record OutboxEntry(long id, OutboxMessage message, Instant createdAt, int attempts, Instant nextAttemptAt) {
  public OutboxEntry {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
  }
}
